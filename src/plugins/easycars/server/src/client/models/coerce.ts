/**
 * Tolerant parsing of EasyCars values. EasyCars bends its documented types
 * (booleans as "Yes"/1, numbers as strings, null for strings...): each
 * conversion is accepted and reported as a CoercionWarning; a value that cannot
 * be used becomes null (or false) with an 'invalid' warning. Nothing here throws.
 */
import { REDACTED } from '../../utils/redact';
import { parseDayMonthYear, parseIsoLike, parseSydneyDateTime } from './sydney-time';

export interface CoercionWarning {
  /** What the value belongs to. */
  entity: 'stock' | 'lead' | 'contact' | 'quotation' | 'response';
  /** StockNumber / LeadNumber / CustomerNo when known. */
  id: string | null;
  field: string;
  /** The value as received ("[REDACTED]" for customer personal data). */
  rawValue: unknown;
  /** 'coerced': converted to the documented type; 'invalid': unusable, replaced by null/false. */
  kind: 'coerced' | 'invalid';
  message: string;
}

export interface CoercionContext {
  entity: CoercionWarning['entity'];
  id: string | null;
  warnings: CoercionWarning[];
  /** Field names whose raw values must not be copied into warnings. */
  sensitiveFields?: ReadonlySet<string>;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(v);
  }
}

export function warn(ctx: CoercionContext, field: string, raw: unknown, kind: CoercionWarning['kind'], what: string): void {
  const sensitive = ctx.sensitiveFields?.has(field) ?? false;
  const shown = sensitive ? REDACTED : raw;
  const who = ctx.id ? `${ctx.entity} ${ctx.id}` : ctx.entity;
  ctx.warnings.push({
    entity: ctx.entity,
    id: ctx.id,
    field,
    rawValue: shown,
    kind,
    message: `${who}: ${field} ${kind === 'coerced' ? 'was coerced' : 'was invalid'} (raw value ${
      sensitive ? REDACTED : describe(raw)
    }): ${what}`,
  });
}

/** Documented strings. null/undefined -> null silently; numbers/booleans -> string (warning). */
export function toText(ctx: CoercionContext, field: string, raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') {
    const s = String(raw);
    warn(ctx, field, raw, 'coerced', `expected text, used "${ctx.sensitiveFields?.has(field) ? REDACTED : s}"`);
    return s;
  }
  warn(ctx, field, raw, 'invalid', 'expected text, used null');
  return null;
}

const NUMERIC = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/** Documented numbers. Accepts numeric strings ("12990", "12,990.00", "$12990"); "" -> null. */
export function toNumber(
  ctx: CoercionContext,
  field: string,
  raw: unknown,
  opts: { integer?: boolean } = {},
): number | null {
  if (raw === null || raw === undefined) return null;
  let n: number | null = null;
  let coerced = false;
  if (typeof raw === 'number') {
    n = Number.isFinite(raw) ? raw : null;
  } else if (typeof raw === 'string') {
    const t = raw.trim().replace(/^\$/, '');
    if (t === '') {
      warn(ctx, field, raw, 'coerced', 'empty text read as null');
      return null;
    }
    if (NUMERIC.test(t) && /\d/.test(t)) {
      n = Number(t.replace(/,/g, ''));
      coerced = true;
    }
  } else if (typeof raw === 'boolean') {
    n = null;
  }
  if (n === null || !Number.isFinite(n)) {
    warn(ctx, field, raw, 'invalid', `expected a ${opts.integer ? 'whole number' : 'number'}, used null`);
    return null;
  }
  if (opts.integer && !Number.isInteger(n)) {
    const r = Math.round(n);
    warn(ctx, field, raw, 'coerced', `expected a whole number, rounded to ${r}`);
    return r;
  }
  if (coerced) warn(ctx, field, raw, 'coerced', `number given as text, read as ${n}`);
  return n;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'f']);

/** Documented booleans. Accepts true/false, "true"/"false", "Yes"/"No", "Y"/"N", 1/0, "1"/"0". */
export function toBoolean(ctx: CoercionContext, field: string, raw: unknown, opts: { nullable: true }): boolean | null;
export function toBoolean(ctx: CoercionContext, field: string, raw: unknown, opts?: { nullable?: false }): boolean;
export function toBoolean(
  ctx: CoercionContext,
  field: string,
  raw: unknown,
  opts: { nullable?: boolean } = {},
): boolean | null {
  const fallback = opts.nullable ? null : false;
  if (typeof raw === 'boolean') return raw;
  if (raw === null || raw === undefined) {
    if (!opts.nullable && raw === null) warn(ctx, field, raw, 'coerced', 'null read as false');
    return fallback;
  }
  let b: boolean | null = null;
  if (typeof raw === 'number') b = raw === 1 ? true : raw === 0 ? false : null;
  else if (typeof raw === 'string') {
    const t = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(t)) b = true;
    else if (FALSE_WORDS.has(t)) b = false;
    else if (t === '') {
      warn(ctx, field, raw, 'coerced', `empty text read as ${String(fallback)}`);
      return fallback;
    }
  }
  if (b === null) {
    warn(ctx, field, raw, 'invalid', `expected true/false, used ${String(fallback)}`);
    return fallback;
  }
  warn(ctx, field, raw, 'coerced', `read as ${b}`);
  return b;
}

/** Stock dates "dd/mm/yyyy" -> Date (00:00 UTC of that day). null/"" -> null. */
export function toDate(ctx: CoercionContext, field: string, raw: unknown): Date | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return null;
    const d = parseDayMonthYear(raw);
    if (d) return d;
    const iso = parseIsoLike(raw);
    if (iso) {
      warn(ctx, field, raw, 'coerced', 'ISO date instead of dd/mm/yyyy');
      return iso;
    }
  }
  warn(ctx, field, raw, 'invalid', 'expected a dd/mm/yyyy date, used null');
  return null;
}

/** Lead date-times "dd/MM/yyyy HH:mm:ss" in Sydney time -> Date. */
export function toSydneyDateTime(ctx: CoercionContext, field: string, raw: unknown): Date | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return null;
    const d = parseSydneyDateTime(raw);
    if (d) return d;
    const iso = parseIsoLike(raw);
    if (iso) {
      warn(ctx, field, raw, 'coerced', 'ISO date-time instead of dd/MM/yyyy HH:mm:ss');
      return iso;
    }
  }
  warn(ctx, field, raw, 'invalid', 'expected a dd/MM/yyyy HH:mm:ss date-time, used null');
  return null;
}

/** Copies the keys of `raw` that are not in `known`. */
export function extraFields(raw: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!known.has(k)) extra[k] = v;
  return extra;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
