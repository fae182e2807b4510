/**
 * EasyCars' per-host concurrency limit as one budget for every Strapi instance sharing the
 * database: `limit` lease rows per host (`easycars-api:<host>#<n>` in the lock table). A request
 * holds one while it is in flight; a crashed instance's places lapse with their leases.
 */
import type { Core } from '@strapi/strapi';
import type { SharedRequestBudget } from '../client';
import { freeKeys, tryHoldLease } from './db-lock';
import type { PluginConfig } from '../config/schema';
import { getConfig } from '../utils/plugin';

export interface RequestSlotOptions {
  /** A place whose holder stopped renewing it (crashed) is free again after this long. */
  leaseMs?: number;
  /** Between two looks while every place is taken (randomised up to twice this). */
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const requestSlotKeys = (host: string, limit: number): string[] => Array.from({ length: limit }, (_, i) => `easycars-api:${host.toLowerCase()}#${i}`);

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function databaseRequestSlots(strapi: Core.Strapi, options: RequestSlotOptions = {}): SharedRequestBudget {
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 20;
  return {
    async acquire(host, limit) {
      const keys = requestSlotKeys(host, limit);
      for (;;) {
        // One read while the budget is full; a write only for a place that looked free.
        for (const key of shuffled(await freeKeys(strapi, keys))) {
          const giveBack = await tryHoldLease(strapi, key, leaseMs);
          if (giveBack) return giveBack;
        }
        await sleep(pollMs + Math.random() * pollMs);
      }
    },
  };
}

/** Several instances can only share PostgreSQL (or MySQL); an SQLite file has one, whose client limits itself. */
export function sharesDatabaseWithOtherInstances(strapi: Core.Strapi): boolean {
  return (strapi.db.dialect.client as string) !== 'sqlite' && (strapi.db.dialect.client as string) !== 'better-sqlite3';
}

let shared: { strapi: Core.Strapi; budget: SharedRequestBudget } | undefined;

/** The EasyCars clients' per-host limits from the plugin config, with the database budget when instances may share it. */
export function rateLimitFor(strapi: Core.Strapi): { maxConcurrent: number; minTimeMs: number; shared?: SharedRequestBudget } {
  const { maxConcurrent, minTimeMs, sharedAcrossInstances } = getConfig<PluginConfig['client']>(strapi, 'client').rateLimit;
  if (!sharedAcrossInstances || !sharesDatabaseWithOtherInstances(strapi)) return { maxConcurrent, minTimeMs };
  if (shared?.strapi !== strapi) shared = { strapi, budget: databaseRequestSlots(strapi) };
  return { maxConcurrent, minTimeMs, shared: shared.budget };
}
