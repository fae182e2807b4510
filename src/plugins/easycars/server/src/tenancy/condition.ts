import type { Core } from '@strapi/strapi';
import { getConfig, PLUGIN_ID } from '../utils/plugin';
import { hostConfig, type HostConfig } from '../host/config';

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
 * types that belong to a dealership (`<relation>.managers`, relation and managers from the config). Any other type: never granted,
 * rather than a query on an attribute it does not have.
 */
export function dealershipConditionQuery(host: Pick<HostConfig, 'types' | 'dealership' | 'vehicle' | 'lead'>, user: { id: number; permission?: { subject?: string | null } }) {
  const managedBy = { $elemMatch: { id: user.id } };
  const subject = user.permission?.subject;
  const managers = host.dealership.managers;
  if (subject === host.types.dealership) return { [managers]: managedBy };
  if (subject === host.types.vehicle) return { [`${host.vehicle.dealership}.${managers}`]: managedBy };
  if (subject === host.types.lead) return { [`${host.lead.dealership}.${managers}`]: managedBy };
  return false;
}

export function registerDealershipCondition(strapi: Core.Strapi) {
  strapi.service('admin::permission').conditionProvider.register({
    displayName: "Manages the entry's dealership",
    name: CONDITION_NAME,
    plugin: PLUGIN_ID,
    handler: (user: { id: number; permission?: { subject?: string } }) => dealershipConditionQuery(hostConfig(strapi), user),
  });
}
