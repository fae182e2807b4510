/**
 * Change detection (FR11): a hash of the normalised stock item plus the field-map signature.
 * Same item + same map -> same hash -> no write.
 */
import { createHash } from 'node:crypto';
import type { StockItem } from '../client/models/stock';

const sortedByCount = new Map<number, { keys: string[]; sorted: string[] }>();

/**
 * `Object.keys(value).sort()`, remembered for the last key list of each length: every item of a
 * feed has the same fields in the same order (the client fills a template), so the sort is done
 * once per sync instead of once per item.
 */
export function sortedKeys(value: Record<string, unknown>): string[] {
  const keys = Object.keys(value);
  const known = sortedByCount.get(keys.length);
  if (known && known.keys.every((key, i) => key === keys[i])) return known.sorted;
  const sorted = [...keys].sort();
  sortedByCount.set(keys.length, { keys, sorted });
  return sorted;
}

/** JSON with sorted keys, Dates as yyyy-mm-dd, strings trimmed, "" and null alike, -0 as 0. */
export function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(value as Record<string, unknown>)) {
      const v = normalise((value as Record<string, unknown>)[key]);
      if (v !== null && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)) out[key] = v;
    }
    return out;
  }
  return value;
}

const jsonOrderByCount = new Map<number, { sorted: string[]; order: string[] }>();

/**
 * The order JSON.stringify writes an object's keys in, for keys added in sorted order: array-index
 * keys ("9", "10") first, numerically, then the others as added. `__proto__` is left out: assigning
 * it sets the prototype, so the normalised object never has it as a key.
 */
function jsonKeyOrder(value: Record<string, unknown>): string[] {
  const sorted = sortedKeys(value);
  const known = jsonOrderByCount.get(sorted.length);
  if (known?.sorted === sorted) return known.order;
  const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
  const order = [
    ...sorted.filter(isIndex).sort((a, b) => Number(a) - Number(b)),
    ...sorted.filter((key) => !isIndex(key) && key !== '__proto__'),
  ];
  jsonOrderByCount.set(sorted.length, { sorted, order });
  return order;
}

/**
 * `JSON.stringify(normalise(value))` written directly, without building the normalised object
 * (an item's 72 keys made it a dictionary-mode object, slow to build and to stringify);
 * `undefined` where normalise gives null (left out of objects, null in arrays).
 */
export function normalisedJson(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : `"${value.toISOString().slice(0, 10)}"`;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? undefined : JSON.stringify(t);
  }
  if (typeof value === 'number') return JSON.stringify(Object.is(value, -0) ? 0 : value);
  if (Array.isArray(value)) return `[${value.map((v) => normalisedJson(v) ?? 'null').join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const key of jsonKeyOrder(value as Record<string, unknown>)) {
      const json = normalisedJson((value as Record<string, unknown>)[key]);
      if (json !== undefined && json !== '{}') parts.push(`${JSON.stringify(key)}:${json}`);
    }
    return `{${parts.join(',')}}`;
  }
  // Booleans; functions and symbols give undefined, as JSON.stringify leaves them out.
  return JSON.stringify(value);
}

export function stockItemHash(item: StockItem, mapSignature: string): string {
  return createHash('sha256')
    .update(mapSignature)
    .update('\n')
    .update(normalisedJson(item) ?? 'null')
    .digest('hex');
}

/** Identifies the ordered image list (EasyCars URLs end in a content hash). */
export function imagesHash(urls: string[]): string {
  return createHash('sha256').update(urls.join('\n')).digest('hex');
}

export function urlHash(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}
