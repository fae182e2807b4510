import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { PluginConfig } from '../config/schema';
import { StrapiDbRateLimiter, clearExpiredLimits } from '../limits/db-store';
import { backoffKeys, backoffSeconds, limitKeys, retryAfterSeconds, type LimitedAction, type LimitKey } from '../limits/policy';
import { getConfig, getService } from '../utils/plugin';

type Limits = PluginConfig['limits'];
export interface LimitSubject {
  userId: number;
  dealership?: string | null;
}

const WHAT: Record<LimitedAction, string> = {
  testConnection: 'connection tests',
  leadImport: 'lead imports',
  pushRetry: 'push retries',
};
const SCOPE_WORDS: Record<LimitKey['scope'], string> = {
  user: 'for you',
  dealership: 'for this dealership',
  global: 'on this site',
};
/** Consecutive failures are forgotten after an hour without one. */
const FAILURE_MEMORY_SECONDS = 3600;
const CLEANUP_EVERY_MS = 10 * 60_000;

function refuse(message: string, seconds: number, details: Record<string, unknown>): never {
  throw new errors.RateLimitError(message, { retryAfterSeconds: seconds, ...details });
}

/**
 * Limits shared by every Strapi instance (state in the database, see limits/db-store.ts):
 * connection tests, lead imports and push retries per admin, per dealership and overall,
 * and a growing pause after consecutive failed connection tests (each pause audited).
 * Refusals are RateLimitErrors (429) whose details carry retryAfterSeconds.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = () => getConfig<Limits>(strapi, 'limits');
  const limiter = (name: string, points: number, duration: number) =>
    new StrapiDbRateLimiter(strapi, { keyPrefix: `easycars:${name}`, points, duration });
  let lastCleanup = 0;

  const cleanupNow = () => {
    if (Date.now() - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = Date.now();
    clearExpiredLimits(strapi).catch((err) => strapi.log.warn(`[easycars] clearing expired rate limits failed: ${(err as Error).message}`));
  };

  const pausedFor = async (subject: LimitSubject): Promise<{ scope: string; ms: number } | null> => {
    const pause = limiter('pause', 1, FAILURE_MEMORY_SECONDS);
    for (const { scope, key } of backoffKeys(subject)) {
      const res = await pause.get(key);
      if (res && res.consumedPoints > 1 && res.msBeforeNext > 0) return { scope, ms: res.msBeforeNext };
    }
    return null;
  };

  return {
    /** Takes one point from each key of the action, or throws 429 (nothing runs). */
    async consume(action: LimitedAction, subject: LimitSubject): Promise<void> {
      cleanupNow();
      if (action === 'testConnection') {
        const paused = await pausedFor(subject);
        if (paused) {
          const seconds = retryAfterSeconds(paused.ms);
          refuse(
            `Connection tests are paused ${paused.scope === 'user' ? 'for you' : 'for this dealership'} after several failed tests in a row. Check the values, then try again in ${seconds} s.`,
            seconds,
            { reason: 'backoff', scope: paused.scope },
          );
        }
      }
      for (const limit of limitKeys(action, subject, limits()[action])) {
        try {
          await limiter(`${action}:${limit.scope}`, limit.perMinute, 60).consume(limit.key);
        } catch (err) {
          if (!(err instanceof RateLimiterRes)) throw err;
          const seconds = retryAfterSeconds(err.msBeforeNext);
          refuse(
            `Too many ${WHAT[action]} ${SCOPE_WORDS[limit.scope]}: at most ${limit.perMinute} a minute. Try again in ${seconds} s.`,
            seconds,
            { reason: 'limit', scope: limit.scope, limitPerMinute: limit.perMinute },
          );
        }
      }
    },

    /** Counts a failed connection test (pausing tests after too many in a row) or clears the count on success. */
    async recordTestOutcome(subject: LimitSubject & { ok: boolean; actor: { id: number; name: string } | null }): Promise<void> {
      const failures = limiter('failures', Number.MAX_SAFE_INTEGER, FAILURE_MEMORY_SECONDS);
      const keys = backoffKeys(subject);
      if (subject.ok) {
        await Promise.all(keys.map(({ key }) => failures.delete(key)));
        return;
      }
      const settings = limits().testBackoff;
      for (const { scope, key } of keys) {
        const count = (await failures.penalty(key, 1)).consumedPoints;
        const seconds = backoffSeconds(count, settings);
        if (!seconds) continue;
        await limiter('pause', 1, FAILURE_MEMORY_SECONDS).block(key, seconds);
        await getService(strapi, 'audit').record({
          dealership: subject.dealership ?? null,
          action: 'limits.backoff',
          entityType: scope === 'user' ? 'admin-user' : 'dealership',
          entityId: scope === 'user' ? subject.userId : subject.dealership,
          actor: subject.actor,
          result: 'failure',
          message: `Connection tests paused for ${seconds} s ${scope === 'user' ? 'for this admin' : 'for this dealership'} after ${count} failed tests in a row`,
          details: { scope, consecutiveFailures: count, pauseSeconds: seconds },
        });
      }
    },
  };
};
