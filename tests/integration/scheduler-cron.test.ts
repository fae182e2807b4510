import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createCredential, createDealership, SANDBOX_ACCOUNTS, waitFor } from '../helpers/fixtures';
import { recordingSyncHandler } from '../helpers/recording-sync-handler';
import { recordTicks } from '../helpers/tick-recorder';
import { startSandbox, type RunningSandboxLike } from '../helpers/sandbox-types';
import { previousRun } from '../../src/plugins/easycars/server/src/schedule/cron-for';

const onPostgres = (process.env.DB_TEST_CLIENT ?? 'sqlite') === 'postgres';
const TIMEZONE = 'Australia/Sydney';
const FINISHED = ['success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled'];
const SYNC_LOG = 'plugin::easycars.sync-log';

type Ticks = { ticks: number; enqueued: Array<{ dealership: string; type: string; syncLogId: number }> };

/** HH:MM in Sydney six hours ago: that daily slot is due now, and the next one is 18 hours away. */
function dailyTimeSixHoursAgo(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIMEZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    new Date(Date.now() - 6 * 3_600_000),
  );
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('hour')}:${part('minute')}`;
}

/**
 * The scheduler as it really runs: Strapi's cron on, the plugin's own cron registration at boot,
 * a tick every second (EASYCARS_SCHEDULER_CRON). Nothing here calls tick() itself; a wrapper only
 * counts the ticks and keeps what they enqueued.
 */
describe(`scheduled syncs queued by Strapi's cron (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandboxLike;
  let app: TestApp;
  let ticks: Ticks;
  const easycars = () => app.strapi.plugin('easycars');

  beforeAll(async () => {
    sandbox = await startSandbox({ stockCount: { EC114575: 3, EC208841: 2 } });
    app = await startStrapi({
      env: {
        CRON_ENABLED: 'true',
        EASYCARS_SCHEDULER_CRON: '* * * * * *',
        EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
        EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
        EASYCARS_IMAGES_ENABLED: 'false',
        EASYCARS_MIN_TIME_MS: '0',
      },
    });
    ticks = recordTicks(app.strapi);
  });
  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });

  const logsOf = (dealerships: string[]) =>
    app.strapi.db.query(SYNC_LOG).findMany({ where: { dealership: { $in: dealerships } }, orderBy: { id: 'asc' } }) as Promise<any[]>;
  const allFinished = (logs: Array<{ status: string }>, count: number) => logs.length >= count && logs.every((l) => FINISHED.includes(l.status));

  /** A dealership connected two days ago whose stock and lead schedules are both daily at `time`. */
  async function dueDealership(name: string, time: string): Promise<string> {
    const d = await createDealership(app.strapi, name);
    const cred = await createCredential(app.strapi, d.documentId, SANDBOX_ACCOUNTS.harbour, {
      stockSchedule: 'daily',
      stockScheduleTime: time,
      leadSchedule: 'daily',
      leadScheduleTime: time,
    });
    await app.strapi.db.query('plugin::easycars.credential').update({ where: { id: cred.id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    return d.documentId as string;
  }

  async function moreTicks(count: number, ...others: Array<() => Promise<number>>) {
    const start = [ticks.ticks, ...(await Promise.all(others.map((o) => o())))];
    await waitFor(async () => {
      const now = [ticks.ticks, ...(await Promise.all(others.map((o) => o())))];
      return now.every((n, i) => n >= start[i]! + count);
    }, 20_000, 200);
  }

  it('registers the scheduler with Strapi cron at boot, and it ticks on its own', async () => {
    expect((app.strapi.cron as any).jobs.map((j: { name?: string }) => j.name)).toContain('easycars-scheduler');
    await moreTicks(2);
  });

  it('a due dealership with lead sync on gets exactly one stock run and one lead run, queued by the cron and finished', async () => {
    const time = dailyTimeSixHoursAgo();
    const slot = previousRun({ kind: 'daily', time }, TIMEZONE, new Date()).toISOString();
    const due = await dueDealership('Cron Motors', time);
    // Connected just now: today's slot came before the connection, so it never fires.
    const late = (await createDealership(app.strapi, 'Late Motors')).documentId as string;
    await createCredential(app.strapi, late, SANDBOX_ACCOUNTS.north, { stockSchedule: 'daily', stockScheduleTime: time, leadSchedule: 'daily', leadScheduleTime: time });

    await waitFor(async () => allFinished(await logsOf([due]), 2), 30_000, 200);
    // The slot is taken: the ticks after the runs queue nothing more.
    await moreTicks(3);

    const logs = await logsOf([due, late]);
    expect(logs.map((l) => [l.dealership, l.type, l.trigger, l.scheduleSlot, l.status]).sort()).toEqual([
      [due, 'leads', 'schedule', slot, 'success'],
      [due, 'stock', 'schedule', slot, 'success'],
    ]);
    expect(logs.find((l) => l.type === 'stock').created).toBe(3);
    expect(ticks.enqueued.filter((e) => e.dealership === due).map((e) => e.type).sort()).toEqual(['leads', 'stock']);
    expect(await app.strapi.documents('api::vehicle.vehicle' as any).count({ filters: { dealership: { documentId: due } } } as any)).toBe(3);
  });

  (onPostgres ? describe : describe.skip)('two instances on one PostgreSQL database', () => {
    let child: ChildProcess;
    const childReport = () =>
      new Promise<Ticks>((resolve) => {
        const onMessage = (m: any) => {
          if (!m?.report) return;
          child.off('message', onMessage);
          resolve(m.report);
        };
        child.on('message', onMessage);
        child.send('report');
      });

    beforeAll(async () => {
      for (const type of ['stock', 'leads'] as const) easycars().service('jobs').registerSyncHandler(type, recordingSyncHandler(app.strapi, { delayMs: 500 }));
      // Same environment, so the same database, cron on and the same fast tick.
      child = fork(path.join(__dirname, '..', 'helpers', 'scheduler-instance.js'), [], { env: { ...process.env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      await new Promise<void>((resolve, reject) => {
        child.once('message', (m: any) => (m?.ready ? resolve() : reject(new Error('the second instance failed'))));
        child.once('exit', (code) => reject(new Error(`the second instance exited with ${code}`)));
      });
    });
    afterAll(async () => {
      if (child && child.exitCode === null) {
        child.send('stop');
        await new Promise((r) => child.once('exit', r));
      }
    });

    it('never runs one schedule slot twice, although both instances tick on it every second', async () => {
      const time = dailyTimeSixHoursAgo();
      const slot = previousRun({ kind: 'daily', time }, TIMEZONE, new Date()).toISOString();
      const dealers: string[] = [];
      for (let i = 0; i < 4; i += 1) dealers.push(await dueDealership(`Twin Motors ${i}`, time));

      await waitFor(async () => allFinished(await logsOf(dealers), 8), 40_000, 250);
      await moreTicks(3, async () => (await childReport()).ticks);

      const logs = await logsOf(dealers);
      expect(logs.map((l) => [l.dealership, l.type, l.trigger, l.scheduleSlot, l.status]).sort()).toEqual(
        dealers.flatMap((d) => [[d, 'leads', 'schedule', slot, 'success'], [d, 'stock', 'schedule', slot, 'success']]).sort(),
      );
      const runs = await app.strapi.db.query('plugin::easycars.audit-entry').findMany({ where: { action: 'test.sync-run', entityId: { $in: logs.map((l) => String(l.id)) } } });
      expect(runs.map((r: { entityId: string }) => r.entityId).sort()).toEqual(logs.map((l) => String(l.id)).sort());

      // Each slot was queued by exactly one tick of one instance.
      const other = await childReport();
      expect(other.ticks).toBeGreaterThan(3);
      const queued = [...ticks.enqueued, ...other.enqueued].filter((e) => dealers.includes(e.dealership)).map((e) => `${e.dealership}:${e.type}`);
      expect(queued.sort()).toEqual(dealers.flatMap((d) => [`${d}:leads`, `${d}:stock`]).sort());
    });
  });
});
