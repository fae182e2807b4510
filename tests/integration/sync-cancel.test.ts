/**
 * Deleting a dealership's credentials (or the dealership) stops its syncs (issue 11): a running
 * sync stops at its next step and writes nothing more, a queued one never starts, the log says
 * "cancelled" and why; a deleted dealership's credential is removed, and the scheduler removes
 * an orphan left from before instead of queuing it forever.
 */
import { startStockWorld, type StockWorld } from '../helpers/stock-sync';
import { waitFor } from '../helpers/fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`cancelling a dealership's syncs (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let token: string;
  const plugin = () => w.app.strapi.plugin('easycars');
  const auth = (req: any) => req.set('Authorization', `Bearer ${token}`);
  const log = (id: number) => plugin().service('syncLogs').get(id);
  const credentialOf = (dealership: string) => plugin().service('credentials').findByDealership(dealership);
  const startSync = async (dealership: string) => {
    const res = await auth(w.app.http().post('/easycars/sync/stock')).send({ dealership });
    expect(res.status).toBe(202);
    return res.body.data.syncLogId as number;
  };
  const stockCalls = (account: string) =>
    w.sandbox.control.requestLog().filter((e) => e.endpoint === 'GetAdvertisementStocks' && e.accountNumber === account);

  beforeAll(async () => {
    w = await startStockWorld({
      stockCount: { EC114575: 20, EC208841: 8 },
      // One sync at a time, so a second one stays queued behind a slow first one.
      env: { EASYCARS_IMAGES_ENABLED: 'false', EASYCARS_SYNC_CONCURRENCY: '1' },
    });
    token = (await w.app.superAdmin()).token;
  });
  afterAll(async () => {
    await w?.close();
  });
  beforeEach(() => {
    w.sandbox.control.clearFaults();
    w.sandbox.control.clearRequestLog();
  });

  it('deleting the credentials stops a running stock sync: the log says cancelled, and nothing is written after', async () => {
    const harbour = await w.dealership('Harbour Motors', 'EC114575');
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', hangMs: 2500 });
    const id = await startSync(harbour);
    await waitFor(async () => ((await log(id))?.status === 'running' && stockCalls('EC114575').length > 0 ? true : null), 15000);

    const credential = await credentialOf(harbour);
    const deleted = await auth(w.app.http().delete(`/easycars/credentials/${credential.id}`));
    expect(deleted.status).toBe(200);
    expect(await log(id)).toMatchObject({ status: 'cancelled', errorMessage: 'Cancelled while running: the EasyCars credentials were deleted', activeKey: null });

    // The stock list arrives after the cancel; the run stops before saving any of it.
    await waitFor(async () => (w.app.logs().some((l) => l.includes(`stock sync ${id} (dealership ${harbour}) stopped: it was cancelled`)) ? true : null), 15000);
    await sleep(300);
    expect(await w.vehiclesOf(harbour, 'draft')).toHaveLength(0);
    expect(await log(id)).toMatchObject({ status: 'cancelled', created: 0 });
    expect((await log(id)).completedAt).toBeTruthy();
    const audit = await plugin().service('audit').list({ dealership: harbour, limit: 10 });
    expect(audit.find((e: any) => e.action === 'credentials.delete')?.message).toBe(
      'EasyCars credentials deleted; synchronization stopped (1 queued or running sync(s) cancelled)',
    );
  });

  it('a queued sync of a dealership whose credentials are deleted never starts', async () => {
    const busy = await w.dealership('Busy Cars', 'EC114575');
    const north = await w.dealership('North Shore Autos', 'EC208841');
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', hangMs: 2500 });
    const first = await startSync(busy);
    await waitFor(async () => ((await log(first))?.status === 'running' ? true : null), 15000);
    const queued = await startSync(north);
    expect((await log(queued)).status).toBe('queued');

    const credential = await credentialOf(north);
    expect((await auth(w.app.http().delete(`/easycars/credentials/${credential.id}`))).status).toBe(200);
    expect(await log(queued)).toMatchObject({ status: 'cancelled', errorMessage: 'Cancelled before it started: the EasyCars credentials were deleted' });

    await waitFor(async () => (['success', 'warning'].includes((await log(first)).status) ? true : null), 30000);
    await sleep(2500); // time for the queue to hand the cancelled job to the now idle worker
    expect((await log(queued)).status).toBe('cancelled');
    expect(stockCalls('EC208841')).toHaveLength(0);
    expect(await w.vehiclesOf(north, 'draft')).toHaveLength(0);
    expect(w.app.logs().some((l) => l.includes(`stock sync ${queued} (dealership ${north}) was cancelled before it started`))).toBe(true);
  });

  it('deleting a dealership removes its credentials and cancels its syncs', async () => {
    const gone = await w.dealership('Closing Down Motors', 'EC208841');
    const credential = await credentialOf(gone);
    const res = await auth(w.app.http().delete(`/content-manager/collection-types/api::dealership.dealership/${gone}`));
    expect(res.status).toBe(200);
    expect(await credentialOf(gone)).toBeNull();
    const audit = await plugin().service('audit').list({ dealership: gone, limit: 10 });
    expect(audit.find((e: any) => e.action === 'credentials.delete')).toMatchObject({
      entityId: String(credential.id),
      result: 'success',
      message: 'EasyCars credentials removed because the dealership was deleted',
      actorName: expect.any(String),
    });
  });

  it('the scheduler removes an orphan credential (its dealership no longer exists) instead of queuing it', async () => {
    const orphan = await plugin()
      .service('credentials')
      .create(
        { dealership: 'no-such-dealership', environment: 'test', isActive: true, stockSchedule: 'hourly', leadSchedule: 'hourly' },
        { clientId: 'AA20EE61-5CFA-458D-9AFB-C4E929EA18E6', clientSecret: '7326AF23-714A-41A5-A74F-EC77B4E4F2F2', accountNumber: 'EC114575', accountSecret: '3F1C2A9E-6B7D-4E21-9C8A-5D4E3F2A1B0C' },
      );
    const inTwoHours = new Date(Date.now() + 2 * 3600_000);
    const queued = await plugin().service('scheduler').tick(inTwoHours);
    expect(queued.filter((q: { dealership: string }) => q.dealership === 'no-such-dealership')).toEqual([]);
    expect(await plugin().service('credentials').findById(orphan.id)).toBeNull();
    expect(w.app.logs().some((l) => l.includes(`credential ${orphan.id} belongs to dealership no-such-dealership, which no longer exists: removed`))).toBe(true);
    const logs = await w.app.strapi.db.query('plugin::easycars.sync-log' as any).findMany({ where: { dealership: 'no-such-dealership' } });
    expect(logs).toEqual([]);
  });
});
