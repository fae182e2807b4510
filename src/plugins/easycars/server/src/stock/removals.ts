/**
 * Stock that left the feed: the vehicle is unpublished (never deleted) and its stock record
 * marked removed (removedAt). Done in transactions of `batchSize`, so each batch is applied whole
 * or not at all.
 */
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';
import type { RecordState, VehicleState } from './types';
import type { VehicleWriter } from './vehicle-writer';

export async function removeMissing(args: {
  strapi: Core.Strapi;
  writer: VehicleWriter;
  missing: RecordState[];
  vehicles: Map<string, VehicleState>;
  batchSize: number;
  now: Date;
  onProgress: (done: number, total: number) => Promise<void>;
}): Promise<{ removed: string[]; failed: Array<{ stockNumber: string; message: string }> }> {
  const { strapi, writer, missing, vehicles, batchSize, now } = args;
  const removed: string[] = [];
  const failed: Array<{ stockNumber: string; message: string }> = [];
  const removeOne = async (record: RecordState) => {
    const vehicle = record.vehicleDocumentId ? vehicles.get(record.vehicleDocumentId) : undefined;
    if (vehicle?.published) await writer.unpublish(vehicle.documentId);
    await strapi.db.query(pluginUid('stock-record')).update({ where: { id: record.id }, data: { removedAt: now } });
  };
  for (let i = 0; i < missing.length; i += batchSize) {
    const batch = missing.slice(i, i + batchSize);
    try {
      await strapi.db.transaction(async () => {
        for (const record of batch) await removeOne(record);
      });
      removed.push(...batch.map((r) => r.StockNumber));
    } catch {
      for (const record of batch) {
        try {
          await strapi.db.transaction(() => removeOne(record));
          removed.push(record.StockNumber);
        } catch (error) {
          failed.push({ stockNumber: record.StockNumber, message: `could not be removed: ${(error as Error).message}` });
        }
      }
    }
    await args.onProgress(Math.min(i + batchSize, missing.length), missing.length);
  }
  return { removed, failed };
}
