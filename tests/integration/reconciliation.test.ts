/**
 * Reconciliation (issue 14): a run is a job that writes nothing to vehicles or leads; it reports what
 * is in EasyCars but not here, here but not in EasyCars, field and image differences and lead
 * differences, with reasons and severities; ignored rows stay ignored until their data changes;
 * "Sync from EasyCars" applies the feed to the chosen vehicles only; CSV and PDF exports.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStockWorld, VEHICLE, type StockWorld } from '../helpers/stock-sync';
import type { TestAdmin } from '../helpers/strapi';

const ACCOUNT = 'EC114575';

describe(`reconciliation (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let dealership: string;
  let admin: TestAdmin;
  const api = () => w.app.http();
  const auth = (req: any) => req.set('Authorization', `Bearer ${admin.token}`);

  const waitForRun = async (id: number) => {
    for (let i = 0; i < 200; i++) {
      const log = await w.app.strapi.plugin('easycars').service('syncLogs').get(id);
      if (log && !['queued', 'running'].includes(log.status)) return log;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`run ${id} did not finish`);
  };
  const reconcile = async () => {
    const res = await auth(api().post('/easycars/reconciliation/run')).send({ dealership });
    expect(res.status).toBe(202);
    return waitForRun(res.body.data.syncLogId);
  };
  const report = async (query = '') => {
    const res = await auth(api().get(`/easycars/reconciliation?dealership=${dealership}${query}`));
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const draftOf = async (stockNumber: string) =>
    (await w.app.strapi.documents(VEHICLE as any).findFirst({ filters: { stockNumber, dealership: { documentId: dealership } }, status: 'draft' } as any)) as any;

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 12, EC208841: 3 } });
    dealership = await w.dealership('Harbour Motors', ACCOUNT);
    admin = await w.app.superAdmin();
    const first = await w.sync(dealership);
    expect(first.status).toBe('success');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('finds nothing to report right after a sync, and writes nothing while comparing', async () => {
    const writes = await w.countWrites(() => reconcile());
    expect(writes.result.status).toBe('success');
    expect(writes.result.type).toBe('reconciliation');
    // Its own log, findings and audit rows only: no vehicle, lead, record or file was written.
    // easycars_locks: on PostgreSQL each EasyCars call holds a place in the shared request budget.
    const tables = Object.keys(writes.byTable).filter((t) => !/easycars_(sync_logs|reconciliation_findings|audit_entries|metric|locks)/.test(t) && !t.startsWith('pgboss'));
    expect(tables).toEqual([]);
    const data = await report();
    expect(data.counts.total).toBe(0);
    expect(data.findings).toEqual([]);
    expect(data.notes[0]).toMatch(/no way to list an account’s leads/);
  });

  it('reports each kind of difference with its reason and severity', async () => {
    const feed = w.sandbox.control.listStock(ACCOUNT);
    const [edited, repriced, removed] = feed.map((i) => i.StockNumber);
    const urlsOf = (i: (typeof feed)[number]) => String(i.ImageURLs ?? '').split(',').filter(Boolean);
    const withImages = feed.slice(3).find((i) => urlsOf(i).length > 1)!;
    const reordered = withImages.StockNumber;
    const editedDraft = await draftOf(edited);
    await w.app.strapi.documents(VEHICLE as any).update({ documentId: editedDraft.documentId, data: { description: 'Our own, better words' } } as any);
    w.sandbox.control.updateStock(ACCOUNT, repriced, { Price: 12345 });
    w.sandbox.control.removeStock(ACCOUNT, removed);
    const images = urlsOf(withImages);
    w.sandbox.control.updateStock(ACCOUNT, reordered, { ImageURLs: [...images].reverse().join(',') });
    const added = w.sandbox.control.addStock(ACCOUNT).StockNumber;
    await w.app.strapi.documents(VEHICLE as any).create({ data: { title: 'Trade-in', stockNumber: 'MAN-1', dealership: { connect: [{ documentId: dealership }] } } } as any);

    const log = await reconcile();
    expect(log.status).toBe('warning');
    const data = await report('&pageSize=200');
    const find = (category: string, ref: string) => data.findings.find((f: any) => f.category === category && f.ref === ref);

    expect(find('field_diff', edited)).toMatchObject({ severity: 'conflicting', actions: ['sync', 'ignore'] });
    expect(find('field_diff', edited).reason).toMatch(/Changed here since the last sync/);
    expect(find('field_diff', edited).details.fields).toEqual([expect.objectContaining({ field: 'description', here: 'Our own, better words' })]);
    expect(find('field_diff', repriced)).toMatchObject({ severity: 'outdated' });
    expect(find('field_diff', repriced).details.fields).toEqual([expect.objectContaining({ field: 'price', easycars: 12345 })]);
    expect(find('missing_here', added)).toMatchObject({ severity: 'missing', reason: expect.stringMatching(/Never synced/) });
    expect(find('extra_here', removed)).toMatchObject({ severity: 'outdated', reason: expect.stringMatching(/No longer in the EasyCars feed/) });
    expect(find('extra_here', 'MAN-1')).toMatchObject({ severity: 'conflicting', reason: expect.stringMatching(/Entered by hand with stock number MAN-1, which EasyCars does not have/), actions: ['ignore'] });
    expect(find('images', reordered)).toMatchObject({ severity: 'outdated' });
    expect(find('images', reordered).details.images).toMatchObject({ missing: [], extra: 0, outOfOrder: true });
    expect(data.counts).toMatchObject({ total: data.findings.length, field_diff: 2, missing_here: 1, extra_here: 2, images: 1, lead: 0 });

    // Counts first, then filters: only the conflicting rows.
    const conflicting = await report('&severity=conflicting');
    expect(conflicting.findings.map((f: any) => f.ref).sort()).toEqual([edited, 'MAN-1'].sort());
  });

  it('keeps an ignored row ignored on the next run, and opens it again when its data changes', async () => {
    const edited = w.sandbox.control.listStock(ACCOUNT)[0].StockNumber;
    const row = (await report('&category=field_diff')).findings.find((f: any) => f.ref === edited);
    const refused = await auth(api().post('/easycars/reconciliation/ignore')).send({ dealership, ids: [row.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/reason is required/);
    const ok = await auth(api().post('/easycars/reconciliation/ignore')).send({ dealership, ids: [row.id], reason: 'Our copywriter rewrote it' });
    expect(ok.body.data).toMatchObject({ affected: 1 });

    await reconcile();
    const again = await report('&state=ignored');
    expect(again.findings).toEqual([expect.objectContaining({ ref: edited, category: 'field_diff', ignoredReason: 'Our copywriter rewrote it', actions: [] })]);
    expect((await report()).counts.ignored).toBe(1);

    const draft = await draftOf(edited);
    await w.app.strapi.documents(VEHICLE as any).update({ documentId: draft.documentId, data: { description: 'Rewritten once more' } } as any);
    await reconcile();
    expect((await report('&state=ignored')).findings).toEqual([]);
    expect((await report('&category=field_diff')).findings.find((f: any) => f.ref === edited)).toBeTruthy();
    const audit = await w.app.strapi.db.query('plugin::easycars.audit-entry' as any).findMany({ where: { action: 'reconciliation.ignore' } });
    expect(audit).toHaveLength(1);
  });

  it('syncs the chosen rows from EasyCars as one stock run, touching no other vehicle', async () => {
    const feed = w.sandbox.control.listStock(ACCOUNT);
    const [edited, repriced] = feed.map((i) => i.StockNumber);
    const rows = (await report('&category=field_diff')).findings;
    const before = await w.vehiclesOf(dealership, 'draft');
    const res = await auth(api().post('/easycars/reconciliation/sync')).send({ dealership, ids: rows.map((r: any) => r.id) });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ affected: 2 });
    const run = await waitForRun(res.body.data.syncLogId);
    expect(run).toMatchObject({ type: 'stock', status: 'success', updated: 2, created: 0, removed: 0 });
    const easycarsText = rows.find((r: any) => r.ref === edited).details.fields[0].easycars;
    expect((await draftOf(edited)).description).toBe(easycarsText);
    expect(Number((await draftOf(repriced)).price)).toBe(12345);
    expect((await w.vehiclesOf(dealership, 'draft')).length).toBe(before.length); // the new EasyCars vehicle was not chosen
    expect((await report('&state=fixed')).findings.map((f: any) => f.ref).sort()).toEqual([edited, repriced].sort());

    await reconcile();
    expect((await report('&category=field_diff')).findings).toEqual([]);
  });

  it('exports the report as CSV and as a PDF with real pages', async () => {
    const csv = await auth(api().get(`/easycars/reconciliation/export?dealership=${dealership}&format=csv`));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('category,severity,state,ref,title,reason,fields,entry,ignoredReason');
    expect(csv.text).toContain('MAN-1');

    const pdf = await auth(api().get(`/easycars/reconciliation/export?dealership=${dealership}&format=pdf`)).buffer(true).parse((res: any, cb: any) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body: Buffer = pdf.body;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-pdf-'));
    fs.writeFileSync(path.join(dir, 'report.pdf'), body);
    execFileSync('pdftoppm', ['-png', '-r', '50', path.join(dir, 'report.pdf'), path.join(dir, 'page')]);
    const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    // The summary page, then one per category with rows.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(fs.statSync(path.join(dir, pages[0])).size).toBeGreaterThan(1000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs on its schedule (off by default) and alerts when a scheduled run finds differences', async () => {
    expect((await report()).schedule).toBe('off');
    const bad = await auth(api().put('/easycars/reconciliation/settings')).send({ dealership, schedule: 'hourly' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/schedule must be one of off, daily, weekly/);
    expect((await auth(api().put('/easycars/reconciliation/settings')).send({ dealership, schedule: 'weekly' })).status).toBe(200);
    const data = await report();
    expect(data.schedule).toBe('weekly');
    expect(new Date(data.nextRunAt).getUTCDay()).toBe(6); // Sunday 03:00 in Sydney is Saturday 16:00 UTC
    expect(data.counts.total).toBeGreaterThan(0);

    // The next Sunday 03:00 Sydney slot after now: the scheduler's tick queues it once.
    const slot = new Date(data.nextRunAt);
    const scheduler = w.app.strapi.plugin('easycars').service('scheduler');
    const queued = (await scheduler.tick(new Date(slot.getTime() + 60_000))).filter((q: any) => q.type === 'reconciliation');
    expect(queued).toHaveLength(1);
    expect((await scheduler.tick(new Date(slot.getTime() + 120_000))).filter((q: any) => q.type === 'reconciliation')).toEqual([]);
    const run = await waitForRun(queued[0].syncLogId);
    expect(run).toMatchObject({ trigger: 'schedule', status: 'warning' });
    await w.app.strapi.plugin('easycars').service('alerts').evaluate(dealership);
    const alert = await w.app.strapi.db.query('plugin::easycars.alert' as any).findOne({ where: { dealership, rule: 'reconciliation_differences', status: { $ne: 'resolved' } } });
    expect(alert.message).toMatch(/^The scheduled reconciliation found \d+ differences? between this site and EasyCars$/);
  });

  it('shows a lead row’s customer only to admins who may read that lead', async () => {
    const strapi = w.app.strapi;
    const lead: any = await strapi.documents('api::lead.lead' as any).create({
      data: { customerName: 'Ava Brown', customerEmail: 'ava@example.com', vehicleMake: 'Mazda', vehicleModel: 'CX-5', vehicleYear: 2024, vehicleType: 'car', isVehicleNew: false, leadStatus: 'new', dealership: { connect: [{ documentId: dealership }] } } as any,
    });
    await new Promise((r) => setTimeout(r, 1500));
    await strapi.db.query('plugin::easycars.lead-record' as any).updateMany({ where: { leadDocumentId: lead.documentId }, data: { pushState: 'failed', pushError: 'test' } });
    await reconcile();
    const row = (await report('&category=lead')).findings.find((f: any) => f.entryDocumentId === lead.documentId);
    expect(row.title).toBe('Ava Brown');
    const reader = await w.app.createAdmin({ roles: [await w.app.createRole('Sync log reader', ['plugin::easycars.sync-logs.read'])] });
    await strapi.documents('api::dealership.dealership' as any).update({ documentId: dealership, data: { managers: { connect: [{ id: reader.id }] } } } as any);
    const res = await api().get(`/easycars/reconciliation?dealership=${dealership}&category=lead`).set('Authorization', `Bearer ${reader.token}`);
    const masked = res.body.data.findings.find((f: any) => f.entryDocumentId === lead.documentId);
    expect(masked.title).toBe('A•• B••••');
    const csv = await api().get(`/easycars/reconciliation/export?dealership=${dealership}&format=csv&category=lead`).set('Authorization', `Bearer ${reader.token}`);
    expect(csv.text).not.toContain('Ava Brown');
  });

  it('names a bad filter, and refuses a run while one is active', async () => {
    const bad = await auth(api().get(`/easycars/reconciliation?dealership=${dealership}&category=everything`));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/category must be one of missing_here/);
    const first = await auth(api().post('/easycars/reconciliation/run')).send({ dealership });
    const second = await auth(api().post('/easycars/reconciliation/run')).send({ dealership });
    expect([first.status, second.status]).toEqual([202, 409]);
    await waitForRun(first.body.data.syncLogId);
  });
});
