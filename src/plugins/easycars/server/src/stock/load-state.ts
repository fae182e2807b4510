/** Loads what the planner needs for one dealership in a few queries (no per-item reads). */
import type { Core, UID } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';
import type { ResolvedFieldMap } from './field-map';
import type { RecordState, SyncState, VehicleState } from './types';

const CHUNK = 500;

export async function loadRecords(strapi: Core.Strapi, dealership: string): Promise<Map<string, RecordState>> {
  const rows = (await strapi.db.query(pluginUid('stock-record')).findMany({
    select: ['id', 'StockNumber', 'VIN', 'vehicleDocumentId', 'contentHash', 'removedAt', 'imagesHash'],
    where: { dealership },
  })) as RecordState[];
  return new Map(rows.map((r) => [r.StockNumber, r]));
}

export async function loadVehicles(
  strapi: Core.Strapi,
  vehicleUid: UID.ContentType,
  map: ResolvedFieldMap,
  dealership: string,
  linkedIds: string[],
): Promise<Map<string, VehicleState>> {
  const select = ['documentId', 'publishedAt', map.stockNumber, map.vin].filter(Boolean) as string[];
  const rows: any[] = [];
  if (map.dealership) {
    rows.push(...(await strapi.db.query(vehicleUid).findMany({ select, where: { [map.dealership]: { documentId: dealership } } })));
  }
  // Linked vehicles whose dealership relation an editor changed (or a map without `dealership`)
  // are still found by their documentId.
  const seen = new Set(rows.map((r) => r.documentId));
  const missing = linkedIds.filter((id) => !seen.has(id));
  for (let i = 0; i < missing.length; i += CHUNK) {
    rows.push(...(await strapi.db.query(vehicleUid).findMany({ select, where: { documentId: { $in: missing.slice(i, i + CHUNK) } } })));
  }
  const vehicles = new Map<string, VehicleState>();
  for (const row of rows) {
    const v = vehicles.get(row.documentId) ?? { documentId: row.documentId, stockNumber: null, vin: null, published: false };
    if (row.publishedAt) v.published = true;
    else {
      v.stockNumber = map.stockNumber ? (row[map.stockNumber] ?? null) : null;
      v.vin = map.vin ? (row[map.vin] ?? null) : null;
    }
    vehicles.set(row.documentId, v);
  }
  return vehicles;
}

export async function loadSyncState(strapi: Core.Strapi, vehicleUid: UID.ContentType, map: ResolvedFieldMap, dealership: string): Promise<SyncState> {
  const records = await loadRecords(strapi, dealership);
  const linkedIds = [...records.values()].map((r) => r.vehicleDocumentId).filter((id): id is string => Boolean(id));
  const vehicles = await loadVehicles(strapi, vehicleUid, map, dealership, linkedIds);
  return { records, vehicles };
}
