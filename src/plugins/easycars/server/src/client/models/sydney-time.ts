/** Conversions between EasyCars' date strings and real Dates. */
const SYDNEY = new Intl.DateTimeFormat('en-AU', {
  timeZone: 'Australia/Sydney',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function sydneyParts(utcMs: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of SYDNEY.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour! % 24, mi: p.minute!, s: p.second! };
}

function sydneyOffsetMs(utcMs: number): number {
  const p = sydneyParts(utcMs);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant at which Sydney's wall clock shows the given time (DST aware). */
export function sydneyWallTimeToDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = guess - sydneyOffsetMs(guess);
  return new Date(guess - sydneyOffsetMs(first));
}

/** Formats an instant as Sydney wall time "dd/MM/yyyy HH:mm:ss". */
export function formatSydneyDateTime(date: Date): string {
  const p = sydneyParts(date.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.d)}/${two(p.mo)}/${p.y} ${two(p.h)}:${two(p.mi)}:${two(p.s)}`;
}

function validYmd(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * "dd/mm/yyyy" (optionally followed by a time, ignored) -> Date at 00:00 UTC of
 * that calendar day, so that `toISOString().slice(0, 10)` gives the same day.
 */
export function parseDayMonthYear(s: string): Date | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validYmd(y, mo, d) ? new Date(Date.UTC(y, mo - 1, d)) : null;
}

/** "dd/MM/yyyy HH:mm:ss" (or without seconds / without time) in Sydney time -> Date. */
export function parseSydneyDateTime(s: string): Date | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  return sydneyWallTimeToDate(y, mo, d, h, mi, sec);
}

/** ISO-8601 fallback ("2025-03-01", "2025-03-01T10:00:00"; no zone = Sydney). */
export function parseIsoLike(s: string): Date | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validYmd(y, mo, d)) return null;
  if (m[4] === undefined) return new Date(Date.UTC(y, mo - 1, d));
  if (m[7]) {
    const t = Date.parse(s.trim());
    return Number.isNaN(t) ? null : new Date(t);
  }
  return sydneyWallTimeToDate(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}
