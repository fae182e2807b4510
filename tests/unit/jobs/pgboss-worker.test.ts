import { startPgBossWorker, type PgBossJobs } from '../../../src/plugins/easycars/server/src/jobs/pgboss-worker';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** A pg-boss stand-in: hands out the jobs queued in `waiting`, records completions and failures. */
function fakeBoss(options: { completeFails?: Error } = {}) {
  const waiting: Array<{ id: string; data: unknown }> = [];
  const completed: string[] = [];
  const failed: Array<{ id: string; data: unknown }> = [];
  let fetches = 0;
  const boss: PgBossJobs = {
    async fetch() {
      fetches += 1;
      return waiting.splice(0, 1);
    },
    async complete(_name, id) {
      if (options.completeFails) throw options.completeFails;
      completed.push(id);
    },
    async fail(_name, id, data) {
      failed.push({ id, data });
    },
  };
  return { boss, waiting, completed, failed, fetches: () => fetches };
}

describe('startPgBossWorker', () => {
  it('runs each job with its data, then completes it; a job that throws is failed with the reason (pg-boss retries it if allowed)', async () => {
    const f = fakeBoss();
    const seen: unknown[] = [];
    f.waiting.push({ id: 'a', data: { n: 1 } }, { id: 'b', data: { n: 2 } });
    const worker = startPgBossWorker(f.boss, 'q', async (data: any) => {
      seen.push(data);
      if (data.n === 2) throw new Error('try later');
    }, { pollingIntervalMs: 5, onError: () => undefined });
    while (f.completed.length + f.failed.length < 2) await tick();
    await worker.stop(100);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(f.completed).toEqual(['a']);
    expect(f.failed).toEqual([{ id: 'b', data: { message: 'try later' } }]);
  });

  it('a completion the database refused (connection dropped) is reported, not left unhandled, and the worker goes on polling', async () => {
    const dropped = new Error('terminating connection due to administrator command');
    const f = fakeBoss({ completeFails: dropped });
    const errors: unknown[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      f.waiting.push({ id: 'a', data: {} });
      const worker = startPgBossWorker(f.boss, 'q', async () => undefined, { pollingIntervalMs: 5, onError: (_n, e) => errors.push(e) });
      while (errors.length === 0) await tick();
      const before = f.fetches();
      while (f.fetches() < before + 2) await tick();
      await worker.stop(100);
      await tick(20);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(errors).toEqual([dropped]);
    expect(unhandled).toEqual([]);
  });

  it('stop waits for the job in hand, and marks it failed when it outlasts the wait', async () => {
    const f = fakeBoss();
    f.waiting.push({ id: 'slow', data: {} });
    let started = false;
    const worker = startPgBossWorker(f.boss, 'q', () => {
      started = true;
      return new Promise(() => undefined);
    }, { pollingIntervalMs: 5, onError: () => undefined });
    while (!started) await tick();
    await worker.stop(20);
    expect(f.failed).toEqual([{ id: 'slow', data: { message: 'Strapi stopped while this job was running' } }]);
    const fetches = f.fetches();
    await tick(30);
    expect(f.fetches()).toBe(fetches);
  });
});
