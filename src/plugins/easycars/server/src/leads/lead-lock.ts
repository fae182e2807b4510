/**
 * One push/pull/resolve at a time per lead, across every Strapi instance: a create and a quick
 * follow-up edit must not race into two CreateLead calls, nor two instances refresh and push the
 * same lead at once. Waiters of this process queue in memory first, so only one of them at a time
 * asks the database (locks/db-lock.ts) for the lead's lease.
 */
import type { Core } from '@strapi/strapi';
import { withDatabaseLock } from '../locks/db-lock';

const tails = new Map<string, Promise<unknown>>();

/** The database lock's key for one lead (its documentId, or another key naming it). */
export const leadLockKey = (key: string) => `lead:${key}`;

export async function withLeadLock<T>(strapi: Core.Strapi, key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  try {
    await previous.catch(() => undefined);
    return await withDatabaseLock(strapi, leadLockKey(key), fn);
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
