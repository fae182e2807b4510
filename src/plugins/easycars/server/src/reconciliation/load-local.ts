/** The local side of a reconciliation, in a few queries per 500 rows (never one per vehicle or lead). */
import type { Core } from '@strapi/strapi';
import { hostConfig } from '../host/config';
import { statusName } from '../leads/enums';
import { localLeads } from '../leads/local-leads';
import { pluginUid } from '../utils/plugin';
import type { LeadRecordRow, LocalLeadNow } from './compare-leads';
import type { LocalRecord, LocalVehicle } from './compare-stock';

const CHUNK = 500;

const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export async function loadStockRecords(strapi: Core.Strapi, dealership: string): Promise<LocalRecord[]> {
  const rows = (await strapi.db.query(pluginUid('stock-record')).findMany({
    select: ['id', 'StockNumber', 'vehicleDocumentId', 'contentHash', 'removedAt', 'pinnedFields'],
    where: { dealership },
  })) as Array<{ id: number; StockNumber: string; vehicleDocumentId: string | null; contentHash: string | null; removedAt: string | null; pinnedFields: string[] | null }>;
  return rows.map((r) => ({ id: r.id, stockNumber: r.StockNumber, vehicleDocumentId: r.vehicleDocumentId, contentHash: r.contentHash, removedAt: r.removedAt, pinnedFields: r.pinnedFields }));
}

/**
 * The dealership's vehicles and the vehicles its records link to: the draft's owned values, whether a
 * published version exists and, when asked, the image URLs of the attached files in their order.
 */
export async function loadVehicles(strapi: Core.Strapi, dealership: string, linkedIds: string[], ownedAttributes: string[], withImages: boolean): Promise<Map<string, LocalVehicle>> {
  const { types, vehicle: map } = hostConfig(strapi);
  const uid = types.vehicle as any;
  const select = [...new Set(['id', 'documentId', 'publishedAt', ...(map.stockNumber ? [map.stockNumber] : []), ...ownedAttributes])];
  const rows: any[] = await strapi.db.query(uid).findMany({ select, where: { [map.dealership]: { documentId: dealership } } });
  const seen = new Set(rows.map((r) => r.documentId));
  for (const ids of chunks(linkedIds.filter((id) => !seen.has(id)))) {
    rows.push(...(await strapi.db.query(uid).findMany({ select, where: { documentId: { $in: ids } } })));
  }
  const vehicles = new Map<string, LocalVehicle>();
  const draftIds = new Map<number, string>();
  for (const row of rows) {
    const v = vehicles.get(row.documentId) ?? { documentId: row.documentId, stockNumber: null, published: false, values: {}, imageUrls: null };
    if (row.publishedAt) v.published = true;
    else {
      v.stockNumber = map.stockNumber ? (row[map.stockNumber] ?? null) : null;
      v.values = Object.fromEntries(ownedAttributes.map((a) => [a, row[a]]));
      draftIds.set(row.id, row.documentId);
    }
    vehicles.set(row.documentId, v);
  }
  if (withImages && map.images) {
    const urlOf = await imageUrlsByFile(strapi, dealership);
    for (const ids of chunks([...draftIds.keys()])) {
      const withFiles: any[] = await strapi.db.query(uid).findMany({ select: ['id'], where: { id: { $in: ids } }, populate: { [map.images]: { select: ['id'] } } });
      for (const row of withFiles) {
        const files = (row[map.images] ?? []) as Array<{ id: number }>;
        vehicles.get(draftIds.get(row.id)!)!.imageUrls = files.map((f) => urlOf.get(f.id) ?? null);
      }
    }
  }
  return vehicles;
}

async function imageUrlsByFile(strapi: Core.Strapi, dealership: string): Promise<Map<number, string>> {
  const rows = (await strapi.db.query(pluginUid('image-asset')).findMany({ select: ['fileId', 'url'], where: { dealership } })) as Array<{ fileId: number | null; url: string }>;
  return new Map(rows.filter((r) => r.fileId !== null).map((r) => [Number(r.fileId), r.url]));
}

/** Why each vehicle failed in the dealership's last finished stock sync. */
export async function lastStockFailures(strapi: Core.Strapi, dealership: string): Promise<Map<string, string>> {
  const last = await strapi.db.query(pluginUid('sync-log')).findOne({
    select: ['id'],
    where: { dealership, type: 'stock', status: { $in: ['success', 'warning', 'partial', 'failed'] } },
    orderBy: { id: 'desc' },
  });
  if (!last) return new Map();
  const items = (await strapi.db.query(pluginUid('sync-item')).findMany({ select: ['ref', 'message'], where: { syncLogId: last.id, outcome: 'failed' } })) as Array<{ ref: string; message: string | null }>;
  return new Map(items.map((i) => [i.ref, i.message ?? 'no reason recorded']));
}

export async function loadLeads(strapi: Core.Strapi, dealership: string): Promise<{ records: LeadRecordRow[]; local: Map<string, LocalLeadNow> }> {
  const rows = (await strapi.db.query(pluginUid('lead-record')).findMany({
    select: ['id', 'leadDocumentId', 'LeadNumber', 'pushState', 'pushError', 'updatedAt', 'syncedValues', 'LeadStatus'],
    where: { dealership },
  })) as Array<Omit<LeadRecordRow, 'easycarsStatus'> & { LeadStatus: number | null }>;
  const records = rows.map(({ LeadStatus, ...r }) => ({ ...r, easycarsStatus: statusName(LeadStatus) ?? null }));
  const leads = localLeads(strapi);
  const local = new Map<string, LocalLeadNow>();
  const ids = records.map((r) => r.leadDocumentId).filter((id): id is string => Boolean(id));
  const byId = new Map(records.map((r) => [r.leadDocumentId, r]));
  for (const part of chunks(ids)) {
    for (const lead of await leads.findMany(part)) {
      const rec = byId.get(lead.documentId);
      local.set(lead.documentId, { values: leads.valuesOf(lead, rec?.syncedValues ?? null), status: (lead.status as string | null | undefined) ?? null, title: (lead.customerName as string | null | undefined) ?? null });
    }
  }
  return { records, local };
}
