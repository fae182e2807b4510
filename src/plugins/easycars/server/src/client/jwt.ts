/** Reads (without verifying) the time claims of a JWT. */
export interface JwtTimes {
  iat?: number;
  nbf?: number;
  exp?: number;
}

export function decodeJwtTimes(token: string): JwtTimes | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const json = JSON.parse(Buffer.from(parts[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
    const out: JwtTimes = {};
    const iat = num(json.iat);
    const nbf = num(json.nbf);
    const exp = num(json.exp);
    if (iat !== undefined) out.iat = iat;
    if (nbf !== undefined) out.nbf = nbf;
    if (exp !== undefined) out.exp = exp;
    return out;
  } catch {
    return null;
  }
}

/**
 * How long the token may be used, in ms from when it was received. Uses the
 * token's own lifetime (exp - iat, or exp - nbf) so that a clock difference with
 * EasyCars does not matter; falls back to exp vs our clock, then to 10 minutes.
 */
export function tokenLifetimeMs(token: string, nowMs: number): number {
  const t = decodeJwtTimes(token);
  if (t?.exp !== undefined) {
    const start = t.iat ?? t.nbf;
    if (start !== undefined && t.exp > start) return (t.exp - start) * 1000;
    return Math.max(0, t.exp * 1000 - nowMs);
  }
  return 600_000;
}
