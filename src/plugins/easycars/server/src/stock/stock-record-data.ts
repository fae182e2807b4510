/**
 * A StockItem as stock-record columns (the vendor's PascalCase names, typed), plus the sync's own
 * columns in the same object, so a 20,000-item sync does not copy each record again. Pure.
 */
import { STOCK_FIELD_NAMES, type StockItem } from '../client/models/stock';
import { isoDate } from './map-stock-item';

export function stockRecordFields(item: StockItem, columns: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of STOCK_FIELD_NAMES) {
    const value = item[field];
    out[field] = value instanceof Date ? isoDate(value) : value;
  }
  out.extraFields = Object.keys(item.extra ?? {}).length ? item.extra : null;
  return Object.assign(out, columns);
}
