import { startSandbox, type RunningSandbox } from '../../sandbox/src';
import { createCredential, createDealership, SANDBOX_ACCOUNTS, SANDBOX_CLIENT } from '../helpers/fixtures';
import { startStrapi, type TestAdmin, type TestApp } from '../helpers/strapi';

jest.setTimeout(120_000);

const P = (a: string) => `plugin::easycars.${a}`;
const SECRETS = [SANDBOX_CLIENT.clientId, SANDBOX_CLIENT.clientSecret, SANDBOX_ACCOUNTS.harbour.accountSecret, SANDBOX_ACCOUNTS.north.accountSecret];
const WRONG_UUID = '00000000-1111-4222-8333-444444444444';

const harbourValues = {
  environment: 'test',
  ...SANDBOX_CLIENT,
  ...SANDBOX_ACCOUNTS.harbour,
};

/** No secret (in any case) anywhere in a serialised value. */
function expectNoSecrets(value: unknown) {
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
  for (const secret of SECRETS) expect(text).not.toContain(secret.toLowerCase());
}

describe(`credentials admin API (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandbox;
  let app: TestApp;
  let superAdmin: TestAdmin;
  let manager: TestAdmin; // manages A, may manage credentials, not sync settings
  let reader: TestAdmin; // manages A, read only
  let outsider: TestAdmin; // manages A but holds no EasyCars action
  let dealershipA: string;
  let dealershipB: string;
  let credentialB: number;

  const as = (user: TestAdmin) => {
    const auth = (req: any) => req.set('Authorization', `Bearer ${user.token}`);
    return {
      get: (url: string) => auth(app.http().get(url)),
      post: (url: string, body: unknown) => auth(app.http().post(url).send(body as object)),
      put: (url: string, body: unknown) => auth(app.http().put(url).send(body as object)),
      del: (url: string) => auth(app.http().delete(url)),
    };
  };
  /** Test timeout, and the per-user limit (dealership/site limits and backoff out of the way: limits-masking.test.ts covers them). */
  const setTestConnection = (values: { perUserPerMinute: number; timeoutMs: number }) => {
    app.strapi.config.set('plugin::easycars.testConnection', { timeoutMs: values.timeoutMs });
    app.strapi.config.set('plugin::easycars.limits', {
      ...(app.strapi.config.get('plugin::easycars.limits') as object),
      testConnection: { perUserPerMinute: values.perUserPerMinute, perDealershipPerMinute: 1000, globalPerMinute: 1000 },
      testBackoff: { afterFailures: 1000, baseSeconds: 30, maxSeconds: 900 },
    });
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ enableControl: true });
    app = await startStrapi({
      env: { EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test, EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production },
    });
    superAdmin = await app.superAdmin();
    const managerRole = await app.createRole('Dealer manager', [P('credentials.read'), P('credentials.manage'), P('sync.trigger')]);
    const readerRole = await app.createRole('Dealer reader', [P('credentials.read')]);
    const editorRole = await app.createRole('Content editor', []);
    manager = await app.createAdmin({ roles: [managerRole] });
    reader = await app.createAdmin({ roles: [readerRole] });
    outsider = await app.createAdmin({ roles: [editorRole] });
    dealershipA = (await createDealership(app.strapi, 'Harbour Motors', [manager.id, reader.id, outsider.id])).documentId;
    dealershipB = (await createDealership(app.strapi, 'Northside Cars')).documentId;
    credentialB = (await createCredential(app.strapi, dealershipB, SANDBOX_ACCOUNTS.north)).id;
    // The rate limit has its own test; the others must not trip over it.
    setTestConnection({ perUserPerMinute: 1000, timeoutMs: 10000 });
  });

  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });

  describe('authentication and scoping', () => {
    it.each([
      ['get', '/easycars/dealerships'],
      ['get', '/easycars/credentials?dealership=x'],
      ['post', '/easycars/credentials'],
      ['put', '/easycars/credentials/1'],
      ['delete', '/easycars/credentials/1'],
      ['post', '/easycars/test-connection'],
    ])('%s %s answers 401 without a login', async (method, url) => {
      const res = await (app.http() as any)[method](url).send({});
      expect(res.status).toBe(401);
      expect(res.body.error.status).toBe(401);
    });

    it('lists every dealership for a Super Admin, with credential status', async () => {
      const res = await as(superAdmin).get('/easycars/dealerships');
      expect(res.status).toBe(200);
      const names = res.body.data.map((d: { name: string }) => d.name);
      expect(names).toEqual(['Harbour Motors', 'Northside Cars']);
      const north = res.body.data.find((d: { documentId: string }) => d.documentId === dealershipB);
      expect(north.credential).toMatchObject({ configured: true, id: credentialB, environment: 'test', accountNumber: 'EC••••41', readable: true, isActive: true });
      expect(res.body.data[0].credential).toEqual({ configured: false });
      expectNoSecrets(res.body);
    });

    it('lists only the managed dealerships for other admins, and refuses admins without an EasyCars action', async () => {
      const res = await as(manager).get('/easycars/dealerships');
      expect(res.status).toBe(200);
      expect(res.body.data.map((d: { documentId: string }) => d.documentId)).toEqual([dealershipA]);
      const refused = await as(outsider).get('/easycars/dealerships');
      expect(refused.status).toBe(403);
    });

    it('answers 404 to a manager of A asking for B (as for an unknown dealership), and 400 for a missing one', async () => {
      expect((await as(manager).get(`/easycars/credentials?dealership=${dealershipB}`)).status).toBe(404);
      expect((await as(superAdmin).get('/easycars/credentials?dealership=does-not-exist')).status).toBe(404);
      const missing = await as(manager).get('/easycars/credentials');
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.errors[0].path).toEqual(['dealership']);
    });

    it('refuses writes by the manager of A to B (404: B is not theirs to know), and writes by a read-only admin (403)', async () => {
      expect((await as(manager).post('/easycars/credentials', { ...harbourValues, dealership: dealershipB })).status).toBe(404);
      expect((await as(manager).put(`/easycars/credentials/${credentialB}`, { yardCode: 'NTH' })).status).toBe(404);
      expect((await as(manager).del(`/easycars/credentials/${credentialB}`)).status).toBe(404);
      expect((await as(manager).post('/easycars/test-connection', { credential: credentialB })).status).toBe(404);
      expect((await as(reader).post('/easycars/credentials', { ...harbourValues, dealership: dealershipA })).status).toBe(403);
      expect((await as(reader).post('/easycars/test-connection', harbourValues)).status).toBe(403);
      expect((await as(outsider).get(`/easycars/credentials?dealership=${dealershipA}`)).status).toBe(403);
    });
  });

  describe('create and read', () => {
    it('answers 200 with data null before the dealership is configured', async () => {
      const res = await as(reader).get(`/easycars/credentials?dealership=${dealershipA}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: null });
    });

    it('refuses invalid input with 400 and a message per field, never echoing a value', async () => {
      const res = await as(manager).post('/easycars/credentials', {
        dealership: dealershipA,
        environment: 'staging',
        clientId: 'not-a-uuid',
        clientSecret: SANDBOX_CLIENT.clientSecret,
        accountNumber: '114575',
        accountSecret: 'x'.repeat(60),
        password: 'extra',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      const byField = Object.fromEntries(res.body.error.details.errors.map((e: { path: string[]; message: string }) => [e.path.join('.') || '(body)', e.message]));
      expect(byField.environment).toMatch(/test.*production/);
      expect(byField.clientId).toMatch(/UUID/);
      expect(byField.accountNumber).toMatch(/EC/);
      expect(byField.accountSecret).toMatch(/36 characters|UUID/);
      expect(byField['(body)']).toMatch(/Unknown field.*password/);
      expect(JSON.stringify(res.body)).not.toContain('not-a-uuid');
      expectNoSecrets(res.body);

      const missing = await as(manager).post('/easycars/credentials', { dealership: dealershipA });
      expect(missing.status).toBe(400);
      const paths = missing.body.error.details.errors.map((e: { path: string[] }) => e.path[0]);
      expect(paths).toEqual(expect.arrayContaining(['environment', 'clientId', 'clientSecret', 'accountNumber', 'accountSecret']));
    });

    it('creates with 201, shows metadata only, and answers 409 to a second create', async () => {
      const res = await as(manager).post('/easycars/credentials', { ...harbourValues, dealership: dealershipA, yardCode: 'MAIN' });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        dealership: dealershipA,
        environment: 'test',
        accountNumber: 'EC114575',
        clientId: '••••18E6',
        hasClientSecret: true,
        hasAccountSecret: true,
        yardCode: 'MAIN',
        isActive: true,
        lastTest: null,
      });
      expectNoSecrets(res.body);

      const again = await as(manager).post('/easycars/credentials', { ...harbourValues, dealership: dealershipA });
      expect(again.status).toBe(409);
      expect(again.body.error.details.credential).toBe(res.body.data.id);

      const read = await as(reader).get(`/easycars/credentials?dealership=${dealershipA}`);
      expect(read.status).toBe(200);
      expect(read.body.data.id).toBe(res.body.data.id);
      expect(read.body.data.sync.stock).toMatchObject({ enabled: true, schedule: 'daily' });
      expectNoSecrets(read.body);
    });
  });

  describe('test connection', () => {
    const credentialA = async () => (await app.strapi.plugin('easycars').service('credentials').findByDealership(dealershipA)).id as number;

    it('connects with the four values and counts the stock', async () => {
      const res = await as(manager).post('/easycars/test-connection', { ...harbourValues, dealership: dealershipA });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ ok: true, environment: 'test', stock: { ok: true, stockCount: 250 }, leads: { ok: true, clientPair: 'main' } });
      expect(res.body.data.message).toBe('EasyCars (test). Stock: connected, 250 vehicles. Leads: connected.');
      expect(res.body.data.durationMs).toBeLessThan(10000);
      expectNoSecrets(res.body);
    });

    it('honours the yard code', async () => {
      const res = await as(manager).post('/easycars/test-connection', { ...harbourValues, yardCode: 'WEST' });
      expect(res.body.data.ok).toBe(true);
      expect(res.body.data.stock.stockCount).toBeGreaterThan(0);
      expect(res.body.data.stock.stockCount).toBeLessThan(250);
    });

    it('says the client pair failed when the client secret is wrong', async () => {
      const res = await as(manager).post('/easycars/test-connection', { ...harbourValues, clientSecret: WRONG_UUID });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ ok: false, stock: { ok: false, failedPair: 'client', reason: 'authentication', code: 1 } });
      expect(res.body.data.leads).toMatchObject({ ok: false, failedPair: 'client', reason: 'authentication' });
      expect(res.body.data.stock.message).toMatch(/client ID \/ client secret/);
      expectNoSecrets(res.body);
    });

    it('catches a wrong account secret with the stock call, with EasyCars’ message', async () => {
      const res = await as(manager).post('/easycars/test-connection', { ...harbourValues, accountSecret: WRONG_UUID, dealership: dealershipA });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ ok: false, stock: { ok: false, failedPair: 'account', reason: 'easycars_error', code: 7 } });
      expect(res.body.data.leads).toMatchObject({ ok: false, failedPair: 'account' });
      expect(res.body.data.stock.easycarsMessage).toBe('Invalid AccountNumber or AccountSecret.');
      expect(res.body.data.message).toContain('Invalid AccountNumber or AccountSecret.');
      expect(JSON.stringify(res.body)).not.toContain(WRONG_UUID);
    });

    it('re-tests the stored credential and records the result as "last test"', async () => {
      const id = await credentialA();
      const res = await as(manager).post('/easycars/test-connection', { credential: id });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ ok: true, credential: id });
      expect(res.body.data.stock.stockCount).toBe(sandbox.control.listStock('EC114575').filter((s) => s.YardCode === 'MAIN').length);
      const read = await as(reader).get(`/easycars/credentials?dealership=${dealershipA}`);
      expect(read.body.data.lastTest).toMatchObject({ ok: true });
      expect(read.body.data.lastTest.message).toMatch(/Stock: connected, \d+ vehicles\. Leads: connected\./);
      expect((await as(manager).post('/easycars/test-connection', { credential: 999999 })).status).toBe(404);
    });

    it('answers within its time budget: a slow stock list is "connected, stock list slow", a silent token service a timeout', async () => {
      setTestConnection({ perUserPerMinute: 1000, timeoutMs: 1500 });
      try {
        sandbox.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', hangMs: 5000 });
        const started = Date.now();
        const res = await as(manager).post('/easycars/test-connection', harbourValues);
        expect(Date.now() - started).toBeLessThan(4000);
        expect(res.body.data).toMatchObject({ ok: true, stock: { ok: true, stockListSlow: true, stockCount: null }, leads: { ok: true } });
        expect(res.body.data.message).toMatch(/stock list slow/);
        expect(res.body.data.message).toMatch(/Syncs wait up to 120 s/);

        sandbox.control.injectFault({ endpoint: 'RequestToken', service: 'StockService', kind: 'hang', hangMs: 5000 });
        const silent = await as(manager).post('/easycars/test-connection', harbourValues);
        expect(silent.body.data).toMatchObject({ ok: false, stock: { ok: false, failedPair: 'client', reason: 'timeout' }, leads: { ok: true } });
      } finally {
        sandbox.control.clearFaults();
        setTestConnection({ perUserPerMinute: 1000, timeoutMs: 10000 });
      }
      const baseUrls = app.strapi.config.get('plugin::easycars.baseUrls') as Record<string, string>;
      app.strapi.config.set('plugin::easycars.baseUrls', { ...baseUrls, production: 'http://127.0.0.1:9/ECService' });
      try {
        const res = await as(manager).post('/easycars/test-connection', { ...harbourValues, environment: 'production' });
        expect(res.body.data).toMatchObject({ ok: false, environment: 'production', stock: { ok: false, failedPair: 'client', reason: 'unreachable' } });
        expect(res.body.data.leads).toMatchObject({ ok: false, reason: 'unreachable' });
      } finally {
        app.strapi.config.set('plugin::easycars.baseUrls', baseUrls);
      }
    });

    it('validates its input', async () => {
      const res = await as(manager).post('/easycars/test-connection', { ...harbourValues, clientId: 'abc', extra: 1 });
      expect(res.status).toBe(400);
      const paths = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['clientId', '']));
      expect((await as(manager).post('/easycars/test-connection', { credential: 'x' })).status).toBe(400);
    });
  });

  describe('update and delete', () => {
    let id: number;
    beforeAll(async () => {
      id = (await app.strapi.plugin('easycars').service('credentials').findByDealership(dealershipA)).id;
    });

    it('updates partially, keeps secrets that are left out or blank, and resets the last test when the connection changes', async () => {
      const res = await as(manager).put(`/easycars/credentials/${id}`, { yardCode: '', clientSecret: '', accountSecret: '' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ yardCode: null, hasClientSecret: true, hasAccountSecret: true });
      expect(res.body.data.lastTest).toMatchObject({ ok: true }); // yard code is not a connection field
      const retest = await as(manager).post('/easycars/test-connection', { credential: id });
      expect(retest.body.data).toMatchObject({ ok: true, stock: { stockCount: 250 } });

      const changed = await as(manager).put(`/easycars/credentials/${id}`, { accountNumber: 'EC208841', accountSecret: SANDBOX_ACCOUNTS.north.accountSecret });
      expect(changed.status).toBe(200);
      expect(changed.body.data).toMatchObject({ accountNumber: 'EC208841', lastTest: null });
      expectNoSecrets(changed.body);
      const north = await as(manager).post('/easycars/test-connection', { credential: id });
      expect(north.body.data).toMatchObject({ ok: true, stock: { stockCount: 60 } });
    });

    it('tries edited values against the stored ones without recording them as the last test', async () => {
      const before = (await as(manager).get(`/easycars/credentials?dealership=${dealershipA}`)).body.data.lastTest;
      const wrong = await as(manager).post('/easycars/test-connection', { credential: id, accountSecret: WRONG_UUID, clientSecret: '' });
      expect(wrong.body.data).toMatchObject({ ok: false, stock: { ok: false, failedPair: 'account' } });
      const kept = await as(manager).post('/easycars/test-connection', { credential: id, environment: 'test', clientSecret: '', accountSecret: '' });
      expect(kept.body.data).toMatchObject({ ok: true });
      const after = (await as(manager).get(`/easycars/credentials?dealership=${dealershipA}`)).body.data.lastTest;
      expect(after).toEqual(before);
    });

    it('never serves a cached token after the ClientSecret changes: a wrong secret fails, the restored one asks EasyCars again', async () => {
      const repo = app.strapi.plugin('easycars').service('credentials');
      const shared = app.strapi.plugin('easycars').service('easycarsClient');
      const stockCall = async () => shared.forCredential(repo.decrypt(await repo.findById(id))).getAdvertisementStocks();
      const tokenRequests = () => sandbox.control.requestLog().filter((e: { endpoint: string }) => e.endpoint === 'RequestToken');
      await stockCall(); // a token for the right pair is now cached by the shared client
      sandbox.control.clearRequestLog();
      await stockCall();
      expect(tokenRequests()).toHaveLength(0);

      expect((await as(manager).put(`/easycars/credentials/${id}`, { clientSecret: WRONG_UUID })).status).toBe(200);
      const refused = await stockCall().then(() => null, (e: Error) => e);
      expect(refused?.name).toBe('EasyCarsAuthenticationError');
      expectNoSecrets(refused?.message);
      expect(tokenRequests()).toHaveLength(1);

      expect((await as(manager).put(`/easycars/credentials/${id}`, { clientSecret: SANDBOX_CLIENT.clientSecret })).status).toBe(200);
      await stockCall();
      expect(tokenRequests()).toHaveLength(2); // the update forgot the pair's old token
    });

    it('validates updates: 400 for bad values, unknown fields, an empty body or a bad id; 404 for an unknown id', async () => {
      const bad = await as(manager).put(`/easycars/credentials/${id}`, { accountNumber: 'XX1', dealership: dealershipB });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(expect.arrayContaining(['accountNumber', '']));
      expect((await as(manager).put(`/easycars/credentials/${id}`, {})).status).toBe(400);
      expect((await as(manager).put('/easycars/credentials/abc', { yardCode: 'MAIN' })).status).toBe(400);
      expect((await as(superAdmin).put('/easycars/credentials/999999', { yardCode: 'MAIN' })).status).toBe(404);
    });

    it('needs "Manage sync settings" for schedule and strategy fields, and validates them', async () => {
      const refused = await as(manager).put(`/easycars/credentials/${id}`, { stockSchedule: 'hourly' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.name).toBe('PolicyError');
      expect(refused.body.error.message).toContain('plugin::easycars.sync-settings.manage');

      const cron = await as(superAdmin).put(`/easycars/credentials/${id}`, { stockSchedule: 'custom', stockScheduleCron: 'not a cron', leadScheduleTime: '25:00' });
      expect(cron.status).toBe(400);
      const paths = cron.body.error.details.errors.map((e: { path: string[] }) => e.path[0]);
      expect(paths).toEqual(expect.arrayContaining(['stockScheduleCron', 'leadScheduleTime']));
      const noCron = await as(superAdmin).put(`/easycars/credentials/${id}`, { leadSchedule: 'custom' });
      expect(noCron.status).toBe(400);
      expect(noCron.body.error.details.errors[0].path).toEqual(['leadScheduleCron']);

      const ok = await as(superAdmin).put(`/easycars/credentials/${id}`, {
        stockSchedule: 'custom',
        stockScheduleCron: '0 */2 * * *',
        leadScheduleTime: '06:30',
        leadConflictStrategy: 'local_wins',
        isActive: false,
      });
      expect(ok.status).toBe(200);
      expect(ok.body.data.sync.stock).toMatchObject({ schedule: 'custom', cron: '0 */2 * * *' });
      expect(ok.body.data.sync.leads).toMatchObject({ time: '06:30', conflictStrategy: 'local_wins' });
      expect(ok.body.data.isActive).toBe(false);
      expect((await as(manager).put(`/easycars/credentials/${id}`, { isActive: true })).status).toBe(200);
    });

    it('deletes (404 afterwards) and the dealership reads as not configured', async () => {
      const res = await as(manager).del(`/easycars/credentials/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ id, dealership: dealershipA, deleted: true });
      expect((await as(manager).get(`/easycars/credentials?dealership=${dealershipA}`)).body).toEqual({ data: null });
      expect((await as(manager).del(`/easycars/credentials/${id}`)).status).toBe(404);
      expect((await as(manager).put(`/easycars/credentials/${id}`, { yardCode: 'MAIN' })).status).toBe(404);
    });
  });

  describe('audit trail and logs', () => {
    it('records every create, update, delete and test with field names only', async () => {
      const entries = (await app.strapi.plugin('easycars').service('audit').list({ dealership: dealershipA, limit: 200 })) as Array<Record<string, any>>;
      const actions = new Set(entries.map((e) => e.action));
      for (const a of ['credentials.create', 'credentials.update', 'credentials.delete', 'credentials.test']) expect(actions).toContain(a);
      const created = entries.find((e) => e.action === 'credentials.create' && e.result === 'success');
      expect(created).toMatchObject({ actorId: manager.id, entityType: 'credential' });
      expect(created?.changedFields).toEqual(['environment', 'clientId', 'clientSecret', 'accountNumber', 'accountSecret', 'yardCode']);
      const conflictEntry = entries.find((e) => e.action === 'credentials.create' && e.result === 'failure');
      expect(conflictEntry).toBeDefined();
      const accountChange = entries.find((e) => e.action === 'credentials.update' && e.changedFields?.includes('accountNumber'));
      expect(accountChange?.changedFields).toEqual(['accountNumber', 'accountSecret']);
      const failedTest = entries.find((e) => e.action === 'credentials.test' && e.result === 'failure');
      expect(failedTest?.details).toMatchObject({ stock: { ok: false, failedPair: expect.any(String), reason: expect.any(String) } });
      expectNoSecrets(entries);
    });

    it('never logs a secret or a full ClientID', () => {
      const logs = app.logs().join('\n');
      expect(logs).toContain('credentials.create');
      expectNoSecrets(logs);
      expect(logs.toLowerCase()).not.toContain(WRONG_UUID);
    });
  });

  describe('rate limit', () => {
    it('allows 10 connection tests a minute per user, then answers 429 with Retry-After', async () => {
      setTestConnection({ perUserPerMinute: 10, timeoutMs: 10000 });
      const role = await app.createRole('Rate limited', [P('credentials.manage')]);
      const user = await app.createAdmin({ roles: [role] });
      // Refused input (400) never reaches EasyCars and costs nothing.
      expect((await as(user).post('/easycars/test-connection', { clientId: 'bad' })).status).toBe(400);
      for (let i = 0; i < 10; i++) expect((await as(user).post('/easycars/test-connection', harbourValues)).status).toBe(200);
      const limited = await as(user).post('/easycars/test-connection', harbourValues);
      expect(limited.status).toBe(429);
      expect(limited.body.error.name).toBe('RateLimitError');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      // Another user is not affected.
      const other = await app.createAdmin({ roles: [role] });
      expect((await as(other).post('/easycars/test-connection', harbourValues)).status).toBe(200);
    });
  });
});
