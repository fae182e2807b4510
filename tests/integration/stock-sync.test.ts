/**
 * Stock sync end to end on the real Strapi and the EasyCars sandbox (no images: see
 * stock-images.test.ts). Runs on SQLite and PostgreSQL (DB_TEST_CLIENT).
 */
import { RECORD, VEHICLE, startStockWorld, type StockWorld } from '../helpers/stock-sync';

const ACCOUNT = 'EC114575';

describe(`stock sync (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let harbour: string;

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 40, EC208841: 12 }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
    harbour = await w.dealership('Harbour Motors', 'EC114575');
  });
  afterAll(async () => {
    await w?.close();
  });

  const published = async (d: string) => w.vehiclesOf(d, 'published');
  const drafts = async (d: string) => w.vehiclesOf(d, 'draft');

  it('first sync creates exactly the feed: one draft + one published vehicle per item, and a stock record each', async () => {
    const feed = w.sandbox.control.listStock(ACCOUNT);
    const log = await w.sync(harbour);
    expect(log.status).toBe('success');
    expect(log).toMatchObject({ fetched: feed.length, created: feed.length, updated: 0, unchanged: 0, removed: 0, failed: 0 });
    expect(log.apiCalls).toBeGreaterThanOrEqual(2);
    // The row-for-row comparison below is about the bulk create: make sure it was used.
    expect(log.requestSummary.vehicleCreation).toEqual({ path: 'bulk' });

    const pubs = await published(harbour);
    const drs = await drafts(harbour);
    expect(pubs).toHaveLength(feed.length);
    expect(drs).toHaveLength(feed.length);
    expect(new Set(pubs.map((v: any) => v.stockNumber))).toEqual(new Set(feed.map((i) => i.StockNumber)));

    const sample = feed.find((i) => i.Price !== null && i.StockType === 'A')!;
    const v = pubs.find((x: any) => x.stockNumber === sample.StockNumber);
    expect(v.title).toContain(`${sample.YearGroup} ${sample.Make} ${sample.Model}`);
    expect(Number(v.price)).toBe(sample.Price);
    expect(v.vehicleType).toBe('car');
    expect(v.odometerUnit).toBe(sample.IsMiles ? 'miles' : 'km');
    const noPrice = feed.find((i) => i.Price === null);
    if (noPrice) expect(pubs.find((x: any) => x.stockNumber === noPrice.StockNumber).price).toBeNull();

    const records = await w.app.strapi.db.query(RECORD as any).findMany({ where: { dealership: harbour } });
    expect(records).toHaveLength(feed.length);
    const rec = records.find((r: any) => r.StockNumber === sample.StockNumber);
    expect(rec.vehicleDocumentId).toBe(v.documentId);
    expect(rec.Make).toBe(sample.Make);
    expect(rec.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a vehicle made by the sync is row-for-row what the content manager makes from the same data', async () => {
    const knex = w.app.strapi.db.connection;
    // A sold vehicle: a non-default saleStatus must survive the content-manager round trip too.
    const synced = (await published(harbour)).find((v: any) => v.saleStatus === 'sold');
    const draftRow = await knex('vehicles').where({ document_id: synced.documentId }).whereNull('published_at').first();
    // The same field values, created through the content manager's publish-on-create route.
    const data: Record<string, unknown> = {};
    for (const [attr, def] of Object.entries(w.app.strapi.contentType(VEHICLE as any).attributes) as Array<[string, any]>) {
      if (['relation', 'media'].includes(def.type) || ['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(attr)) continue;
      data[attr] = synced[attr];
    }
    const admin = await w.app.superAdmin();
    const res = await w.app
      .http()
      .post(`/content-manager/collection-types/${VEHICLE}/actions/publish`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ ...data, dealership: { connect: [{ documentId: harbour }] } });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    const manual = res.body.data.documentId;
    try {
      const versions = async (documentId: string) => knex('vehicles').where({ document_id: documentId }).orderBy('id');
      const ignore = new Set(['id', 'document_id', 'created_at', 'updated_at', 'published_at', 'created_by_id', 'updated_by_id']);
      const comparable = (row: any) => Object.fromEntries(Object.entries(row).filter(([k]) => !ignore.has(k)).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
      const shape = (rows: any[]) =>
        rows.map((r) => ({
          published: r.published_at !== null,
          createdEqualsDraft: String(r.created_at) === String(rows[0].created_at),
          updatedEqualsCreated: String(r.updated_at) === String(r.created_at),
        }));
      const [ours, theirs] = [await versions(synced.documentId), await versions(manual)];
      expect(ours).toHaveLength(2);
      expect(shape(ours)).toEqual(shape(theirs));
      expect(ours.map(comparable)).toEqual(theirs.map(comparable));
      expect(ours[0].id).toBe(draftRow.id);
      expect(synced.documentId).toMatch(/^[a-z0-9]{24}$/);
      const links = async (rows: any[]) =>
        knex('vehicles_dealership_lnk').whereIn('vehicle_id', rows.map((r) => r.id)).orderBy('vehicle_id');
      const [ourLinks, theirLinks] = [await links(ours), await links(theirs)];
      expect(ourLinks.map((l: any) => l.dealership_id)).toEqual(theirLinks.map((l: any) => l.dealership_id));
      expect(ourLinks.every((l: any) => Number(l.vehicle_ord) > 0)).toBe(true);
      const place = (l: any[]) => l.map((x: any) => Number(x.vehicle_ord) - Number(l[0].vehicle_ord));
      expect(place(ourLinks)).toEqual(place(theirLinks));
      const viaApi = await w.app.strapi.documents(VEHICLE as any).findOne({ documentId: synced.documentId, status: 'published', populate: ['dealership'] } as any);
      expect((viaApi as any).dealership.documentId).toBe(harbour);
    } finally {
      await w.app.strapi.documents(VEHICLE as any).delete({ documentId: manual });
    }
  });

  it('a second run writes nothing to vehicles or stock-record fields', async () => {
    const before = await drafts(harbour);
    const { result: log, byTable } = await w.countWrites(() => w.sync(harbour));
    expect(log.status).toBe('success');
    expect(log).toMatchObject({ created: 0, updated: 0, removed: 0, restored: 0, failed: 0, unchanged: before.length });
    const after = await drafts(harbour);
    expect(after.map((v: any) => v.updatedAt)).toEqual(before.map((v: any) => v.updatedAt));
    // Only the sync log itself and one batched lastSeenAt update on the stock records (and, on PostgreSQL,
    // the places the EasyCars calls held in the shared request budget).
    expect(Object.keys(byTable).filter((t) => !['easycars_sync_logs', 'easycars_stock_records', 'easycars_locks'].includes(t))).toEqual([]);
    expect(byTable.easycars_stock_records).toBe(1);
  });

  it('a change in the feed updates exactly that vehicle', async () => {
    const [first, second] = w.sandbox.control.listStock(ACCOUNT);
    w.sandbox.control.updateStock(ACCOUNT, first!.StockNumber, { Price: 12345, StockStatus: 'Sold' });
    w.sandbox.control.updateStock(ACCOUNT, second!.StockNumber, { Colour: 'Electric Blue' });
    const { result: log, byTable } = await w.countWrites(() => w.sync(harbour));
    expect(log).toMatchObject({ updated: 2, created: 0, failed: 0 });
    const v = (await published(harbour)).find((x: any) => x.stockNumber === first!.StockNumber);
    expect(Number(v.price)).toBe(12345);
    expect(v.saleStatus).toBe('sold');
    expect(byTable.vehicles).toBeGreaterThan(0);
  });

  it('fields the map does not own are never touched; owned ones get EasyCars\' value back', async () => {
    const strapi = w.app.strapi;
    const [item] = w.sandbox.control.listStock(ACCOUNT);
    const v = (await published(harbour)).find((x: any) => x.stockNumber === item!.StockNumber);
    await strapi.documents(VEHICLE as any).update({ documentId: v.documentId, data: { description: 'Written by an editor', price: 1 } as any, status: 'published' } as any);
    const original = strapi.config.get('plugin::easycars.vehicleFieldMap');
    strapi.config.set('plugin::easycars.vehicleFieldMap', { description: false });
    try {
      w.sandbox.control.updateStock(ACCOUNT, item!.StockNumber, { Price: 22222, AdvDescription: 'From EasyCars' });
      const log = await w.sync(harbour);
      expect(log.failed).toBe(0);
      const after = (await published(harbour)).find((x: any) => x.stockNumber === item!.StockNumber);
      expect(Number(after.price)).toBe(22222);
      expect(after.description).toBe('Written by an editor');
    } finally {
      strapi.config.set('plugin::easycars.vehicleFieldMap', original);
    }
    // Back on the default map every vehicle is re-mapped once, then nothing changes again.
    expect((await w.sync(harbour)).updated).toBeGreaterThan(0);
    expect((await w.sync(harbour)).updated).toBe(0);
  });

  it('stock that leaves the feed is unpublished (not deleted) and republished when it comes back', async () => {
    const feed = w.sandbox.control.listStock(ACCOUNT);
    const gone = feed[5]!;
    w.sandbox.control.removeStock(ACCOUNT, gone.StockNumber);
    const log = await w.sync(harbour);
    expect(log).toMatchObject({ removed: 1, failed: 0 });
    expect((await published(harbour)).some((v: any) => v.stockNumber === gone.StockNumber)).toBe(false);
    expect((await drafts(harbour)).some((v: any) => v.stockNumber === gone.StockNumber)).toBe(true);
    const rec = await w.app.strapi.db.query(RECORD as any).findOne({ where: { dealership: harbour, StockNumber: gone.StockNumber } });
    expect(rec.removedAt).not.toBeNull();

    w.sandbox.control.addStock(ACCOUNT, { ...gone });
    const back = await w.sync(harbour);
    expect(back).toMatchObject({ restored: 1, created: 0, removed: 0 });
    expect((await published(harbour)).some((v: any) => v.stockNumber === gone.StockNumber)).toBe(true);
    const rec2 = await w.app.strapi.db.query(RECORD as any).findOne({ where: { dealership: harbour, StockNumber: gone.StockNumber } });
    expect(rec2.removedAt).toBeNull();
    expect(rec2.vehicleDocumentId).toBe(rec.vehicleDocumentId);
  });

  it('a suspicious feed removes nothing and ends as a warning that says why', async () => {
    const count = w.sandbox.control.listStock(ACCOUNT).length;
    w.sandbox.control.setStockCount(ACCOUNT, 0);
    const empty = await w.sync(harbour);
    expect(empty.status).toBe('warning');
    expect(empty.removed).toBe(0);
    expect(empty.errorMessage).toMatch(/empty stock list.*account secret/i);

    w.sandbox.control.setStockCount(ACCOUNT, Math.floor(count / 4));
    const mostlyGone = await w.sync(harbour);
    expect(mostlyGone.status).toBe('warning');
    expect(mostlyGone.removed).toBe(0);
    expect(mostlyGone.errorMessage).toMatch(/missing from the EasyCars feed/);
    expect((await published(harbour)).length).toBeGreaterThanOrEqual(count - 1);
    w.sandbox.control.setStockCount(ACCOUNT, count);
  });

  it('"StockList": null is read as an empty feed: no protocol failure, the removal guard still removes nothing', async () => {
    const count = (await published(harbour)).length;
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'null-stock-list', times: 1 });
    const run = await w.sync(harbour);
    expect(run.status).toBe('warning');
    expect(run.removed).toBe(0);
    expect(run.errorMessage).toMatch(/empty stock list.*account secret/i);
    expect((await published(harbour)).length).toBe(count);
  });

  it('a bad item is recorded with its StockNumber and the rest go on (partial)', async () => {
    const list = w.sandbox.control.listStock(ACCOUNT);
    const bad = list[3]!;
    // Make one vehicle's write fail inside Strapi (a Document Service middleware; the last test
    // of this file, as a middleware cannot be removed).
    const strapi = w.app.strapi;
    strapi.documents.use(async (ctx: any, next: any) => {
      if (ctx.uid === VEHICLE && ctx.action === 'update' && ctx.params?.data?.stockNumber === bad.StockNumber) {
        throw new Error('simulated storage failure');
      }
      return next();
    });
    w.sandbox.control.updateStock(ACCOUNT, bad.StockNumber, { Price: 99999 });
    w.sandbox.control.updateStock(ACCOUNT, list[4]!.StockNumber, { Price: 88888 });
    const log = await w.sync(harbour);
    expect(log.status).toBe('partial');
    expect(log.failed).toBe(1);
    expect(log.itemErrors).toEqual([expect.objectContaining({ ref: bad.StockNumber, message: expect.stringContaining('simulated storage failure') })]);
    const ok = (await published(harbour)).find((v: any) => v.stockNumber === list[4]!.StockNumber);
    expect(Number(ok.price)).toBe(88888);
  });
});
