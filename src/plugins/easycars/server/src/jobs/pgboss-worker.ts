import type { JobHandler } from './types';

/** The part of pg-boss 10 a worker needs. */
export interface PgBossJobs {
  fetch(name: string, options: { batchSize: number }): Promise<Array<{ id: string; data: unknown }> | null>;
  complete(name: string, id: string): Promise<unknown>;
  fail(name: string, id: string, data?: object): Promise<unknown>;
}

export interface PgBossWorker {
  /** Stops polling; waits up to `timeoutMs` for the job in hand, then marks it failed (pg-boss retries it if its job allows). */
  stop(timeoutMs: number): Promise<void>;
}

/**
 * Works one pg-boss queue, one job at a time: fetch, run, then complete or fail. pg-boss's own work() neither awaits
 * nor catches its complete/fail calls, so a database connection dropped at that moment (a restart, a failover) left a
 * rejection unhandled and Node stopped the whole Strapi process. Here every step's error is reported to `onError` and
 * polling goes on; a job whose completion could not be written stays active in pg-boss until it expires.
 */
export function startPgBossWorker(
  boss: PgBossJobs,
  name: string,
  handler: JobHandler,
  options: { pollingIntervalMs: number; onError: (name: string, error: unknown) => void },
): PgBossWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inHand: { id: string; done: Promise<void> } | undefined;
  const report = (error: unknown) => options.onError(name, error);

  const run = async (job: { id: string; data: unknown }) => {
    try {
      await handler(job.data);
    } catch (error) {
      await boss.fail(name, job.id, { message: (error as Error)?.message ?? String(error) }).catch(report);
      return;
    }
    await boss.complete(name, job.id).catch(report);
  };

  const poll = async () => {
    timer = undefined;
    if (stopped) return;
    let jobs: Array<{ id: string; data: unknown }> = [];
    try {
      jobs = (await boss.fetch(name, { batchSize: 1 })) ?? [];
    } catch (error) {
      report(error);
    }
    for (const job of jobs) {
      inHand = { id: job.id, done: run(job) };
      await inHand.done;
      inHand = undefined;
    }
    if (!stopped) timer = setTimeout(() => void poll(), jobs.length ? 0 : options.pollingIntervalMs);
  };
  void poll();

  return {
    async stop(timeoutMs) {
      stopped = true;
      if (timer) clearTimeout(timer);
      const job = inHand;
      if (!job) return;
      let waited: NodeJS.Timeout | undefined;
      const finished = await Promise.race([job.done.then(() => true), new Promise<boolean>((r) => (waited = setTimeout(() => r(false), timeoutMs)))]);
      clearTimeout(waited);
      if (!finished) await boss.fail(name, job.id, { message: 'Strapi stopped while this job was running' }).catch(report);
    },
  };
}
