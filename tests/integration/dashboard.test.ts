/**
 * The integration dashboard (issue 12, story 4.1): every dealership in scope with its stock and lead
 * sync state in words (healthy, failing with the reason, stale, not connected), quick stats, and the
 * runs-per-day trend; a manager sees only their own dealerships.
 */
import { startStockWorld, type StockWorld } from '../helpers/stock-sync';
import type { TestAdmin } from '../helpers/strapi';

describe(`dashboard (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let superAdmin: TestAdmin;
  let manager: TestAdmin;
  let harbour: string;
  let north: string;
  let empty: string;
  const get = (url: string, as: TestAdmin) => w.app.http().get(url).set('Authorization', `Bearer ${as.token}`);
  const row = (body: any, documentId: string) => body.data.rows.find((r: any) => r.dealership.documentId === documentId);

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 5, EC208841: 3 }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
    superAdmin = await w.app.superAdmin();
    const role = await w.app.createRole('Dashboard reader', ['plugin::easycars.sync-logs.read']);
    manager = await w.app.createAdmin({ roles: [role] });
    harbour = await w.dealership('Harbour Motors', 'EC114575');
    north = await w.dealership('North Shore Autos', 'EC208841');
    empty = (await w.app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'Zeta Cars', timezone: 'Australia/Perth' } as any })).documentId;
    await w.app.strapi.documents('api::dealership.dealership' as any).update({ documentId: harbour, data: { managers: { connect: [{ id: manager.id }] } } } as any);
    await w.sync(harbour);
    w.sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code1', times: 5 });
    await w.sync(north);
    w.sandbox.control.clearFaults();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('shows each dealership’s stock and lead state with the reason, and quick stats', async () => {
    const res = await get('/easycars/dashboard', superAdmin);
    expect(res.status).toBe(200);
    expect(res.body.data.rows.map((r: any) => r.dealership.name)).toEqual(['Harbour Motors', 'North Shore Autos', 'Zeta Cars']);
    const h = row(res.body, harbour);
    expect(h).toMatchObject({ connection: 'active', stock: { health: 'ok', reason: 'Healthy', lastRun: { status: 'success', processed: 5 }, intervalHours: 24 }, leads: { health: 'never', reason: 'No sync yet', intervalHours: 1 } });
    expect(Date.parse(h.stock.nextRunAt)).toBeGreaterThan(Date.now());
    const n = row(res.body, north);
    expect(n.connection).toBe('auth_failing');
    expect(n.stock.health).toBe('failing');
    expect(n.stock.reason).toMatch(/^Last run failed: /);
    expect(row(res.body, empty)).toMatchObject({ connection: 'not_configured', stock: { health: 'not_configured', reason: 'Not connected to EasyCars' } });
    expect(res.body.data.stats).toEqual({
      vehiclesInFeed: 5,
      vehiclesRemoved: 0,
      leadsLinked: 0,
      connections: { active: 1, off: 0, authFailing: 1, notConfigured: 1 },
      dealerships: { healthy: 1, attention: 0, failing: 1, stale: 0 },
    });
  });

  it('calls a sync stale when it has not succeeded for more than twice its schedule', async () => {
    const old = new Date(Date.now() - 3 * 86_400_000);
    await w.app.strapi.db.query('plugin::easycars.sync-log' as any).updateMany({ where: { dealership: harbour }, data: { completedAt: old, createdAt: old } });
    await w.app.strapi.db.query('plugin::easycars.credential' as any).update({ where: { dealership: harbour }, data: { createdAt: new Date(Date.now() - 5 * 86_400_000) } });
    const res = await get('/easycars/dashboard', manager);
    expect(res.body.data.rows).toHaveLength(1);
    expect(row(res.body, harbour).stock).toMatchObject({ health: 'stale', reason: 'No successful sync for 3 days (more than twice the schedule)' });
    expect(row(res.body, harbour).leads).toMatchObject({ health: 'stale', reason: 'No successful sync since the connection was made' });
    expect(JSON.stringify(res.body)).not.toContain(north);
    expect((await get(`/easycars/dashboard?dealership=${north}`, manager)).status).toBe(404);
  });

  it('counts runs per day by outcome, with the success rate', async () => {
    const res = await get('/easycars/dashboard/trend?days=7', superAdmin);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(14);
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body.data.find((d: any) => d.day === threeDaysAgo && d.type === 'stock')).toMatchObject({ success: 1, failed: 0, total: 1, successRate: 100 });
    expect(res.body.data.find((d: any) => d.day === today && d.type === 'stock')).toMatchObject({ success: 0, failed: 1, total: 1, successRate: 0 });
    expect(res.body.data.find((d: any) => d.day === today && d.type === 'leads')).toMatchObject({ total: 0, successRate: null });
    const mine = await get('/easycars/dashboard/trend?days=7', manager);
    expect(mine.body.data.reduce((n: number, d: any) => n + d.total, 0)).toBe(1);
    expect((await get('/easycars/dashboard/trend?days=400', superAdmin)).status).toBe(400);
  });
});
