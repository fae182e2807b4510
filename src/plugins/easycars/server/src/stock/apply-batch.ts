/**
 * Applies one batch of planned items inside one transaction: vehicles through the Document
 * Service and their stock records, together. A batch is either applied or not. When a batch
 * fails, it is replayed item by item (each in its own transaction) so one bad item is
 * recorded with its StockNumber and reason while the rest go on.
 */
import type { Core, UID } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';
import type { ItemAction } from './types';
import type { VehicleWriter } from './vehicle-writer';
import { bulkCreateFits, bulkCreatePublished } from './bulk-create';
import type { CreationValidator } from './creation-validator';

/** Given only when bulkCreateAvailable allowed the fast path for this sync. */
export interface BulkOptions {
  uid: UID.ContentType;
  /** The vehicle attribute holding the dealership relation (if mapped). */
  relationAttribute: string | undefined;
  dealership: string;
  /** Strapi's validation for new vehicles, kept for the whole sync (see creation-validator.ts). */
  validate: CreationValidator;
}

export interface PreparedItem {
  stockNumber: string;
  action: Exclude<ItemAction, { kind: 'unchanged' }>;
  vehicleData: Record<string, unknown>;
  recordData: Record<string, unknown>;
}

export interface AppliedItem {
  stockNumber: string;
  kind: PreparedItem['action']['kind'];
  vehicleDocumentId: string;
  matchedBy?: 'stockNumber' | 'vin';
}

export interface BatchResult {
  applied: AppliedItem[];
  failed: Array<{ stockNumber: string; message: string }>;
}

const errorMessage = (error: unknown) => {
  const e = error as { message?: string; details?: { errors?: Array<{ path?: string[]; message?: string }> } };
  const details = e?.details?.errors?.map((d) => `${(d.path ?? []).join('.')}: ${d.message}`).join('; ');
  return [e?.message ?? String(error), details].filter(Boolean).join(' — ');
};

async function applyOne(
  strapi: Core.Strapi,
  writer: VehicleWriter,
  item: PreparedItem,
  newRecords: Record<string, unknown>[],
  bulkCreated?: string,
): Promise<AppliedItem> {
  const { action } = item;
  let documentId: string;
  switch (action.kind) {
    case 'create':
      documentId = bulkCreated ?? (await writer.create(item.vehicleData));
      break;
    case 'link':
      documentId = action.vehicle.documentId;
      await writer.update(documentId, item.vehicleData, true);
      break;
    case 'update':
      documentId = action.vehicle.documentId;
      await writer.update(documentId, item.vehicleData, action.publish);
      break;
    case 'restore':
      documentId = action.vehicle.documentId;
      if (action.changed) await writer.update(documentId, item.vehicleData, true);
      else await writer.publish(documentId);
      break;
  }
  // recordData already holds lastSeenAt/removedAt (and firstSeenAt when new); a replay after a
  // failed batch sets the same document id again.
  const record = item.recordData;
  record.vehicleDocumentId = documentId;
  const existing = action.record;
  if (existing) {
    await strapi.db.query(pluginUid('stock-record')).update({ where: { id: existing.id }, data: record });
  } else {
    newRecords.push(record);
  }
  return {
    stockNumber: item.stockNumber,
    kind: action.kind,
    vehicleDocumentId: documentId,
    ...(action.kind === 'link' ? { matchedBy: action.matchedBy } : {}),
  };
}

async function applyInTransaction(strapi: Core.Strapi, writer: VehicleWriter, items: PreparedItem[], bulk?: BulkOptions): Promise<AppliedItem[]> {
  return strapi.db.transaction(async () => {
    const applied: AppliedItem[] = [];
    const newRecords: Record<string, unknown>[] = [];
    // New vehicles of the batch in a few statements when the content type allows it.
    const creates = items.filter((i) => i.action.kind === 'create');
    const bulkIds = new Map<PreparedItem, string>();
    if (bulk && creates.length > 1 && creates.every((i) => bulkCreateFits(strapi, bulk.uid, i.vehicleData, bulk.relationAttribute).ok)) {
      const ids = await bulkCreatePublished(
        strapi,
        bulk.uid,
        creates.map((i) => i.vehicleData),
        bulk.relationAttribute ? { attribute: bulk.relationAttribute, targetDocumentId: bulk.dealership } : null,
        bulk.validate,
      );
      creates.forEach((item, n) => bulkIds.set(item, ids[n]!));
    }
    for (const item of items) applied.push(await applyOne(strapi, writer, item, newRecords, bulkIds.get(item)));
    if (newRecords.length) await strapi.db.query(pluginUid('stock-record')).createMany({ data: newRecords });
    return applied;
  });
}

export async function applyBatch(strapi: Core.Strapi, writer: VehicleWriter, items: PreparedItem[], bulk?: BulkOptions): Promise<BatchResult> {
  if (items.length === 0) return { applied: [], failed: [] };
  try {
    return { applied: await applyInTransaction(strapi, writer, items, bulk), failed: [] };
  } catch (batchError) {
    if (items.length === 1) return { applied: [], failed: [{ stockNumber: items[0]!.stockNumber, message: errorMessage(batchError) }] };
    const result: BatchResult = { applied: [], failed: [] };
    for (const item of items) {
      try {
        result.applied.push(...(await applyInTransaction(strapi, writer, [item])));
      } catch (error) {
        result.failed.push({ stockNumber: item.stockNumber, message: errorMessage(error) });
      }
    }
    return result;
  }
}
