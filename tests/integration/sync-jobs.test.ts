import { startStrapi, type TestApp } from '../helpers/strapi';
import { createCredential, createDealership, waitFor } from '../helpers/fixtures';
import { recordingSyncHandler } from '../helpers/recording-sync-handler';

/**
 * The job machinery every sync runs on: triggers, one run at a time per dealership and
 * type (409), sync-log routes and scoping, the scheduler, failures, interrupted runs.
 * The real stock/lead handlers are replaced by a recording one, so this file tests the
 * queue itself; the sync engines have their own tests.
 */
describe(`sync jobs (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  let dealershipA: string;
  let dealershipB: string;
  let superToken: string;
  let release: () => void = () => undefined;

  const easycars = () => app.strapi.plugin('easycars');
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await startStrapi({ env: { EASYCARS_TEST_BASE_URL: 'http://127.0.0.1:9/TestECService' } });
    superToken = (await app.superAdmin()).token;
    dealershipA = (await createDealership(app.strapi, 'Alpha Motors')).documentId;
    dealershipB = (await createDealership(app.strapi, 'Bravo Cars')).documentId;
    await createCredential(app.strapi, dealershipA);
    await createCredential(app.strapi, dealershipB);
  });
  afterAll(async () => {
    release();
    await app?.destroy();
  });

  const blockingHandler = () => {
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const record = recordingSyncHandler(app.strapi);
    easycars()
      .service('jobs')
      .registerSyncHandler('stock', async (job: any) => {
        await easycars().service('syncLogs').start(job.syncLogId);
        await easycars().service('syncLogs').progress(job.syncLogId, { phase: 'saving', done: 3, total: 10 });
        await gate;
        await record(job);
      });
  };

  it('answers 401 without a login', async () => {
    const res = await app.http().post('/easycars/sync/stock').send({ dealership: dealershipA });
    expect(res.status).toBe(401);
  });

  it('queues a manual sync (202), refuses a second one while it runs (409 with its id), then finishes it', async () => {
    blockingHandler();
    const first = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: dealershipA });
    expect(first.status).toBe(202);
    const id = first.body.data.syncLogId;
    expect(id).toEqual(expect.any(Number));

    const second = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: dealershipA });
    expect(second.status).toBe(409);
    expect(second.body.error.details.syncLogId).toBe(id);

    // Live progress while running
    const running = await waitFor(async () => {
      const res = await app.http().get(`/easycars/sync-logs/${id}`).set(auth(superToken));
      return res.body.data.status === 'running' && res.body.data.progressDone === 3 ? res.body.data : null;
    });
    expect(running).toMatchObject({ phase: 'saving', progressTotal: 10, trigger: 'manual', triggeredByName: 'Test Admin' });
    expect(running).not.toHaveProperty('activeKey');

    // Another dealership is not blocked
    const other = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: dealershipB });
    expect(other.status).toBe(202);

    release();
    const done = await waitFor(async () => {
      const log = await easycars().service('syncLogs').get(id);
      return log.status === 'success' ? log : null;
    });
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    expect(done.completedAt).toBeTruthy();
    await waitFor(async () => (await easycars().service('syncLogs').get(other.body.data.syncLogId)).status === 'success');

    // Once finished, a new run is accepted again
    easycars().service('jobs').registerSyncHandler('stock', recordingSyncHandler(app.strapi));
    const third = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: dealershipA });
    expect(third.status).toBe(202);
    await waitFor(async () => (await easycars().service('syncLogs').get(third.body.data.syncLogId)).status === 'success');
  });

  it('marks a run failed with the error when its handler throws, and the next run still works', async () => {
    easycars().service('jobs').registerSyncHandler('stock', recordingSyncHandler(app.strapi, { fail: true }));
    const res = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: dealershipB });
    expect(res.status).toBe(202);
    const log = await waitFor(async () => {
      const l = await easycars().service('syncLogs').get(res.body.data.syncLogId);
      return l.status === 'failed' ? l : null;
    });
    expect(log.errorMessage).toBe('the test handler failed on purpose');
    easycars().service('jobs').registerSyncHandler('stock', recordingSyncHandler(app.strapi));
  });

  it('validates the trigger: unknown type 404, missing dealership 400, no credentials 400, unknown dealership 404', async () => {
    expect((await app.http().post('/easycars/sync/images').set(auth(superToken)).send({ dealership: dealershipA })).status).toBe(404);
    const missing = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/dealership is required/);
    const bare = (await createDealership(app.strapi, 'No Creds Autos')).documentId;
    const noCreds = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: bare });
    expect(noCreds.status).toBe(400);
    expect(noCreds.body.error.message).toMatch(/no EasyCars credentials/);
    expect((await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: 'nope' })).status).toBe(404);
  });

  it('summarises each dealership\'s last and active syncs in the dealership list', async () => {
    const res = await app.http().get('/easycars/dealerships').set(auth(superToken));
    expect(res.status).toBe(200);
    const a = res.body.data.find((d: { documentId: string }) => d.documentId === dealershipA);
    expect(a.sync.stock.last).toMatchObject({ status: 'success', trigger: 'manual' });
    expect(a.sync.stock.active).toBeNull();
    expect(a.sync.leads).toEqual({ last: null, active: null });
    const b = res.body.data.find((d: { documentId: string }) => d.documentId === dealershipB);
    expect(b.sync.stock.last.status).toBe('failed');
  });

  it('lists sync logs per dealership, paginated and filtered', async () => {
    const res = await app.http().get(`/easycars/sync-logs?dealership=${dealershipA}&type=stock&pageSize=1`).set(auth(superToken));
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.pagination).toMatchObject({ page: 1, pageSize: 1 });
    expect(res.body.pagination.total).toBeGreaterThanOrEqual(2);
    const failed = await app.http().get(`/easycars/sync-logs?dealership=${dealershipB}&status=failed`).set(auth(superToken));
    expect(failed.body.results.every((l: { status: string }) => l.status === 'failed')).toBe(true);
    const bad = await app.http().get(`/easycars/sync-logs?dealership=${dealershipA}&status=bogus`).set(auth(superToken));
    expect(bad.status).toBe(400);
  });

  it('scopes everything to the dealerships an admin manages, and needs the right action', async () => {
    const role = await app.createRole('Sync operator', ['plugin::easycars.sync.trigger', 'plugin::easycars.sync-logs.read']);
    const manager = await app.createAdmin({ roles: [role] });
    await app.strapi.documents('api::dealership.dealership').update({
      documentId: dealershipA,
      data: { managers: { connect: [{ id: manager.id }] } } as any,
    });
    const logOfB = (await easycars().service('syncLogs').latest(dealershipB, 'stock')).id;

    const refused = await app.http().post('/easycars/sync/stock').set(auth(manager.token)).send({ dealership: dealershipB });
    // Another dealership's ids answer as if they did not exist.
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe(`Dealership ${dealershipB} not found.`);
    expect((await app.http().get(`/easycars/sync-logs/${logOfB}`).set(auth(manager.token))).status).toBe(404);
    expect((await app.http().get(`/easycars/sync-logs?dealership=${dealershipB}`).set(auth(manager.token))).status).toBe(404);
    expect((await app.http().get('/easycars/sync-logs').set(auth(manager.token))).status).toBe(400);
    expect((await app.http().get(`/easycars/sync-logs?dealership=${dealershipA}`).set(auth(manager.token))).status).toBe(200);
    const status = await app.http().get(`/easycars/sync/status?dealership=${dealershipA}`).set(auth(manager.token));
    expect(status.status).toBe(200);
    expect(status.body.data.stock).toMatchObject({ enabled: true, schedule: { kind: 'daily', time: '02:00' } });
    expect(new Date(status.body.data.stock.nextRunAt).getTime()).toBeGreaterThan(Date.now());

    const readOnlyRole = await app.createRole('Log reader', ['plugin::easycars.sync-logs.read']);
    const reader = await app.createAdmin({ roles: [readOnlyRole] });
    expect((await app.http().post('/easycars/sync/stock').set(auth(reader.token)).send({ dealership: dealershipA })).status).toBe(403);
  });

  it('scheduler enqueues each due slot exactly once, and never for slots before the connection existed', async () => {
    const scheduler = easycars().service('scheduler');
    const credentials = easycars().service('credentials');
    const cred = await credentials.findByDealership(dealershipB);
    await credentials.update(cred.id, { stockSchedule: 'custom', stockScheduleCron: '*/5 * * * *', leadSyncEnabled: false });
    await app.strapi.db.query('plugin::easycars.credential').update({ where: { id: cred.id }, data: { createdAt: new Date('2026-01-01T00:00:00Z') } });
    const credA = await credentials.findByDealership(dealershipA);
    await credentials.update(credA.id, { stockSyncEnabled: false, leadSyncEnabled: false });

    const at = new Date('2026-06-01T10:07:30Z');
    const first = await scheduler.tick(at);
    expect(first).toEqual([{ dealership: dealershipB, type: 'stock', syncLogId: expect.any(Number) }]);
    const log = await easycars().service('syncLogs').get(first[0].syncLogId);
    expect(log.trigger).toBe('schedule');
    expect(log.scheduleSlot).toBe('2026-06-01T10:05:00.000Z');
    await waitFor(async () => (await easycars().service('syncLogs').get(first[0].syncLogId)).status === 'success');

    expect(await scheduler.tick(new Date('2026-06-01T10:08:30Z'))).toEqual([]);
    expect(await scheduler.tick(new Date('2026-06-01T10:10:05Z'))).toHaveLength(1);

    // A connection made after the slot does not fire it retroactively
    await app.strapi.db.query('plugin::easycars.credential').update({ where: { id: cred.id }, data: { createdAt: new Date('2026-06-01T10:16:00Z') } });
    expect(await scheduler.tick(new Date('2026-06-01T10:17:00Z'))).toEqual([]);
  });

  it('deletes finished sync logs older than the retention period (90 days by default)', async () => {
    const q = app.strapi.db.query('plugin::easycars.sync-log');
    const old = await q.create({ data: { dealership: dealershipA, type: 'stock', trigger: 'manual', status: 'success' } });
    const recent = await q.create({ data: { dealership: dealershipA, type: 'stock', trigger: 'manual', status: 'success' } });
    await q.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 91 * 86_400_000) } });
    await q.update({ where: { id: recent.id }, data: { createdAt: new Date(Date.now() - 89 * 86_400_000) } });
    await easycars().service('scheduler').tick(new Date());
    expect(await q.findOne({ where: { id: old.id } })).toBeNull();
    expect(await q.findOne({ where: { id: recent.id } })).not.toBeNull();
  });

  it('registers no scheduler cron job when Strapi cron is disabled (CRON_ENABLED=false, as in these tests)', async () => {
    const names = (app.strapi.cron as any).jobs.map((j: { name?: string }) => j.name);
    expect(names).not.toContain('easycars-scheduler');
    expect(app.logs().join('\n')).toContain('scheduled syncs are off: Strapi cron is disabled');
  });

  it('honours the global off switch', async () => {
    const scheduler = easycars().service('scheduler');
    const sync = app.strapi.plugin('easycars').config('sync') as { disabled: boolean };
    sync.disabled = true;
    try {
      expect(await scheduler.tick(new Date('2026-06-01T11:00:30Z'))).toEqual([]);
    } finally {
      sync.disabled = false;
    }
  });

  it('runs every job outside the request that queued it (a sync never acts as the admin who clicked)', async () => {
    let seen: unknown = 'not run';
    easycars()
      .service('jobs')
      .registerSyncHandler('stock', async (job: any) => {
        seen = app.strapi.requestContext.get();
        await easycars().service('syncLogs').start(job.syncLogId);
        await easycars().service('syncLogs').finish(job.syncLogId, { status: 'success' });
      });
    const fresh = (await createDealership(app.strapi, 'Context Motors')).documentId;
    await createCredential(app.strapi, fresh);
    const res = await app.http().post('/easycars/sync/stock').set(auth(superToken)).send({ dealership: fresh });
    expect(res.status).toBe(202);
    await waitFor(async () => (seen !== 'not run' ? true : null));
    expect(seen).toBeUndefined();

    let jobSeen: unknown = 'not run';
    easycars().service('jobs').registerJob('easycars-test-context', async () => {
      jobSeen = app.strapi.requestContext.get();
    });
    await app.strapi.requestContext.run({ state: { user: { id: 1 } } } as any, () => easycars().service('jobs').sendJob('easycars-test-context', {}));
    await waitFor(async () => (jobSeen !== 'not run' ? true : null));
    expect(jobSeen).toBeUndefined();
  });

  it('closes runs left running by a stopped Strapi as interrupted on the next start', async () => {
    const logs = easycars().service('syncLogs');
    const orphan = await logs.createIfIdle({ dealership: dealershipA, type: 'leads', trigger: 'manual' });
    await logs.start(orphan.id);
    if (app.db.client === 'postgres') {
      // Instances share pg-boss there, so only a run whose heartbeat went stale is orphaned.
      await app.strapi.db.query('plugin::easycars.sync-log').update({ where: { id: orphan.id }, data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    }
    await app.destroy({ keepDatabase: true });
    app = await startStrapi({ database: app.db });
    const closed = await app.strapi.plugin('easycars').service('syncLogs').get(orphan.id);
    expect(closed.status).toBe('interrupted');
    expect(closed.errorMessage).toMatch(/Strapi stopped while this sync was running/);
    expect(await app.strapi.plugin('easycars').service('syncLogs').findActive(dealershipA, 'leads')).toBeNull();
  });
  it('keeps `interrupted` when a run closed by another instance (it went quiet too long) reports its end later', async () => {
    const logs = easycars().service('syncLogs');
    const run = await logs.createIfIdle({ dealership: dealershipA, type: 'stock', trigger: 'manual' });
    await logs.start(run.id);
    expect(await logs.closeAsInterrupted([{ id: run.id, status: 'running', dealership: dealershipA, type: 'stock', trigger: 'manual', instanceId: null }])).toHaveLength(1);
    // The stalled run wakes up and stops at its next step, then reports what it had done.
    await expect(logs.progress(run.id, { phase: 'saving', done: 5, total: 10 })).rejects.toThrow();
    await logs.finish(run.id, { status: 'failed', errorMessage: 'Stock sync failed: cancelled', counts: { created: 5 } });
    const closed = await logs.get(run.id);
    expect(closed.status).toBe('interrupted');
    expect(closed.errorMessage).toMatch(/Strapi stopped while this sync was running/);
    expect(closed.created).toBe(5);
  });
});
