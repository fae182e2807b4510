/** What the plugin needs from the host app, resolved from the plugin config once per Strapi instance. */
import type { Core } from '@strapi/strapi';
import { getConfig } from '../utils/plugin';
import { resolveFieldMap, type ResolvedFieldMap } from '../stock/field-map';
import { resolveLeadFieldMap, type ResolvedLeadFieldMap } from './lead-field-map';

export interface HostContentTypes {
  dealership: string;
  vehicle: string;
  lead: string;
}

/** Attributes of the dealership type the plugin reads. `slug` is optional (false: the documentId labels metrics). */
export interface DealershipFields {
  name: string;
  timezone: string;
  managers: string;
  slug: string | false;
}

export interface HostConfig {
  types: HostContentTypes;
  dealership: DealershipFields;
  vehicle: ResolvedFieldMap & { dealership: string };
  lead: ResolvedLeadFieldMap;
}

export const DEFAULT_DEALERSHIP_FIELDS: DealershipFields = { name: 'name', timezone: 'timezone', managers: 'managers', slug: 'slug' };

export function resolveHostConfig(raw: {
  contentTypes: HostContentTypes;
  dealershipFields?: Partial<DealershipFields>;
  vehicleFieldMap?: Record<string, string | false>;
  leadFieldMap?: Record<string, string | false>;
}): HostConfig {
  const vehicle = resolveFieldMap(raw.vehicleFieldMap);
  if (!vehicle.dealership) throw new Error('EasyCars vehicleFieldMap: dealership cannot be turned off (a vehicle must belong to a dealership).');
  return {
    types: { ...raw.contentTypes },
    dealership: { ...DEFAULT_DEALERSHIP_FIELDS, ...(raw.dealershipFields ?? {}) },
    vehicle: vehicle as HostConfig['vehicle'],
    lead: resolveLeadFieldMap(raw.leadFieldMap),
  };
}

const cache = new WeakMap<object, HostConfig>();

export function hostConfig(strapi: Core.Strapi): HostConfig {
  let resolved = cache.get(strapi);
  if (!resolved) {
    resolved = resolveHostConfig({
      contentTypes: getConfig<HostContentTypes>(strapi, 'contentTypes'),
      dealershipFields: getConfig<Partial<DealershipFields> | undefined>(strapi, 'dealershipFields'),
      vehicleFieldMap: getConfig<Record<string, string | false> | undefined>(strapi, 'vehicleFieldMap'),
      leadFieldMap: getConfig<Record<string, string | false> | undefined>(strapi, 'leadFieldMap'),
    });
    cache.set(strapi, resolved);
  }
  return resolved;
}
