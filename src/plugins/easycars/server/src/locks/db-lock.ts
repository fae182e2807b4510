/**
 * A lock every Strapi instance sharing the database honours: a lease row (content type `lock`, one
 * row per key, unique) that expires unless its holder renews it, so a crashed holder frees the key.
 * Same SQL on PostgreSQL and SQLite; re-entrant within one async flow (a nested call for a key
 * already held runs at once instead of waiting for itself).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from '../utils/db-errors';
import { pluginUid } from '../utils/plugin';

export interface LockOptions {
  /** A holder that stops renewing (crashed) loses the lease after this long. */
  leaseMs?: number;
  /** Give up waiting after this long. */
  waitMs?: number;
  /** Between two attempts while another holder has it. */
  pollMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(key: string, waitedMs: number) {
    super(`Another Strapi instance held the lock "${key}" for more than ${Math.round(waitedMs / 1000)} s; try again.`);
    this.name = 'LockTimeoutError';
  }
}

const held = new AsyncLocalStorage<Set<string>>();
/** Leases this process holds now, by owner: released at once when Strapi stops (a crash leaves them to lapse). */
const holding = new Map<string, { strapi: Core.Strapi; key: string; renewal: NodeJS.Timeout }>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const table = (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(pluginUid('lock'));
  return meta.tableName;
};

/** One attempt: true when this owner now holds `key` (a free key, or an expired lease taken over). */
export async function tryAcquire(strapi: Core.Strapi, key: string, owner: string, leaseMs: number): Promise<boolean> {
  const knex = strapi.db.connection;
  const now = Date.now();
  try {
    await knex(table(strapi)).insert({ lock_key: key, owner, expires_at: now + leaseMs, document_id: randomUUID(), created_at: new Date(now), updated_at: new Date(now) });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // Held: take it over only if the lease ran out (its holder stopped without releasing it).
  const taken = await knex(table(strapi)).where({ lock_key: key }).andWhere('expires_at', '<', now).update({ owner, expires_at: now + leaseMs, updated_at: new Date(now) });
  return Number(taken) === 1;
}

export async function release(strapi: Core.Strapi, key: string, owner: string): Promise<void> {
  await strapi.db.connection(table(strapi)).where({ lock_key: key, owner }).del();
}

async function renew(strapi: Core.Strapi, key: string, owner: string, leaseMs: number): Promise<void> {
  await strapi.db.connection(table(strapi)).where({ lock_key: key, owner }).update({ expires_at: Date.now() + leaseMs });
}

/**
 * Holds `owner`'s fresh lease on `key` until the returned function is called: renewed while held,
 * released at once when Strapi stops, left to lapse if the process dies.
 */
function keepLease(strapi: Core.Strapi, key: string, owner: string, leaseMs: number): () => Promise<void> {
  const renewal = setInterval(() => void renew(strapi, key, owner, leaseMs).catch(() => undefined), Math.max(1000, leaseMs / 3));
  renewal.unref?.();
  holding.set(owner, { strapi, key, renewal });
  return async () => {
    clearInterval(renewal);
    if (!holding.delete(owner)) return;
    await release(strapi, key, owner).catch((error) => strapi.log.warn(`[easycars] could not release the lock "${key}" (${(error as Error).message}); it lapses by itself`));
  };
}

/** One attempt, no waiting: the function that releases `key` when it was free, else null. */
export async function tryHoldLease(strapi: Core.Strapi, key: string, leaseMs: number): Promise<(() => Promise<void>) | null> {
  const owner = randomUUID();
  return (await tryAcquire(strapi, key, owner, leaseMs)) ? keepLease(strapi, key, owner, leaseMs) : null;
}

/** When each of `keys` that has a lease row expires (a key without a row is free). */
async function leaseExpiries(strapi: Core.Strapi, keys: string[]): Promise<Map<string, number>> {
  const rows: Array<{ lock_key: string; expires_at: number | string }> = [];
  // In chunks: SQLite and PostgreSQL cap the number of bound parameters in one statement.
  for (let i = 0; i < keys.length; i += 500) rows.push(...(await strapi.db.connection(table(strapi)).select('lock_key', 'expires_at').whereIn('lock_key', keys.slice(i, i + 500))));
  return new Map(rows.map((r) => [r.lock_key, Number(r.expires_at)]));
}

/** The keys among `keys` nobody holds now (no row, or a lease that ran out). */
export async function freeKeys(strapi: Core.Strapi, keys: string[]): Promise<string[]> {
  const now = Date.now();
  const expiries = await leaseExpiries(strapi, keys);
  return keys.filter((k) => !((expiries.get(k) ?? 0) >= now));
}

/** The keys among `keys` whose holder stopped without releasing them: a lease row that ran out. */
export async function abandonedKeys(strapi: Core.Strapi, keys: string[]): Promise<string[]> {
  const now = Date.now();
  const expiries = await leaseExpiries(strapi, keys);
  return keys.filter((k) => expiries.has(k) && expiries.get(k)! < now);
}

export async function withDatabaseLock<T>(strapi: Core.Strapi, key: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const mine = held.getStore();
  if (mine?.has(key)) return fn();
  const leaseMs = options.leaseMs ?? 20_000;
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 50;
  const owner = randomUUID();
  const started = Date.now();
  while (!(await tryAcquire(strapi, key, owner, leaseMs))) {
    if (Date.now() - started > waitMs) throw new LockTimeoutError(key, Date.now() - started);
    await sleep(pollMs + Math.random() * pollMs);
  }
  // A long holder keeps its lease alive; it lapses only if this process stops.
  const releaseLease = keepLease(strapi, key, owner, leaseMs);
  try {
    return await held.run(new Set([...(mine ?? []), key]), fn);
  } finally {
    await releaseLease();
  }
}

/**
 * Strapi is stopping: its leases go now, so the next instance (or this one restarted) need not wait for
 * them to lapse. Work still running here is abandoned with the process, as its jobs are.
 */
export async function releaseHeldLocks(strapi: Core.Strapi): Promise<void> {
  for (const [owner, entry] of [...holding.entries()]) {
    if (entry.strapi !== strapi) continue;
    clearInterval(entry.renewal);
    holding.delete(owner);
    await release(strapi, entry.key, owner).catch(() => undefined);
  }
}
