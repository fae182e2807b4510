/**
 * Every admin route of the plugin, called as (a) nobody, (b) an admin with no EasyCars permission and
 * (c) the manager of dealership A (every EasyCars permission) aiming at dealership B's data. Built from
 * the routes Strapi registered: a route without an entry in ATTACKS fails this test.
 */
import { startStockWorld, type StockWorld } from '../helpers/stock-sync';
import type { TestAdmin } from '../helpers/strapi';
import { SANDBOX_CLIENT } from '../helpers/fixtures';
import { DEFAULT_ALERT_SETTINGS } from '../../src/plugins/easycars/shared/alerts';

jest.setTimeout(180_000);

const PLUGIN_TABLES = ['credential', 'sync-log', 'lead-record', 'lead-conflict', 'stock-record', 'image-asset', 'audit-entry', 'sync-item', 'alert'].map((n) => `plugin::easycars.${n}`);
const HOST_TABLES = ['api::dealership.dealership', 'api::vehicle.vehicle', 'api::lead.lead'];
const SCOPE_POLICIES = ['plugin::easycars.manages-dealership', 'plugin::easycars.lists-own-dealerships', 'plugin::easycars.site-wide'];

interface Ids {
  dealershipA: string;
  dealershipB: string;
  credentialB: number;
  syncLogB: number;
  vehicleB: string;
  leadB: string;
  leadNumberB: string;
  pushB: number;
  conflictB: number;
  alertB: number;
}

interface Attack {
  url: (ids: Ids) => string;
  body?: (ids: Ids) => Record<string, unknown>;
  /** What the manager of A gets: 404 for B's data, 403 for a site-wide setting, or a 200 that must not carry B's data. */
  manager: 404 | 403 | ((body: any, ids: Ids) => void);
}

const noneOfB = (body: any, ids: Ids) => {
  const text = JSON.stringify(body);
  for (const id of [ids.dealershipB, ids.leadNumberB, String(ids.credentialB)].filter((v) => v.length > 3)) expect(text).not.toContain(id);
};

const ATTACKS: Record<string, Attack> = {
  'POST /sync/:type': { url: () => '/easycars/sync/stock', body: (i) => ({ dealership: i.dealershipB }), manager: 404 },
  'GET /sync/status': { url: (i) => `/easycars/sync/status?dealership=${i.dealershipB}`, manager: 404 },
  'GET /sync-logs': { url: (i) => `/easycars/sync-logs?dealership=${i.dealershipB}`, manager: 404 },
  'GET /sync-logs/:id': { url: (i) => `/easycars/sync-logs/${i.syncLogB}`, manager: 404 },
  'GET /sync-logs/:id/items': { url: (i) => `/easycars/sync-logs/${i.syncLogB}/items`, manager: 404 },
  // Without a dealership the history covers the caller's own dealerships only.
  'GET /history': {
    url: () => '/easycars/history?pageSize=100',
    manager: (body, ids) => {
      expect(body.data.every((run: { dealership: string }) => run.dealership === ids.dealershipA)).toBe(true);
      noneOfB(body, ids);
    },
  },
  'GET /dashboard': {
    url: () => '/easycars/dashboard',
    manager: (body, ids) => {
      expect(body.data.rows.map((r: { dealership: { documentId: string } }) => r.dealership.documentId)).toEqual([ids.dealershipA]);
      noneOfB(body, ids);
    },
  },
  'GET /dashboard/trend': { url: (i) => `/easycars/dashboard/trend?dealership=${i.dealershipB}`, manager: 404 },
  'GET /history/retention': { url: () => '/easycars/history/retention', manager: (body) => expect(body.data.canEdit).toBe(false) },
  // Site-wide (every dealership's history): a dealership's manager may not change it, whatever their permissions.
  'PUT /history/retention': { url: () => '/easycars/history/retention', body: () => ({ days: 1, mode: 'delete' }), manager: 403 },
  'GET /history/export': { url: (i) => `/easycars/history/export?format=json&dealership=${i.dealershipB}`, manager: 404 },
  'GET /audit': { url: (i) => `/easycars/audit?dealership=${i.dealershipB}`, manager: 404 },
  'GET /credentials': { url: (i) => `/easycars/credentials?dealership=${i.dealershipB}`, manager: 404 },
  'POST /credentials': {
    url: () => '/easycars/credentials',
    body: (i) => ({ dealership: i.dealershipB, environment: 'test', ...SANDBOX_CLIENT, accountNumber: 'EC999999', accountSecret: '11111111-2222-4333-8444-555555555555' }),
    manager: 404,
  },
  'PUT /credentials/:id': { url: (i) => `/easycars/credentials/${i.credentialB}`, body: () => ({ yardCode: 'XYZ' }), manager: 404 },
  'DELETE /credentials/:id': { url: (i) => `/easycars/credentials/${i.credentialB}`, manager: 404 },
  'POST /test-connection': { url: () => '/easycars/test-connection', body: (i) => ({ credential: i.credentialB }), manager: 404 },
  'GET /dealerships': {
    url: () => '/easycars/dealerships',
    manager: (body, ids) => {
      expect(body.data.map((d: { documentId: string }) => d.documentId)).toEqual([ids.dealershipA]);
      noneOfB(body, ids);
    },
  },
  'GET /vehicles/:documentId/easycars': { url: (i) => `/easycars/vehicles/${i.vehicleB}/easycars`, manager: 404 },
  'POST /vehicles/status': {
    url: () => '/easycars/vehicles/status',
    body: (i) => ({ documentIds: [i.vehicleB] }),
    manager: (body, ids) => expect(body.data[ids.vehicleB]).toBeNull(),
  },
  'GET /leads/overview': { url: (i) => `/easycars/leads/overview?dealership=${i.dealershipB}`, manager: 404 },
  'GET /leads/pushes': { url: (i) => `/easycars/leads/pushes?dealership=${i.dealershipB}`, manager: 404 },
  // Own dealership in the body, another's record in the path: the record's own dealership decides.
  'POST /leads/pushes/:id/retry': { url: (i) => `/easycars/leads/pushes/${i.pushB}/retry`, body: (i) => ({ dealership: i.dealershipA }), manager: 404 },
  'GET /leads/conflicts': { url: (i) => `/easycars/leads/conflicts?dealership=${i.dealershipB}`, manager: 404 },
  'POST /leads/conflicts/:id/resolve': {
    url: (i) => `/easycars/leads/conflicts/${i.conflictB}/resolve`,
    body: (i) => ({ dealership: i.dealershipA, choice: 'local' }),
    manager: 404,
  },
  'POST /leads/import': { url: () => '/easycars/leads/import', body: (i) => ({ dealership: i.dealershipB, leadNumber: '000001' }), manager: 404 },
  'PUT /leads/settings': { url: () => '/easycars/leads/settings', body: (i) => ({ dealership: i.dealershipB, leadConflictStrategy: 'local_wins' }), manager: 404 },
  'GET /leads/status': {
    url: (i) => `/easycars/leads/status?documentIds=${i.leadB}`,
    manager: (body, ids) => noneOfB(body, ids),
  },
  'GET /leads/status/:documentId': { url: (i) => `/easycars/leads/status/${i.leadB}`, manager: 404 },
  'GET /health': { url: (i) => `/easycars/health?dealership=${i.dealershipB}`, manager: 404 },
  'GET /dashboard/performance': { url: (i) => `/easycars/dashboard/performance?dealership=${i.dealershipB}`, manager: 404 },
  // Without a dealership: the caller's own dealerships' alerts only.
  'GET /alerts': {
    url: () => '/easycars/alerts?status=active',
    manager: (body, ids) => {
      expect(body.data.results).toEqual([]);
      noneOfB(body, ids);
    },
  },
  'GET /alerts/count': { url: () => '/easycars/alerts/count', manager: (body) => expect(body.data).toEqual({ open: 0 }) },
  // Strapi's webhooks are the whole site's: a dealership's manager may not change them, whatever their permissions.
  'GET /alerts/webhooks': { url: () => '/easycars/alerts/webhooks', manager: 403 },
  'PUT /alerts/webhooks/:id': { url: () => '/easycars/alerts/webhooks/1', body: () => ({ events: [] }), manager: 403 },
  'GET /alerts/settings': { url: (i) => `/easycars/alerts/settings?dealership=${i.dealershipB}`, manager: 404 },
  'PUT /alerts/settings': { url: () => '/easycars/alerts/settings', body: (i) => ({ dealership: i.dealershipB, settings: DEFAULT_ALERT_SETTINGS }), manager: 404 },
  'POST /alerts/:id/acknowledge': { url: (i) => `/easycars/alerts/${i.alertB}/acknowledge`, manager: 404 },
  'POST /alerts/:id/snooze': { url: (i) => `/easycars/alerts/${i.alertB}/snooze`, body: () => ({ hours: 4 }), manager: 404 },
  'POST /reconciliation/run': { url: () => '/easycars/reconciliation/run', body: (i) => ({ dealership: i.dealershipB }), manager: 404 },
  'GET /reconciliation': { url: (i) => `/easycars/reconciliation?dealership=${i.dealershipB}`, manager: 404 },
  'PUT /reconciliation/settings': { url: () => '/easycars/reconciliation/settings', body: (i) => ({ dealership: i.dealershipB, schedule: 'weekly' }), manager: 404 },
  'GET /reconciliation/export': { url: (i) => `/easycars/reconciliation/export?dealership=${i.dealershipB}&format=csv`, manager: 404 },
  'POST /reconciliation/sync': { url: () => '/easycars/reconciliation/sync', body: (i) => ({ dealership: i.dealershipB, filter: {} }), manager: 404 },
  'POST /reconciliation/push': { url: () => '/easycars/reconciliation/push', body: (i) => ({ dealership: i.dealershipB, filter: {} }), manager: 404 },
  'POST /reconciliation/ignore': { url: () => '/easycars/reconciliation/ignore', body: (i) => ({ dealership: i.dealershipB, filter: {}, reason: 'not mine' }), manager: 404 },
  'GET /conflicts': { url: (i) => `/easycars/conflicts?dealership=${i.dealershipB}`, manager: 404 },
  'POST /conflicts/resolve': { url: () => '/easycars/conflicts/resolve', body: (i) => ({ dealership: i.dealershipB, choices: [{ kind: 'lead', id: i.conflictB, use: 'local' }] }), manager: 404 },
  'POST /conflicts/resolve-all': { url: () => '/easycars/conflicts/resolve-all', body: (i) => ({ dealership: i.dealershipB, use: 'local' }), manager: 404 },
  'GET /stock/settings': { url: (i) => `/easycars/stock/settings?dealership=${i.dealershipB}`, manager: 404 },
  'PUT /stock/settings': { url: () => '/easycars/stock/settings', body: (i) => ({ dealership: i.dealershipB, stockConflictStrategy: 'local' }), manager: 404 },
  // Pinning is for vehicle editors (content-manager update on vehicles), which this manager is not: refused before any look-up.
  'PUT /vehicles/:documentId/pins': { url: (i) => `/easycars/vehicles/${i.vehicleB}/pins`, body: () => ({ field: 'description', pinned: true }), manager: 403 },
  // The host's schema against the config: the site's setup, Super Admins only.
  'GET /setup': { url: () => '/easycars/setup', manager: 403 },
  // Which types are the vehicle and lead: no dealership's data at all.
  'GET /setup/content-types': { url: () => '/easycars/setup/content-types', manager: (body) => expect(Object.keys(body.data).sort()).toEqual(['dealership', 'lead', 'vehicle']) },
  // The site's own support contact (plugin config): no dealership's data at all.
  'GET /support': { url: () => '/easycars/support', manager: (body) => expect(Object.keys(body.data).sort()).toEqual(['contact', 'url']) },
};

/**
 * Routes without admin login, for machines (utils/route.ts publicRoute): what anyone gets. No metrics
 * token is configured here, so the Prometheus scrape does not exist (404).
 */
const PUBLIC: Record<string, { status: number; body?: unknown }> = {
  'GET /metrics': { status: 404 },
  'GET /health/live': { status: 200, body: { status: 'ok' } },
};
const isPublic = (route: { method: string; path: string }) => `${route.method} ${route.path}` in PUBLIC;

describe(`every plugin route refuses other dealerships (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let ids: Ids;
  let manager: TestAdmin;
  let noPermission: TestAdmin;
  let routes: Array<{ method: string; path: string; config?: { policies?: unknown[] } }>;

  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const uid of [...PLUGIN_TABLES, ...HOST_TABLES]) {
      out[uid] = await w.app.strapi.db.query(uid as any).findMany({ orderBy: { id: 'asc' } });
    }
    return JSON.parse(JSON.stringify(out));
  };

  const call = (route: { method: string }, attack: Attack, token?: string) => {
    const req = (w.app.http() as any)[route.method.toLowerCase() === 'delete' ? 'delete' : route.method.toLowerCase()](attack.url(ids));
    if (token) req.set('Authorization', `Bearer ${token}`);
    return attack.body ? req.send(attack.body(ids)) : req;
  };

  beforeAll(async () => {
    // No scrape token (whatever a local .env says): the metrics route must not exist here.
    w = await startStockWorld({ stockCount: { EC114575: 3, EC208841: 3 }, env: { EASYCARS_METRICS_TOKEN: '' } });
    const { strapi } = w.app;
    const everything = ['credentials.read', 'credentials.manage', 'sync.trigger', 'sync-logs.read', 'sync-settings.manage', 'conflicts.resolve', 'alerts.manage'];
    manager = await w.app.createAdmin({ roles: [await w.app.createRole('Manager of A', everything.map((a) => `plugin::easycars.${a}`))] });
    noPermission = await w.app.createAdmin({ roles: [await w.app.createRole('No EasyCars permission', [])] });

    const dealershipA = await w.dealership('Harbour', 'EC114575', { imageSyncEnabled: false });
    await strapi.documents('api::dealership.dealership' as any).update({ documentId: dealershipA, data: { managers: { connect: [{ id: manager.id }, { id: noPermission.id }] } } as any });
    // B's lead exists before its credential, so no push to EasyCars runs in the background.
    const dealershipBDoc = await strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'Northside', timezone: 'Australia/Sydney' } as any });
    const dealershipB = dealershipBDoc.documentId as string;
    const lead = await strapi.documents('api::lead.lead' as any).create({
      data: { customerName: 'Private Person', customerEmail: 'private@example.com', vehicleMake: 'Mazda', vehicleModel: 'CX-5', vehicleYear: 2022, dealership: { connect: [{ documentId: dealershipB }] } } as any,
    });
    const credentialB = (await strapi.plugin('easycars').service('credentials').create(
      { dealership: dealershipB, environment: 'test', isActive: true, imageSyncEnabled: false, leadSyncEnabled: false },
      { ...SANDBOX_CLIENT, accountNumber: 'EC208841', accountSecret: '9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D' },
    )).id as number;
    const syncLogB = (await w.sync(dealershipB)).id as number;
    // The alert evaluation that follows every run finishes before B's records below are made.
    await strapi.plugin('easycars').service('alerts').idle();
    const [vehicle] = await w.vehiclesOf(dealershipB);

    const leadNumberB = 'B-000777';
    const records = strapi.db.query('plugin::easycars.lead-record' as any);
    const existing = await records.findOne({ where: { leadDocumentId: lead.documentId } });
    const push = existing
      ? await records.update({ where: { id: existing.id }, data: { dealership: dealershipB, LeadNumber: leadNumberB, pushState: 'failed' } })
      : await records.create({ data: { dealership: dealershipB, leadDocumentId: lead.documentId, LeadNumber: leadNumberB, pushState: 'failed' } });
    const conflict = await strapi.db.query('plugin::easycars.lead-conflict' as any).create({
      data: { dealership: dealershipB, leadDocumentId: lead.documentId, leadNumber: leadNumberB, state: 'open' },
    });
    const alert = await strapi.db.query('plugin::easycars.alert' as any).create({
      data: { dealership: dealershipB, rule: 'leads_stuck', severity: 'warning', status: 'open', message: '1 lead not in EasyCars', openKey: `${dealershipB}:leads_stuck`, openedAt: new Date(), lastSeenAt: new Date() },
    });
    ids = { dealershipA, dealershipB, credentialB, syncLogB, vehicleB: vehicle.documentId, leadB: lead.documentId, leadNumberB, pushB: push.id, conflictB: conflict.id, alertB: alert.id };

    const admin = strapi.plugin('easycars').routes as unknown as { admin: { routes: typeof routes } };
    routes = admin.admin.routes;
  });

  afterAll(async () => {
    await w?.close();
  });

  it('has an attack for every registered route, and every route declares its dealership scope', () => {
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter((r) => !isPublic(r)).map((r) => `${r.method} ${r.path}`).filter((key) => !ATTACKS[key]);
    expect(missing).toEqual([]); // add each listed route to ATTACKS in tests/integration/route-security.test.ts
    const stale = Object.keys(ATTACKS).filter((key) => !routes.some((r) => `${r.method} ${r.path}` === key));
    expect(stale).toEqual([]);
    // Only the declared public routes skip the admin login; every other route declares its dealership scope.
    expect(routes.filter((r) => (r.config as { auth?: unknown } | undefined)?.auth === false).map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(PUBLIC).sort());
    const unscoped = routes
      .filter((r) => !isPublic(r))
      .filter((r) => !(r.config?.policies ?? []).some((p: any) => SCOPE_POLICIES.includes(typeof p === 'string' ? p : p?.name)))
      .map((r) => `${r.method} ${r.path}`);
    expect(unscoped).toEqual([]); // declare a scope with adminRoute(..., scope) in server/src/utils/route.ts
  });

  it('refuses anonymous callers (401) and admins without an EasyCars permission (403), changing nothing', async () => {
    const before = await snapshot();
    for (const route of routes.filter((r) => !isPublic(r))) {
      const attack = ATTACKS[`${route.method} ${route.path}`]!;
      const anonymous = await call(route, attack);
      expect([`${route.method} ${route.path}`, anonymous.status]).toEqual([`${route.method} ${route.path}`, 401]);
      const refused = await call(route, attack, noPermission.token);
      expect([`${route.method} ${route.path}`, refused.status]).toEqual([`${route.method} ${route.path}`, 403]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("gives the manager of A nothing of B's: 404 as for an unknown id, or an answer without B's data, changing nothing", async () => {
    const before = await snapshot();
    for (const route of routes.filter((r) => !isPublic(r))) {
      const key = `${route.method} ${route.path}`;
      const attack = ATTACKS[key]!;
      const res = await call(route, attack, manager.token);
      if (typeof attack.manager === 'number') {
        expect([key, res.status]).toEqual([key, attack.manager]);
        expect(JSON.stringify(res.body)).not.toContain('Private Person');
      } else {
        expect([key, res.status]).toEqual([key, 200]);
        attack.manager(res.body, ids);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers anyone the same on the public routes, with no tenant data', async () => {
    for (const [key, expected] of Object.entries(PUBLIC)) {
      const [method, path] = key.split(' ') as [string, string];
      for (const token of [undefined, noPermission.token, manager.token]) {
        const req = (w.app.http() as any)[method.toLowerCase()](`/easycars${path}`);
        const res = await (token ? req.set('Authorization', `Bearer ${token}`) : req);
        expect([key, res.status]).toEqual([key, expected.status]);
        if (expected.body) expect(res.body).toEqual(expected.body);
        const text = JSON.stringify(res.body ?? res.text);
        for (const id of [ids.dealershipA, ids.dealershipB, ids.leadNumberB]) expect(text).not.toContain(id);
      }
    }
  });

  it('answers a manager the same 404 for an id of another dealership as for one that does not exist', async () => {
    const auth = { Authorization: `Bearer ${manager.token}` };
    const other = await w.app.http().get(`/easycars/sync-logs/${ids.syncLogB}`).set(auth);
    const unknown = await w.app.http().get('/easycars/sync-logs/999999').set(auth);
    expect(other.status).toBe(404);
    expect(other.body.error.message).toBe(`Sync log ${ids.syncLogB} not found.`);
    expect(unknown.body.error.message).toBe('Sync log 999999 not found.');
    const otherDealership = await w.app.http().get(`/easycars/credentials?dealership=${ids.dealershipB}`).set(auth);
    const noDealership = await w.app.http().get('/easycars/credentials?dealership=no-such-dealership').set(auth);
    expect(otherDealership.body.error).toEqual({ ...noDealership.body.error, message: `Dealership ${ids.dealershipB} not found.` });
  });
});
