import type { JobHandler, JobQueue, SendOptions } from './types';
import { startPgBossWorker, type PgBossWorker } from './pgboss-worker';

export interface PgBossConnection {
  connectionString?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: unknown;
}

/**
 * Strapi's PostgreSQL dialect makes the shared `pg` driver return JSON columns as text,
 * so job data (jsonb) may arrive as a string.
 */
const parseData = (data: unknown) => (typeof data === 'string' ? JSON.parse(data) : data);

/**
 * pg-boss 10 in its own schema of Strapi's PostgreSQL database, so every Strapi instance
 * shares the same jobs and each job runs on exactly one of them.
 */
export function createPgBossQueue(
  connection: PgBossConnection,
  onError: (name: string, error: unknown) => void,
  options: { schema?: string; pollingIntervalSeconds?: number } = {},
): JobQueue {
  // Required lazily: pg-boss is only needed (and loaded) on PostgreSQL.
  const PgBoss = require('pg-boss');
  const schema = options.schema ?? 'easycars_jobs';
  const boss = new PgBoss({
    ...connection,
    schema,
    max: 4,
    application_name: 'strapi-easycars',
  });
  boss.on('error', (error: unknown) => onError('pg-boss', error));
  // One createQueue per name, even when work() and send() ask at once (two concurrent ones deadlock in PostgreSQL).
  const created = new Map<string, Promise<void>>();
  const ensureQueue = (name: string): Promise<void> => {
    const known = created.get(name);
    if (known) return known;
    const pending: Promise<void> = boss.createQueue(name, { name, policy: 'standard', retentionDays: 7 }).then(() => undefined);
    pending.catch(() => created.delete(name)); // a failed attempt is tried again next time
    created.set(name, pending);
    return pending;
  };

  const workers: PgBossWorker[] = [];

  return {
    kind: 'pg-boss',
    async start() {
      await boss.start();
    },
    async stop() {
      await Promise.all(workers.splice(0).map((w) => w.stop(5000)));
      await boss.stop({ graceful: true, timeout: 5000, close: true, wait: true });
    },
    async work(name, handler, { concurrency }) {
      await ensureQueue(name);
      // One worker per unit of concurrency, each one job at a time (see pgboss-worker.ts for why not boss.work).
      for (let i = 0; i < concurrency; i += 1) {
        workers.push(
          startPgBossWorker(boss, name, (data) => (handler as JobHandler)(parseData(data)), {
            pollingIntervalMs: (options.pollingIntervalSeconds ?? 1) * 1000,
            onError,
          }),
        );
      }
    },
    async send(name, data, sendOptions: SendOptions = {}) {
      await ensureQueue(name);
      return boss.send(name, data as object, {
        retryLimit: sendOptions.retryLimit ?? 0,
        retryDelay: sendOptions.retryDelaySeconds ?? 1,
        retryBackoff: sendOptions.retryBackoff ?? false,
        singletonKey: sendOptions.singletonKey,
        expireInMinutes: 60,
      });
    },
    async pendingData(name) {
      // pg-boss 10's job states are an ordered enum: created < retry < active < completed < cancelled < failed.
      const result = await boss.getDb().executeSql(`SELECT data FROM ${schema}.job WHERE name = $1 AND state < 'completed'`, [name]);
      return (result?.rows ?? []).map((row: { data: unknown }) => parseData(row.data));
    },
  };
}
