import type { Core } from '@strapi/strapi';
import { getConfig, PLUGIN_ID } from '../utils/plugin';

export const CONDITION_NAME = 'manages-dealership';
/** The uid a role permission lists in its `conditions`. */
export const CONDITION_UID = `plugin::${PLUGIN_ID}.${CONDITION_NAME}`;

export interface ScopedContentTypes {
  dealership: string;
  vehicle: string;
  lead: string;
}

export const scopedContentTypes = (strapi: Core.Strapi) => getConfig<ScopedContentTypes>(strapi, 'contentTypes');

/**
 * The condition's query for one permission. Strapi calls the handler with the user merged with
 * `{ permission }`, so one condition serves the dealership type (its own `managers`) and the
 * types that belong to a dealership (`dealership.managers`). Any other type: never granted,
 * rather than a query on an attribute it does not have.
 */
export function dealershipConditionQuery(types: ScopedContentTypes, user: { id: number; permission?: { subject?: string | null } }) {
  const managedBy = { $elemMatch: { id: user.id } };
  const subject = user.permission?.subject;
  if (subject === types.dealership) return { managers: managedBy };
  if (subject === types.vehicle || subject === types.lead) return { 'dealership.managers': managedBy };
  return false;
}

export function registerDealershipCondition(strapi: Core.Strapi) {
  strapi.service('admin::permission').conditionProvider.register({
    displayName: "Manages the entry's dealership",
    name: CONDITION_NAME,
    plugin: PLUGIN_ID,
    handler: (user: { id: number; permission?: { subject?: string } }) => dealershipConditionQuery(scopedContentTypes(strapi), user),
  });
}
