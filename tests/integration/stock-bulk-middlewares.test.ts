/**
 * The stock sync's bulk create writes below the Document Service, so it must not be used while
 * a Document Service middleware it cannot vouch for is registered (a search indexer, say): then
 * every new vehicle goes through the Document Service and the middleware sees it.
 * Runs on SQLite and PostgreSQL (DB_TEST_CLIENT).
 */
import { VEHICLE, startStockWorld, type StockWorld } from '../helpers/stock-sync';

describe(`stock sync and other Document Service middlewares (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 15, EC208841: 12 }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('with only Strapi\'s and the plugin\'s own middlewares, new vehicles are bulk-created', async () => {
    const harbour = await w.dealership('Harbour Motors', 'EC114575');
    const { result: log, byTable } = await w.countWrites(() => w.sync(harbour));
    expect(log).toMatchObject({ status: 'success', created: 15 });
    expect(log.requestSummary.vehicleCreation).toEqual({ path: 'bulk' });
    // One multi-row insert per batch, not two per vehicle.
    expect(byTable.vehicles).toBeLessThan(15);
  });

  it('a middleware registered by other code sees every vehicle the sync creates, and the log says why', async () => {
    const seen: string[] = [];
    const info = jest.spyOn(w.app.strapi.log, 'info');
    w.app.strapi.documents.use(async function searchIndexer(ctx: any, next: any) {
      const result = await next();
      if (ctx.uid === VEHICLE && ctx.action === 'create') seen.push(result.documentId);
      return result;
    });
    const bayside = await w.dealership('Bayside Cars', 'EC208841');
    const log = await w.sync(bayside);
    expect(log).toMatchObject({ status: 'success', created: 12, failed: 0 });

    const created = (await w.vehiclesOf(bayside)).map((v: any) => v.documentId).sort();
    expect(created).toHaveLength(12);
    expect([...seen].sort()).toEqual(created);

    const why = /Document Service middleware\(s\) registered by other code would be skipped: searchIndexer \(registered at tests\/integration\/stock-bulk-middlewares\.test\.ts:\d+:\d+\)/;
    expect(log.requestSummary.vehicleCreation).toEqual({ path: 'document-service', reason: expect.stringMatching(why) });
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/new vehicles go through the Document Service, not the bulk create: .*searchIndexer/));
    info.mockRestore();
  });
});
