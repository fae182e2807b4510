/** Whether a stored value and a mapped feed value are the same for reconciliation, whatever each database returns. */

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** One comparable form: empty is null, dates are days, decimals read back as text are numbers, objects are key-sorted JSON. */
export function comparable(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Math.round(value * 100) / 100;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 100) / 100;
    if (/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(text)) return text.slice(0, 10);
    return text === '' ? null : text;
  }
  if (typeof value === 'object') return stable(value);
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === 'boolean' || typeof y === 'boolean') return Boolean(x) === Boolean(y) && (x === null) === (y === null);
  return x === y;
}
