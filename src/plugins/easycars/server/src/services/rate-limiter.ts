/**
 * In-memory sliding-window limiter, per key (e.g. "test-connection:<admin id>").
 * Per Strapi instance: with N instances a user gets at most N times the limit, which
 * still stops the server being used to try stolen credentials in bulk.
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** When not allowed: how long until the oldest hit leaves the window. */
  retryAfterMs: number;
  remaining: number;
}

export function createRateLimiter(now: () => number = Date.now) {
  const hits = new Map<string, number[]>();

  return {
    hit(key: string, limit: number, windowMs: number): RateLimitDecision {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterMs: windowMs - (t - recent[0]), remaining: 0 };
      }
      recent.push(t);
      hits.set(key, recent);
      return { allowed: true, retryAfterMs: 0, remaining: limit - recent.length };
    },
    reset(key?: string) {
      if (key === undefined) hits.clear();
      else hits.delete(key);
    },
  };
}

export default () => createRateLimiter();
