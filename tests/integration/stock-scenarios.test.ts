/**
 * Stock sync across dealerships, yards, manual vehicles and a misbehaving EasyCars
 * (500 bursts, expired tokens, a hang), through the real job queue and admin API.
 */
import { RECORD, VEHICLE, startStockWorld, type StockWorld } from '../helpers/stock-sync';
import { waitFor } from '../helpers/fixtures';

describe(`stock sync scenarios (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;

  beforeAll(async () => {
    w = await startStockWorld({
      stockCount: { EC114575: 30, EC208841: 20 },
      env: { EASYCARS_IMAGES_ENABLED: 'false', EASYCARS_TIMEOUT_MS: '1500', EASYCARS_STOCK_LIST_TIMEOUT_MS: '1500', EASYCARS_MAX_RETRIES: '3' },
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('two dealerships with clashing VINs and StockNumbers never touch each other', async () => {
    const a = await w.dealership('Alpha Cars', 'EC114575');
    const b = await w.dealership('Beta Cars', 'EC208841');
    const listA = w.sandbox.control.listStock('EC114575');
    // Give B an item with A's StockNumber and VIN.
    w.sandbox.control.addStock('EC208841', { StockNumber: listA[0]!.StockNumber, VIN: listA[0]!.VIN, Make: 'Clash' });
    const logA = await w.sync(a);
    const logB = await w.sync(b);
    expect(logA.created).toBe(listA.length);
    expect(logB.created).toBe(w.sandbox.control.listStock('EC208841').length);
    const inA = (await w.vehiclesOf(a)).find((v: any) => v.stockNumber === listA[0]!.StockNumber);
    const inB = (await w.vehiclesOf(b)).find((v: any) => v.stockNumber === listA[0]!.StockNumber);
    expect(inA.documentId).not.toBe(inB.documentId);
    expect(inA.make).toBe(listA[0]!.Make);
    expect(inB.make).toBe('Clash');
    // Re-syncing B changes nothing in A.
    const beforeA = (await w.vehiclesOf(a, 'draft')).map((v: any) => v.updatedAt);
    w.sandbox.control.updateStock('EC208841', listA[0]!.StockNumber, { Price: 1 });
    expect((await w.sync(b)).updated).toBe(1);
    expect((await w.vehiclesOf(a, 'draft')).map((v: any) => v.updatedAt)).toEqual(beforeA);
  });

  it('links a manually entered vehicle by VIN (logged as such) instead of duplicating it', async () => {
    const d = await w.dealership('Gamma Cars', 'EC114575');
    const item = w.sandbox.control.listStock('EC114575').find((i) => i.VIN)!;
    const manual = await w.app.strapi.documents(VEHICLE as any).create({
      data: { title: 'Typed by hand', stockNumber: 'HAND-1', vin: item.VIN, dealership: d } as any,
    });
    const log = await w.sync(d);
    expect(log.created).toBe(w.sandbox.control.listStock('EC114575').length - 1);
    expect(log.updated).toBe(1);
    expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: item.StockNumber, outcome: 'linked', message: expect.stringMatching(/VIN/) })]));
    const linked = await w.app.strapi.documents(VEHICLE as any).findOne({ documentId: manual.documentId, status: 'published' } as any);
    expect(linked).toMatchObject({ stockNumber: item.StockNumber, title: expect.stringContaining(String(item.Make)) });
  });

  it('a yard filter syncs only that yard, and removes the other yard\'s vehicles', async () => {
    const d = await w.dealership('Delta Cars', 'EC114575');
    const all = w.sandbox.control.listStock('EC114575');
    expect((await w.sync(d)).created).toBe(all.length);
    const credentials = w.app.strapi.plugin('easycars').service('credentials');
    const row = await credentials.findByDealership(d);
    await credentials.update(row.id, { yardCode: 'MAIN' });
    w.app.strapi.config.set('plugin::easycars.sync.maxMissingShare', 0.9);
    try {
      const log = await w.sync(d);
      const west = all.filter((i) => i.YardCode !== 'MAIN');
      expect(log.fetched).toBe(all.length - west.length);
      expect(log.removed).toBe(west.length);
      const shown = await w.vehiclesOf(d);
      expect(shown.every((v: any) => v.yard === 'Main Yard')).toBe(true);
      const request = w.sandbox.control.requestLog().filter((e) => e.endpoint === 'GetAdvertisementStocks').at(-1)!;
      expect((request.body as any).YardCode).toBe('MAIN');
    } finally {
      w.app.strapi.config.set('plugin::easycars.sync.maxMissingShare', 0.5);
    }
  });

  it('survives a burst of 500s, an expired token and a hang mid-sync', async () => {
    const d = await w.dealership('Epsilon Cars', 'EC208841');
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http500-html', times: 2 });
    let log = await w.sync(d);
    expect(log.status).toBe('success');
    expect(log.apiCalls).toBeGreaterThanOrEqual(3);

    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'expired-token', times: 1 });
    log = await w.sync(d);
    expect(log.status).toBe('success');

    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', times: 1, hangMs: 5000 });
    log = await w.sync(d);
    expect(log.status).toBe('success');
    expect(log.unchanged).toBe(w.sandbox.control.listStock('EC208841').length);
  });

  it('survives the connection dropped after the request was sent, before and in the middle of the StockList', async () => {
    const d = await w.dealership('Theta Cars', 'EC208841');
    const feed = w.sandbox.control.listStock('EC208841').length;
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'store-then-drop', times: 1 });
    let log = await w.sync(d);
    expect([log.status, log.created, log.failed]).toEqual(['success', feed, 0]);
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'drop-mid-body', times: 1 });
    log = await w.sync(d);
    // Retried as a whole: no item of the dropped half-answer is used, none is doubled.
    expect([log.status, log.unchanged, log.created, log.removed]).toEqual(['success', feed, 0, 0]);
    expect((await w.vehiclesOf(d)).length).toBe(feed);
    // Every attempt dropped: the run fails with a network message and changes nothing.
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'drop-mid-body', times: 10 });
    log = await w.sync(d);
    expect(log.status).toBe('failed');
    expect((await w.vehiclesOf(d)).length).toBe(feed);
    w.sandbox.control.clearFaults();
  });

  it('a wrong account pair answered with Code 1 is blamed on the account pair, not on the token', async () => {
    const d = await w.dealership('Eta Cars', 'EC208841');
    const credentials = w.app.strapi.plugin('easycars').service('credentials');
    const row = await credentials.findByDealership(d);
    const wrongSecret = '00000000-1111-4222-8333-444444444444';
    await credentials.update(row.id, {}, { accountSecret: wrongSecret });
    w.sandbox.control.setAccountRefusalCode(1);
    try {
      const log = await w.sync(d);
      expect(log.status).toBe('failed');
      const text = JSON.stringify(log);
      expect(text).toMatch(/refused the account number \/ account secret/);
      expect(text).toMatch(/Check the AccountNumber and AccountSecret/);
      expect(text).not.toContain(wrongSecret);
    } finally {
      w.sandbox.control.setAccountRefusalCode(7);
    }
  });

  it('a sync that cannot reach EasyCars fails with a clear message and changes nothing', async () => {
    const d = await w.dealership('Zeta Cars', 'EC208841');
    await w.sync(d);
    const before = (await w.vehiclesOf(d, 'draft')).map((v: any) => v.updatedAt);
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code1', times: 10 });
    const log = await w.sync(d);
    w.sandbox.control.clearFaults();
    expect(log.status).toBe('failed');
    expect(log.errorMessage).toMatch(/Stock sync failed/);
    expect(JSON.stringify(log)).not.toContain('9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D');
    expect((await w.vehiclesOf(d, 'draft')).map((v: any) => v.updatedAt)).toEqual(before);
  });

  it('runs through the job queue from the admin API; the content-manager routes report the link', async () => {
    const admin = await w.app.superAdmin();
    const d = await w.dealership('Eta Cars', 'EC208841');
    const auth = { Authorization: `Bearer ${admin.token}` };
    const res = await w.app.http().post('/easycars/sync/stock').set(auth).send({ dealership: d });
    expect(res.status).toBe(202);
    const id = res.body.data.syncLogId;
    const log = await waitFor(async () => {
      const r = await w.app.http().get(`/easycars/sync-logs/${id}`).set(auth);
      return ['success', 'warning', 'partial', 'failed'].includes(r.body.data?.status) ? r.body.data : null;
    });
    expect(log.status).toBe('success');
    expect(log.trigger).toBe('manual');

    const [vehicle] = await w.vehiclesOf(d);
    const link = await w.app.http().get(`/easycars/vehicles/${vehicle.documentId}/easycars`).set(auth);
    expect(link.status).toBe(200);
    expect(link.body.data).toMatchObject({ source: 'easycars', stockNumber: vehicle.stockNumber, inFeed: true, dealership: d });
    expect(link.body.data.ownedFields).toEqual(expect.arrayContaining(['price', 'title']));

    const manual = await w.app.strapi.documents(VEHICLE as any).create({ data: { title: 'Manual', dealership: d } as any });
    expect((await w.app.http().get(`/easycars/vehicles/${manual.documentId}/easycars`).set(auth)).status).toBe(404);
    const statuses = await w.app.http().post('/easycars/vehicles/status').set(auth).send({ documentIds: [vehicle.documentId, manual.documentId] });
    expect(statuses.status).toBe(200);
    expect(statuses.body.data[manual.documentId]).toBeNull();
    expect(statuses.body.data[vehicle.documentId]).toMatchObject({ stockNumber: vehicle.stockNumber });
    const bad = await w.app.http().post('/easycars/vehicles/status').set(auth).send({ documentIds: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/documentIds/);
  });

  it('hides links of other dealerships and refuses admins without an EasyCars permission', async () => {
    const d = await w.dealership('Theta Cars', 'EC208841');
    await w.sync(d);
    const [vehicle] = await w.vehiclesOf(d);
    const readerRole = await w.app.createRole('Stock reader', ['plugin::easycars.sync-logs.read']);
    const reader = await w.app.createAdmin({ roles: [readerRole] });
    const res = await w.app.http().get(`/easycars/vehicles/${vehicle.documentId}/easycars`).set('Authorization', `Bearer ${reader.token}`);
    expect(res.status).toBe(404); // not a manager of Theta Cars
    const nobodyRole = await w.app.createRole('Nobody', []);
    const nobody = await w.app.createAdmin({ roles: [nobodyRole] });
    const res2 = await w.app.http().post('/easycars/vehicles/status').set('Authorization', `Bearer ${nobody.token}`).send({ documentIds: [vehicle.documentId] });
    expect(res2.status).toBe(403);
    const records = await w.app.strapi.db.query(RECORD as any).count({ where: { dealership: d } });
    expect(records).toBeGreaterThan(0);
  });
});
