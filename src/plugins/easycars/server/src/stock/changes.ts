/**
 * What changed in a vehicle's EasyCars data between two runs, for the sync history ("Price: 25990 → 24990").
 * Compared on the stock-record columns (the feed's own fields as last stored), so it needs no extra state.
 */
import type { Core } from '@strapi/strapi';
import { STOCK_FIELD_NAMES } from '../client/models/stock';
import { pluginUid } from '../utils/plugin';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

const comparable = (value: unknown): unknown => {
  if (value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value) || (value && typeof value === 'object')) return JSON.stringify(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value); // decimals read back as strings
  return value;
};

/** The feed fields whose value differs; pure. */
export function diffStockFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of STOCK_FIELD_NAMES) {
    const a = comparable(before[field]);
    const b = comparable(after[field]);
    if (a !== b) changes[field] = { before: before[field] ?? null, after: after[field] ?? null };
  }
  return changes;
}

/** The stored feed fields of some stock records, by record id (one query per 500). */
export async function storedStockFields(strapi: Core.Strapi, ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await strapi.db.query(pluginUid('stock-record')).findMany({
      select: ['id', ...STOCK_FIELD_NAMES],
      where: { id: { $in: ids.slice(i, i + 500) } },
    })) as Array<Record<string, unknown> & { id: number }>;
    for (const row of rows) out.set(row.id, row);
  }
  return out;
}
