import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createCredential, createDealership, waitFor } from '../helpers/fixtures';
import { recordingSyncHandler } from '../helpers/recording-sync-handler';

const onPostgres = (process.env.DB_TEST_CLIENT ?? 'sqlite') === 'postgres';

/**
 * Two Strapi instances on one PostgreSQL database share the pg-boss queue: every sync
 * runs exactly once, on one of them, and the same (dealership, type) never runs twice
 * at once. On SQLite there is one instance by design, so this file only runs on PostgreSQL.
 */
(onPostgres ? describe : describe.skip)('two Strapi instances share the sync jobs (postgres)', () => {
  let app: TestApp;
  let child: ChildProcess;
  let childInstanceId: string;

  beforeAll(async () => {
    app = await startStrapi();
    expect(app.strapi.plugin('easycars').service('jobs').queueKind()).toBe('pg-boss');
    app.strapi.plugin('easycars').service('jobs').registerSyncHandler('stock', recordingSyncHandler(app.strapi, { delayMs: 1500 }));
    child = fork(path.join(__dirname, '..', 'helpers', 'strapi-instance.js'), [], {
      env: { ...process.env, TEST_SYNC_DELAY_MS: '1500' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    childInstanceId = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: any) => (m?.ready ? resolve(m.instanceId) : reject(new Error('child failed'))));
      child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.send('stop');
      await new Promise((r) => child.once('exit', r));
    }
    await app?.destroy();
  });

  it('runs every queued sync exactly once, spread over both instances', async () => {
    const easycars = app.strapi.plugin('easycars');
    const ids: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const d = await createDealership(app.strapi, `Shared Queue Motors ${i}`);
      await createCredential(app.strapi, d.documentId);
      const result = await easycars.service('jobs').enqueueSync({ dealership: d.documentId, type: 'stock', trigger: 'manual' });
      expect(result.accepted).toBe(true);
      ids.push(result.syncLogId);
    }
    await waitFor(async () => {
      const logs = await Promise.all(ids.map((id) => easycars.service('syncLogs').get(id)));
      return logs.every((l) => l.status === 'success');
    }, 60000, 250);

    const runs = await app.strapi.db.query('plugin::easycars.audit-entry').findMany({ where: { action: 'test.sync-run' } });
    const perLog = new Map<string, number>();
    for (const run of runs) perLog.set(run.entityId, (perLog.get(run.entityId) ?? 0) + 1);
    expect([...perLog.keys()].sort()).toEqual(ids.map(String).sort());
    expect([...perLog.values()].every((n) => n === 1)).toBe(true);
    const instances = new Set(runs.map((r: { message: string }) => r.message));
    expect(instances).toEqual(new Set([easycars.service('syncLogs').instanceId, childInstanceId]));
  });

  it('accepts only one of several simultaneous triggers for the same dealership', async () => {
    const easycars = app.strapi.plugin('easycars');
    const d = await createDealership(app.strapi, 'Race Condition Cars');
    await createCredential(app.strapi, d.documentId);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => easycars.service('jobs').enqueueSync({ dealership: d.documentId, type: 'stock', trigger: 'manual' })),
    );
    const accepted = results.filter((r: { accepted: boolean }) => r.accepted);
    expect(accepted).toHaveLength(1);
    for (const r of results.filter((x: { accepted: boolean }) => !x.accepted)) expect(r.syncLogId).toBe(accepted[0].syncLogId);
    await waitFor(async () => (await easycars.service('syncLogs').get(accepted[0].syncLogId)).status === 'success', 30000, 250);
  });
  it('closes a queued run whose job was never sent (its instance stopped in between) and queues it again; runs waiting for a worker keep their place', async () => {
    const easycars = app.strapi.plugin('easycars');
    const logs = easycars.service('syncLogs');
    const dealers = [];
    for (let i = 0; i < 7; i += 1) {
      const d = await createDealership(app.strapi, `Orphan Sweep Motors ${i}`);
      await createCredential(app.strapi, d.documentId);
      dealers.push(d);
    }
    const [orphanDealer, ...busyDealers] = dealers;
    // Six runs for four workers (two per instance) that take 1.5 s each: some wait their turn with their job queued.
    const waiting = await Promise.all(busyDealers.map((d) => easycars.service('jobs').enqueueSync({ dealership: d.documentId, type: 'stock', trigger: 'manual' })));
    // What enqueueSync leaves when its instance stops between creating the run and sending its job.
    const orphan = await logs.createIfIdle({ dealership: orphanDealer!.documentId, type: 'stock', direction: 'inbound', trigger: 'manual' });
    const ids = [...waiting.map((w: { syncLogId: number }) => w.syncLogId), orphan.id];
    // All of them queued long before the stale limit, as far as the sweep can tell from their age.
    await app.strapi.db.connection('easycars_sync_logs').whereIn('id', ids).update({ created_at: new Date(Date.now() - 10 * 60_000) });
    const stillQueued = (await Promise.all(waiting.map((w: { syncLogId: number }) => logs.get(w.syncLogId)))).filter((l: { status: string }) => l.status === 'queued');
    expect(stillQueued.length).toBeGreaterThan(0);

    await easycars.service('jobs').recoverInterrupted();

    const closed = await logs.get(orphan.id);
    expect(closed.status).toBe('interrupted');
    expect(closed.errorMessage).toMatch(/stopped before this sync started/);
    for (const w of waiting) expect((await logs.get(w.syncLogId)).status).not.toBe('interrupted');
    // The orphan's dealership is not blocked: its run is queued again (trigger retry) and runs.
    await waitFor(async () => {
      const latest = await logs.latest(orphanDealer!.documentId, 'stock');
      return latest.id !== orphan.id && latest.trigger === 'retry' && latest.status === 'success';
    }, 30000, 250);
    await waitFor(async () => (await Promise.all(waiting.map((w: { syncLogId: number }) => logs.get(w.syncLogId)))).every((l: { status: string }) => l.status === 'success'), 30000, 250);
  });
});
