/** What the content manager shows about a vehicle's EasyCars origin (FR18/FR19). */
import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config/schema';
import { getConfig, pluginUid } from '../utils/plugin';
import { resolveFieldMap } from './field-map';
import { hostConfig } from '../host/config';
import { comparedTargets } from './field-map';

export interface VehicleLink {
  vehicleDocumentId: string;
  source: 'easycars';
  dealership: string;
  stockNumber: string;
  yardCode: string | null;
  yardName: string | null;
  inFeed: boolean;
  removedAt: string | null;
  firstSeenAt: string | null;
  lastSyncedAt: string | null;
  imageSyncedAt: string | null;
  /** Vehicle attributes the stock sync overwrites. */
  ownedFields: string[];
  /** Fields an editor can pin (FR20): the sync's name and the attribute. */
  pinnable: Array<{ target: string; attribute: string }>;
  /** The pinned ones (sync names): never overwritten by the stock sync. */
  pinnedFields: string[];
}

const LINK_FIELDS = ['vehicleDocumentId', 'dealership', 'StockNumber', 'YardCode', 'YardName', 'removedAt', 'firstSeenAt', 'lastSeenAt', 'imageSyncedAt', 'pinnedFields'];

const toLink = (row: any, ownedFields: string[], pinnable: VehicleLink['pinnable']): VehicleLink => ({
  vehicleDocumentId: row.vehicleDocumentId,
  source: 'easycars',
  dealership: row.dealership,
  stockNumber: row.StockNumber,
  yardCode: row.YardCode ?? null,
  yardName: row.YardName ?? null,
  inFeed: !row.removedAt,
  removedAt: row.removedAt ?? null,
  firstSeenAt: row.firstSeenAt ?? null,
  lastSyncedAt: row.lastSeenAt ?? null,
  imageSyncedAt: row.imageSyncedAt ?? null,
  ownedFields,
  pinnable,
  pinnedFields: (row.pinnedFields as string[] | null) ?? [],
});

export function ownedVehicleFields(strapi: Core.Strapi): string[] {
  const map = resolveFieldMap(getConfig<PluginConfig['vehicleFieldMap']>(strapi, 'vehicleFieldMap'));
  return Object.values(map).filter((v): v is string => Boolean(v));
}

export async function findVehicleLinks(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, VehicleLink>> {
  const owned = ownedVehicleFields(strapi);
  const pinnable = comparedTargets(hostConfig(strapi).vehicle);
  const out = new Map<string, VehicleLink>();
  for (let i = 0; i < documentIds.length; i += 500) {
    const rows = await strapi.db.query(pluginUid('stock-record')).findMany({
      select: LINK_FIELDS,
      where: { vehicleDocumentId: { $in: documentIds.slice(i, i + 500) } },
    });
    for (const row of rows) out.set(row.vehicleDocumentId, toLink(row, owned, pinnable));
  }
  return out;
}
