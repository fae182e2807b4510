import type { Core } from '@strapi/strapi';

interface TarnPool {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Waits until the knex pool has been idle for `quietMs`. The Document Service emits its entry
 * events after commit without awaiting them (each one a populated findOne), so right after a
 * write loop queries are still in flight. Destroying Strapi then leaves an acquire pending on a
 * pool being torn down; it rejects unhandled after acquireConnectionTimeout (60 s) and crashes
 * whatever runs next in the process (seen as KnexTimeoutError in the PostgreSQL benchmark).
 */
export async function waitForIdlePool(strapi: Core.Strapi, { quietMs = 200, timeoutMs = 15_000 } = {}): Promise<void> {
  const pool = (strapi.db?.connection?.client as { pool?: TarnPool } | undefined)?.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (busy()) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
