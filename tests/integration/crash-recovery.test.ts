import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { strapiEnv } from '../helpers/strapi';
import { SANDBOX_ACCOUNTS, SANDBOX_CLIENT, waitFor } from '../helpers/fixtures';
import { startSandbox, type RunningSandboxLike } from '../helpers/sandbox-types';
import { startStrapiProcess, type StrapiProcess } from '../helpers/strapi-process';

const onPostgres = (process.env.DB_TEST_CLIENT ?? 'sqlite') === 'postgres';
const SQLITE_SKIP = 'skipped on SQLite: several Strapi instances on one SQLite file is not a supported deployment';

const STOCK = { EC114575: 500, EC208841: 500 };
const ACTIVE = ['queued', 'running'];
const TIMEZONE = 'Australia/Sydney';

type LogRow = { id: number; status: string; trigger: string; phase: string | null; progress_done: number | null; instance_id: string | null; error_message: string | null };
type StockState = {
  published: Array<{ documentId: string; stockNumber: string }>;
  drafts: Array<{ documentId: string; stockNumber: string }>;
  records: Array<{ StockNumber: string; vehicleDocumentId: string | null; removedAt: string | null }>;
};

/** HH:MM in Sydney six hours ago: a daily schedule at that time is not due again for 18 hours (nothing scheduled interferes). */
function dailyTimeSixHoursAgo(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIMEZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(Date.now() - 6 * 3_600_000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('hour')}:${part('minute')}`;
}

const sorted = (values: string[]) => [...values].sort();

/**
 * Two real Strapi processes (real sync handlers and lead pushes, cron on) on one PostgreSQL database and one pg-boss
 * queue, against the sandbox running in this test process. The database drops every connection in the middle of a
 * sync; then one instance is killed with SIGKILL in the middle of a stock sync, and one in the middle of a CreateLead.
 * The heartbeat and staleness are shortened (1 s / 6 s) so the survivor notices a dead instance within seconds.
 */
(onPostgres ? describe : describe.skip)(`crash and fault recovery with two Strapi processes (postgres${onPostgres ? '' : `; ${SQLITE_SKIP}`})`, () => {
  let sandbox: RunningSandboxLike;
  let db: TestDatabase;
  let env: Record<string, string | undefined>;
  let observer: Client;
  const instances: StrapiProcess[] = [];
  const dealerships: Record<'crash' | 'outage', string> = { crash: '', outage: '' };

  const logRow = async (id: number): Promise<LogRow> =>
    (await observer.query('SELECT id, status, trigger, phase, progress_done, instance_id, error_message FROM easycars_sync_logs WHERE id = $1', [id])).rows[0];
  const finishedRun = (id: number, timeoutMs: number) =>
    waitFor(async () => {
      const row = await logRow(id);
      return row && !ACTIVE.includes(row.status) ? row : null;
    }, timeoutMs, 250);
  /** Waits until run `id` is saving vehicles and has written at least one batch. */
  const midSave = (id: number) =>
    waitFor(async () => {
      const row = await logRow(id);
      if (row && !ACTIVE.includes(row.status)) throw new Error(`sync ${id} ended (${row.status}) before the test could interrupt it: give it more stock`);
      return row?.status === 'running' && row.phase === 'saving' && Number(row.progress_done) > 0 ? row : null;
    }, 120_000, 50);
  const ranOn = (instanceId: string | null) => {
    const found = instances.find((p) => p.instanceId === instanceId);
    if (!found) throw new Error(`no test instance has the id ${instanceId}`);
    return found;
  };
  /** Replaces a killed instance with a fresh one on the same database, so the next test again has two (the last test kills one for good). */
  const restart = async (victim: StrapiProcess) => {
    instances[instances.indexOf(victim)] = await startStrapiProcess(victim.name, env);
  };

  /** Every sandbox vehicle exactly once (published and draft), each with one stock record pointing at it. */
  async function expectStockMatchesSandbox(on: StrapiProcess, dealership: string, account: keyof typeof STOCK) {
    const state = await on.call<StockState>('stockState', { dealership });
    const expected = sorted(sandbox.control.listStock(account).map((s) => String(s.StockNumber)));
    expect(sorted(state.published.map((v) => v.stockNumber))).toEqual(expected);
    expect(sorted(state.drafts.map((v) => v.stockNumber))).toEqual(expected);
    expectWholeBatches(state);
  }

  /** Nothing half-written: each vehicle with its stock record, each stock record with its vehicle, no stock number twice. */
  function expectWholeBatches(state: StockState) {
    const published = new Map(state.published.map((v) => [v.documentId, v.stockNumber]));
    const live = state.records.filter((r) => !r.removedAt);
    expect(new Set(state.published.map((v) => v.stockNumber)).size).toBe(state.published.length);
    expect(sorted(state.drafts.map((v) => v.documentId))).toEqual(sorted([...published.keys()]));
    expect(sorted(live.map((r) => r.StockNumber))).toEqual(sorted([...published.values()]));
    for (const r of live) expect(published.get(r.vehicleDocumentId ?? '')).toBe(r.StockNumber);
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ stockCount: STOCK, tokenTtlSeconds: 3600 });
    db = await createTestDatabase('postgres');
    const settings = strapiEnv(db, {
      CRON_ENABLED: 'true',
      EASYCARS_SCHEDULER_CRON: '* * * * * *',
      EASYCARS_SYNC_HEARTBEAT_MS: '1000',
      EASYCARS_SYNC_STALE_AFTER_MS: '6000',
      EASYCARS_SYNC_BATCH_SIZE: '5',
      EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
      EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
      EASYCARS_IMAGES_ENABLED: 'false',
      EASYCARS_MIN_TIME_MS: '0',
    });
    env = Object.fromEntries(Object.entries({ ...process.env, ...settings }).filter(([, v]) => v !== undefined));
    // One after the other: the first one creates the schema.
    instances.push(await startStrapiProcess('A', env));
    instances.push(await startStrapiProcess('B', env));
    const [host, port, user, password, database] = ['DATABASE_HOST', 'DATABASE_PORT', 'DATABASE_USERNAME', 'DATABASE_PASSWORD', 'DATABASE_NAME'].map((k) => db.env[k]);
    observer = new Client({ host, port: Number(port), user, password, database });
    await observer.connect();
    const time = dailyTimeSixHoursAgo();
    const schedules = { stockSchedule: 'daily', stockScheduleTime: time, leadSchedule: 'daily', leadScheduleTime: time };
    dealerships.crash = await instances[0]!.call<string>('connectDealership', { name: 'Crash Motors', client: SANDBOX_CLIENT, account: SANDBOX_ACCOUNTS.harbour, fields: schedules });
    dealerships.outage = await instances[0]!.call<string>('connectDealership', { name: 'Outage Motors', client: SANDBOX_CLIENT, account: SANDBOX_ACCOUNTS.north, fields: schedules });
  });

  afterAll(async () => {
    for (const p of instances) await p.stop().catch(() => undefined);
    await observer?.end().catch(() => undefined);
    await db?.drop();
    await sandbox?.close();
  });

  it('every database connection dropped in the middle of a sync: the run ends cleanly, no batch is half-written, later syncs work', async () => {
    const dealership = dealerships.outage;
    const ticksBefore = await Promise.all(instances.map((p) => p.call<number>('ticks')));
    const { syncLogId } = await instances[0]!.call<{ syncLogId: number }>('enqueueSync', { dealership, type: 'stock' });
    await midSave(syncLogId);
    // Not a server restart: other test runs share this PostgreSQL server, so only this database's sessions are ended,
    // again and again for three seconds (as while a server restarts), so queries in flight are hit, not only idle ones.
    let terminated = 0;
    for (const until = Date.now() + 3000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      terminated += (await observer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rowCount ?? 0;
    }
    expect(terminated).toBeGreaterThan(0);

    const outcome = await finishedRun(syncLogId, 150_000);
    // Ended, one way or another, and saying why when it did not all go through (items that failed during the outage are listed).
    expect(['success', 'partial', 'failed', 'interrupted']).toContain(outcome.status);
    if (outcome.status !== 'success') expect(outcome.error_message).toBeTruthy();
    // A run closed as interrupted is queued again by itself (recoverInterrupted); let that one end too.
    await waitFor(async () => {
      const { rows } = await observer.query('SELECT count(*)::int AS n FROM easycars_sync_logs WHERE dealership = $1 AND status = ANY($2)', [dealership, ACTIVE]);
      return rows[0].n === 0;
    }, 150_000, 250);
    expectWholeBatches(await instances[0]!.call<StockState>('stockState', { dealership }));

    // Both instances go on without a restart: their schedulers tick, and the queue runs the next sync to the end.
    expect(instances.every((p) => p.alive())).toBe(true);
    await waitFor(async () => {
      const ticks = await Promise.all(instances.map((p) => p.call<number>('ticks')));
      return ticks.every((n, i) => n >= ticksBefore[i]! + 3);
    }, 30_000, 250);
    // Those ticks may already have queued the next run themselves (a retry of the failed one): then that run is the one to watch.
    const again = await instances[1]!.call<{ accepted: boolean; syncLogId: number | null }>('enqueueSync', { dealership, type: 'stock' });
    expect(again.syncLogId).not.toBeNull();
    expect((await finishedRun(again.syncLogId!, 150_000)).status).toBe('success');
    await expectStockMatchesSandbox(instances[1]!, dealership, 'EC208841');
  });

  it('SIGKILL in the middle of a stock sync: the run is interrupted, the other instance runs it again, every vehicle exists once', async () => {
    const dealership = dealerships.crash;
    const { syncLogId } = await instances[0]!.call<{ syncLogId: number }>('enqueueSync', { dealership, type: 'stock' });
    const running = await midSave(syncLogId);
    const victim = ranOn(running.instance_id);
    const survivor = instances.find((p) => p !== victim)!;
    await victim.kill();

    const closed = await finishedRun(syncLogId, 60_000);
    expect(closed.status).toBe('interrupted');
    expect(closed.error_message).toMatch(/Strapi stopped while this sync was running/);
    const rerun = await waitFor(async () => {
      const { rows } = await observer.query('SELECT id FROM easycars_sync_logs WHERE dealership = $1 AND type = $2 AND trigger = $3', [dealership, 'stock', 'retry']);
      return rows[0]?.id as number | undefined;
    }, 30_000, 250);
    const finished = await finishedRun(rerun, 150_000);
    expect(finished.status).toBe('success');
    expect(finished.instance_id).toBe(survivor.instanceId);
    await expectStockMatchesSandbox(survivor, dealership, 'EC114575');
    await restart(victim);
  });

  it('SIGKILL while CreateLead is in flight: EasyCars gets the lead once, the local lead goes to review (never sent twice)', async () => {
    sandbox.control.clearRequestLog();
    sandbox.control.setLatencyMs(2000);
    const leadId = await instances[0]!.call<string>('createLead', {
      dealership: dealerships.crash,
      data: {
        customerName: 'Ava Brown', customerEmail: 'ava.crash@example.com', vehicleMake: 'Toyota', vehicleModel: 'Corolla',
        vehicleYear: 2021, vehicleType: 'car', isVehicleNew: false, interest: 'buy',
      },
    });
    // The CreateLead has reached EasyCars; the instance that sent it dies before the answer.
    const sender = await waitFor(async () => {
      if (!sandbox.control.requestLog().some((e) => e.endpoint === 'CreateLead')) return null;
      return instances.find((p) => p.outgoing.some((path) => /\/CreateLead\/?$/i.test(path))) ?? null;
    }, 60_000, 20);
    await sender.kill();
    sandbox.control.setLatencyMs(0);

    const record = await waitFor(async () => {
      const { rows } = await observer.query('SELECT push_state, push_error, lead_number FROM easycars_lead_records WHERE lead_document_id = $1', [leadId]);
      return rows[0] && rows[0].push_state !== 'pending' ? rows[0] : null;
    }, 90_000, 250);
    expect(record.push_state).toBe('review');
    expect(record.push_error).toContain(`ExternalID ${leadId}`);
    expect(sandbox.control.listLeads('EC114575').filter((l) => l.ExternalID === leadId)).toHaveLength(1);
    expect(sandbox.control.requestLog().filter((e) => e.endpoint === 'CreateLead' && (e.body as { ExternalID?: string })?.ExternalID === leadId)).toHaveLength(1);
  });
});
