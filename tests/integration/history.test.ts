/**
 * The sync history (issue 12, story 4.2): every run paged on the server, filters, search by what a
 * run touched (stock number, VIN, lead number, customer email), every touched record with its
 * changed fields, streamed CSV/JSON export, retention, and scoping to the caller's dealerships.
 */
import { startStockWorld, type StockWorld } from '../helpers/stock-sync';
import { waitFor } from '../helpers/fixtures';
import type { TestAdmin } from '../helpers/strapi';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { applyRetention } from '../../src/plugins/easycars/server/src/history/retention';

describe(`sync history (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let superAdmin: TestAdmin;
  let manager: TestAdmin;
  let harbour: string;
  let north: string;
  const runs: Record<string, number> = {};
  const plugin = () => w.app.strapi.plugin('easycars');
  const get = (url: string, as: TestAdmin) => w.app.http().get(url).set('Authorization', `Bearer ${as.token}`);

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 6, EC208841: 4 }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
    superAdmin = await w.app.superAdmin();
    const role = await w.app.createRole('History reader', ['plugin::easycars.sync-logs.read']);
    manager = await w.app.createAdmin({ roles: [role] });
    harbour = await w.dealership('Harbour Motors', 'EC114575');
    north = await w.dealership('North Shore Autos', 'EC208841');
    await w.app.strapi.documents('api::dealership.dealership' as any).update({ documentId: harbour, data: { managers: { connect: [{ id: manager.id }] } } } as any);

    runs.first = (await w.sync(harbour)).id;
    const [item] = w.sandbox.control.listStock('EC114575');
    runs.stockNumber = item!.StockNumber as unknown as number;
    w.sandbox.control.updateStock('EC114575', String(item!.StockNumber), { Price: 19990 });
    runs.second = (await w.sync(harbour)).id;
    runs.north = (await w.sync(north)).id;
  });
  afterAll(async () => {
    await w?.close();
  });

  it('lists every run newest first, paged on the server, with who/what/when and the dealership’s name', async () => {
    const res = await get('/easycars/history?pageSize=2', superAdmin);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
    expect(res.body.data.map((r: { id: number }) => r.id)).toEqual([runs.north, runs.second]);
    expect(res.body.data[0]).toMatchObject({ dealershipName: 'North Shore Autos', type: 'stock', direction: 'inbound', trigger: 'manual', status: 'success', fetched: 4, created: 4, processed: 4 });
    expect(res.body.data[1]).toMatchObject({ dealershipName: 'Harbour Motors', updated: 1, processed: 1 });
    const page2 = await get('/easycars/history?pageSize=2&page=2', superAdmin);
    expect(page2.body.data.map((r: { id: number }) => r.id)).toEqual([runs.first]);
    // Every finished run is one info line in Strapi's log.
    expect(w.app.logs().filter((l) => new RegExp(`stock sync ${runs.second} \\(dealership ${harbour}, manual\\) finished: success — fetched 6, created 0, updated 1, removed 0, failed 0 in \\d+ ms`).test(l))).toHaveLength(1);
  });

  it('filters by dealership, type, status, trigger and date, and names a bad filter', async () => {
    const ids = async (query: string) => (await get(`/easycars/history?${query}`, superAdmin)).body.data.map((r: { id: number }) => r.id);
    expect(await ids(`dealership=${harbour}`)).toEqual([runs.second, runs.first]);
    expect(await ids('type=leads')).toEqual([]);
    expect(await ids('status=success&trigger=manual&type=stock')).toHaveLength(3);
    expect(await ids('trigger=schedule')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`from=${today}&to=${today}`)).toHaveLength(3);
    expect(await ids('to=2020-01-01')).toEqual([]);
    const bad = await get('/easycars/history?status=done&from=yesterday', superAdmin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('status: status must be one of queued, running, success');
    expect(bad.body.error.message).toContain('from: from must be a date (YYYY-MM-DD) or an ISO date-time');
  });

  it('finds the runs that touched a stock number or a VIN, only in the caller’s dealerships', async () => {
    const stockNumber = String(runs.stockNumber);
    const bySn = await get(`/easycars/history?q=${stockNumber}`, superAdmin);
    expect(bySn.body.data.map((r: { id: number }) => r.id)).toEqual([runs.second, runs.first]);
    const vin = String(w.sandbox.control.listStock('EC208841')[2]!.VIN);
    const byVin = await get(`/easycars/history?q=${encodeURIComponent(vin.toLowerCase())}`, superAdmin);
    expect(byVin.body.data.map((r: { id: number }) => r.id)).toEqual([runs.north]);
    // The manager of Harbour Motors never finds North Shore's runs, not even by searching for them.
    const scoped = await get(`/easycars/history?q=${encodeURIComponent(vin)}`, manager);
    expect(scoped.status).toBe(200);
    expect(scoped.body.data).toEqual([]);
    const mine = await get('/easycars/history', manager);
    expect(mine.body.data.map((r: { id: number }) => r.id)).toEqual([runs.second, runs.first]);
    expect((await get(`/easycars/history?dealership=${north}`, manager)).status).toBe(404);
    expect((await get('/easycars/history?q=no-such-thing', superAdmin)).body).toMatchObject({ data: [], meta: { pagination: { total: 0 } } });
  });

  it('keeps every touched record with the fields that changed, before and after', async () => {
    const res = await get(`/easycars/sync-logs/${runs.second}/items`, manager);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ ref: String(runs.stockNumber), outcome: 'updated', changes: { Price: { before: expect.anything(), after: 19990 } } }),
    ]);
    expect(Number(res.body.data[0].changes.Price.before)).not.toBe(19990);
    const [vehicle] = await w.app.strapi.documents('api::vehicle.vehicle' as any).findMany({ filters: { stockNumber: String(runs.stockNumber), dealership: { documentId: harbour } } } as any);
    expect(res.body.data[0].entryUrl).toBe(`/content-manager/collection-types/api::vehicle.vehicle/${(vehicle as any).documentId}`);
    const first = await get(`/easycars/sync-logs/${runs.first}/items?pageSize=4`, manager);
    expect(first.body.meta.pagination).toMatchObject({ total: 6, pageCount: 2 });
    expect(first.body.data[0]).toMatchObject({ outcome: 'created', vin: expect.any(String), changes: null });
    expect((await get(`/easycars/sync-logs/${runs.north}/items`, manager)).status).toBe(404);
  });

  it('finds a lead sync by the customer’s email address', async () => {
    const lead = await w.app.strapi.documents('api::lead.lead' as any).create({
      data: { customerName: 'Zoe Park', customerEmail: 'zoe.park@example.com', vehicleMake: 'Ford', vehicleModel: 'Ranger', vehicleYear: 2022, vehicleType: 'car', isVehicleNew: false, interest: 'buy', dealership: { connect: [{ documentId: harbour }] } } as any,
    } as any);
    await waitFor(async () => {
      const rec = await w.app.strapi.db.query('plugin::easycars.lead-record' as any).findOne({ where: { leadDocumentId: lead.documentId } });
      return rec?.LeadNumber ? rec : null;
    });
    const trigger = await w.app.http().post('/easycars/sync/leads').set('Authorization', `Bearer ${superAdmin.token}`).send({ dealership: harbour });
    expect(trigger.status).toBe(202);
    const id = trigger.body.data.syncLogId;
    await waitFor(async () => (['success', 'warning'].includes((await plugin().service('syncLogs').get(id)).status) ? true : null));
    const found = await get('/easycars/history?q=ZOE.PARK@example.com', manager);
    expect(found.body.data.map((r: { id: number }) => r.id)).toEqual([id]);
    expect(found.body.data[0]).toMatchObject({ type: 'leads', direction: 'both' });
    runs.leads = id;
  });

  it('exports the current filter as CSV and JSON, streamed, scoped like the list', async () => {
    const csv = await get(`/easycars/history/export?format=csv&dealership=${harbour}&type=stock`, manager);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="easycars-sync-history-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('id,createdAt,dealershipName,dealership,type,direction,trigger,triggeredByName,status,processed,fetched,created,updated,removed,failed,durationMs,errorMessage');
    expect(lines.slice(1).map((l: string) => Number(l.split(',')[0]))).toEqual([runs.second, runs.first]);

    const json = await get('/easycars/history/export?format=json', manager);
    expect(json.headers['content-type']).toContain('application/json');
    const rows = JSON.parse(json.text);
    expect(rows.map((r: { id: number }) => r.id)).toEqual([runs.leads, runs.second, runs.first]);
    expect(rows.every((r: { dealership: string }) => r.dealership === harbour)).toBe(true);
    expect(JSON.parse((await get('/easycars/history/export?format=json&q=nothing-matches', superAdmin)).text)).toEqual([]);
    expect((await get('/easycars/history/export?format=xml', superAdmin)).status).toBe(400);
  });

  it('retention deletes old runs together with their items', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    await w.app.strapi.db.query('plugin::easycars.sync-log' as any).update({ where: { id: runs.first }, data: { createdAt: old } });
    const removed = await plugin().service('syncLogs').deleteOlderThan(90);
    expect(removed.count).toBe(1);
    expect(await plugin().service('syncLogs').get(runs.first)).toBeNull();
    expect(await w.app.strapi.db.query('plugin::easycars.sync-item' as any).count({ where: { syncLogId: runs.first } })).toBe(0);
    expect(await w.app.strapi.db.query('plugin::easycars.sync-item' as any).count({ where: { syncLogId: runs.second } })).toBe(1);
  });

  it('keeps runs as long as a Super Admin set, archiving them to the media library first when asked', async () => {
    const put = (body: unknown, as: TestAdmin) => w.app.http().put('/easycars/history/retention').set('Authorization', `Bearer ${as.token}`).send(body as object);
    expect((await get('/easycars/history/retention', superAdmin)).body.data).toEqual({ days: 90, mode: 'delete', canEdit: true });
    expect((await get('/easycars/history/retention', manager)).body.data).toMatchObject({ days: 90, canEdit: false });
    expect((await put({ days: 1, mode: 'delete' }, manager)).status).toBe(403);
    const bad = await put({ days: 0, mode: 'keep' }, superAdmin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('days: days must be at least 1; mode: mode must be delete or archive');
    const saved = await put({ days: 30, mode: 'archive' }, superAdmin);
    expect(saved.body.data).toEqual({ days: 30, mode: 'archive', canEdit: true });

    await w.app.strapi.db.query('plugin::easycars.sync-log' as any).update({ where: { id: runs.second }, data: { createdAt: new Date(Date.now() - 40 * 86_400_000) } });
    const result = await applyRetention(w.app.strapi as any);
    expect(result.removed).toBe(1);
    expect(result.archive!.name).toMatch(/^easycars-sync-history-before-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.ndjson\.gz$/);
    expect(await plugin().service('syncLogs').get(runs.second)).toBeNull();
    expect(await w.app.strapi.db.query('plugin::easycars.sync-item' as any).count({ where: { syncLogId: runs.second } })).toBe(0);

    const file = await w.app.strapi.db.query('plugin::upload.file' as any).findOne({ where: { id: result.archive!.fileId }, populate: ['folder'] });
    expect(file).toMatchObject({ name: result.archive!.name, mime: 'application/gzip', folder: { name: 'Sync history archives' } });
    const lines = gunzipSync(fs.readFileSync(path.join(w.app.strapi.dirs.static.public, file.url))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ id: runs.second, status: 'success', touched: [expect.objectContaining({ ref: String(runs.stockNumber), outcome: 'updated' })] });
    expect(lines[0]).not.toHaveProperty('activeKey');
    await put({ days: 90, mode: 'delete' }, superAdmin);
  });

  it('keeps the class of the error that stopped a run for every admin, and its stack for Super Admins only', async () => {
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'malformed-json', times: 5 });
    const failed = await w.sync(harbour);
    w.sandbox.control.clearFaults();
    expect(failed.status).toBe('failed');
    const asSuper = (await get(`/easycars/sync-logs/${failed.id}`, superAdmin)).body.data;
    expect(asSuper.errorClass).toBe('EasyCarsProtocolError');
    expect(asSuper.errorStack).toMatch(/EasyCarsProtocolError[\s\S]*\n\s+at /);
    const asManager = (await get(`/easycars/sync-logs/${failed.id}`, manager)).body.data;
    expect(asManager.errorClass).toBe('EasyCarsProtocolError');
    expect(asManager).not.toHaveProperty('errorStack');
  });
});
