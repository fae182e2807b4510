/**
 * Issue 11, smaller findings: limits shared by every instance (state in the database) on connection
 * tests, lead import and push retry, with backoff after failed tests; the dealership list's masked
 * account number and per-row decryption failures; customer names masked on the Leads page lists.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/src';
import { createCredential, createDealership, SANDBOX_ACCOUNTS, SANDBOX_CLIENT } from '../helpers/fixtures';
import { startStrapi, type TestAdmin, type TestApp } from '../helpers/strapi';
import { StrapiDbRateLimiter, clearExpiredLimits } from '../../src/plugins/easycars/server/src/limits/db-store';
import rateLimiterService from '../../src/plugins/easycars/server/src/services/rate-limiter';

jest.setTimeout(120_000);

const P = (a: string) => `plugin::easycars.${a}`;
const LEAD = 'api::lead.lead';
const RATE = 'plugin::easycars.rate-limit';
const harbourValues = { environment: 'test', ...SANDBOX_CLIENT, ...SANDBOX_ACCOUNTS.harbour };
const GENEROUS = { perUserPerMinute: 1000, perDealershipPerMinute: 1000, globalPerMinute: 1000 };

describe(`shared limits and masking (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandbox;
  let app: TestApp;
  let superAdmin: TestAdmin;
  let tester: number; // role: manage credentials
  let syncer: number; // role: trigger syncs
  let harbour: string;
  let north: string;

  const as = (user: TestAdmin) => {
    const auth = (req: any) => req.set('Authorization', `Bearer ${user.token}`);
    return {
      get: (url: string) => auth(app.http().get(url)),
      post: (url: string, body: unknown) => auth(app.http().post(url).send(body as object)),
    };
  };
  const setLimits = (over: Record<string, unknown> = {}) =>
    app.strapi.config.set('plugin::easycars.limits', {
      testConnection: GENEROUS,
      leadImport: GENEROUS,
      pushRetry: GENEROUS,
      testBackoff: { afterFailures: 1000, baseSeconds: 30, maxSeconds: 900 },
      ...over,
    });
  const newManager = async (role: number, dealerships: string[]) => {
    const user = await app.createAdmin({ roles: [role] });
    for (const documentId of dealerships) {
      await app.strapi.documents('api::dealership.dealership' as any).update({ documentId, data: { managers: { connect: [{ id: user.id }] } } } as any);
    }
    return user;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ enableControl: true });
    app = await startStrapi({
      env: { EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test, EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production },
    });
    superAdmin = await app.superAdmin();
    tester = await app.createRole('Connection tester', [P('credentials.manage')]);
    syncer = await app.createRole('Sync trigger', [P('sync.trigger')]);
    harbour = (await createDealership(app.strapi, 'Harbour Motors')).documentId;
    north = (await createDealership(app.strapi, 'Northside Cars')).documentId;
    await createCredential(app.strapi, harbour, SANDBOX_ACCOUNTS.harbour);
  });

  beforeEach(async () => {
    await app.strapi.db.query(RATE as any).deleteMany({});
    setLimits();
  });

  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });

  describe('connection test limits', () => {
    it('keeps the consumed points in the database, where a fresh limiter and a fresh service see them', async () => {
      setLimits({ testConnection: { ...GENEROUS, perUserPerMinute: 3 } });
      const user = await newManager(tester, [harbour]);
      for (let i = 0; i < 2; i++) expect((await as(user).post('/easycars/test-connection', { ...harbourValues, dealership: harbour })).status).toBe(200);

      const rows = await app.strapi.db.query(RATE as any).findMany({ where: { limiterKey: { $startsWith: 'easycars:testConnection:' } } });
      expect(rows.map((r: any) => r.limiterKey).sort()).toEqual([
        `easycars:testConnection:dealership:test-connection:dealership:${harbour}`,
        'easycars:testConnection:global:test-connection:global',
        `easycars:testConnection:user:test-connection:user:${user.id}`,
      ]);
      // A limiter object that never saw those requests (as on another instance) reads the same state.
      const elsewhere = new StrapiDbRateLimiter(app.strapi as any, { keyPrefix: 'easycars:testConnection:user', points: 3, duration: 60 });
      expect((await elsewhere.get(`test-connection:user:${user.id}`))?.consumedPoints).toBe(2);
      // A second service instance takes the third point; the HTTP route then refuses the fourth.
      await rateLimiterService({ strapi: app.strapi as any }).consume('testConnection', { userId: user.id, dealership: harbour });
      const limited = await as(user).post('/easycars/test-connection', { ...harbourValues, dealership: harbour });
      expect(limited.status).toBe(429);
      expect(limited.body.error.message).toMatch(/Too many connection tests for you: at most 3 a minute\. Try again in \d+ s\./);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    });

    it('limits a dealership across its managers, and the whole site across dealerships', async () => {
      setLimits({ testConnection: { perUserPerMinute: 100, perDealershipPerMinute: 2, globalPerMinute: 3 } });
      const [a, b, c] = [await newManager(tester, [harbour]), await newManager(tester, [harbour]), await newManager(tester, [north])];
      expect((await as(a).post('/easycars/test-connection', { ...harbourValues, dealership: harbour })).status).toBe(200);
      expect((await as(b).post('/easycars/test-connection', { ...harbourValues, dealership: harbour })).status).toBe(200);
      const dealershipFull = await as(b).post('/easycars/test-connection', { ...harbourValues, dealership: harbour });
      expect(dealershipFull.status).toBe(429);
      expect(dealershipFull.body.error.message).toMatch(/for this dealership: at most 2 a minute/);
      expect(dealershipFull.headers['retry-after']).toBeDefined();

      // The refused request stopped at the dealership key: two of the site's three points are used.
      expect((await as(c).post('/easycars/test-connection', { ...harbourValues, dealership: north })).status).toBe(200);
      const siteFull = await as(c).post('/easycars/test-connection', { ...harbourValues, dealership: north });
      expect(siteFull.status).toBe(429);
      expect(siteFull.body.error.message).toMatch(/on this site: at most 3 a minute/);
    });

    it('pauses tests after consecutive failures, growing, audited, and a success clears the count', async () => {
      setLimits({ testBackoff: { afterFailures: 2, baseSeconds: 30, maxSeconds: 900 } });
      const wrong = { ...harbourValues, accountSecret: '00000000-1111-4222-8333-444444444444', dealership: harbour };
      const user = await newManager(tester, [harbour]);

      const first = await as(user).post('/easycars/test-connection', wrong);
      expect(first.status).toBe(200);
      expect(first.body.data.ok).toBe(false);
      // A success in between resets the run of failures.
      expect((await as(user).post('/easycars/test-connection', { ...harbourValues, dealership: harbour })).body.data.ok).toBe(true);
      expect((await as(user).post('/easycars/test-connection', wrong)).body.data.ok).toBe(false);
      expect((await as(user).post('/easycars/test-connection', wrong)).body.data.ok).toBe(false);

      const paused = await as(user).post('/easycars/test-connection', { ...harbourValues, dealership: harbour });
      expect(paused.status).toBe(429);
      expect(paused.body.error.message).toMatch(/Connection tests are paused for you after several failed tests in a row/);
      expect(Number(paused.headers['retry-after'])).toBeGreaterThan(25);
      expect(Number(paused.headers['retry-after'])).toBeLessThanOrEqual(30);
      // The dealership is paused too: another manager of it cannot go on guessing.
      const colleague = await newManager(tester, [harbour]);
      const alsoPaused = await as(colleague).post('/easycars/test-connection', { ...harbourValues, dealership: harbour });
      expect(alsoPaused.status).toBe(429);
      expect(alsoPaused.body.error.message).toMatch(/paused for this dealership/);

      const audits = (await app.strapi.plugin('easycars').service('audit').list({ dealership: harbour, limit: 50 })) as any[];
      const backoffs = audits.filter((e) => e.action === 'limits.backoff');
      expect(backoffs.map((e) => e.details.scope).sort()).toEqual(['dealership', 'user']);
      expect(backoffs[0]).toMatchObject({ result: 'failure', actorId: user.id });
      expect(backoffs[0].message).toMatch(/paused for 30 s .* after 2 failed tests in a row/);
    });
  });

  it('counts atomically: two service instances consuming at once never let more through than the limit', async () => {
    setLimits({ pushRetry: { perUserPerMinute: 5, perDealershipPerMinute: 1000, globalPerMinute: 1000 } });
    const [one, two] = [rateLimiterService({ strapi: app.strapi as any }), rateLimiterService({ strapi: app.strapi as any })];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).consume('pushRetry', { userId: 424242, dealership: harbour })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason);
    expect(refused).toHaveLength(7);
    for (const err of refused) expect(err).toMatchObject({ name: 'RateLimitError', details: { scope: 'user', limitPerMinute: 5 } });
  });

  it('clears rows whose window ended over an hour ago, keeping current ones', async () => {
    const rows = app.strapi.db.query(RATE as any);
    await rows.create({ data: { limiterKey: 'old', points: 3, expire: Date.now() - 2 * 3_600_000 } });
    await rows.create({ data: { limiterKey: 'current', points: 3, expire: Date.now() + 60_000 } });
    expect(await clearExpiredLimits(app.strapi as any)).toBe(1);
    expect((await rows.findMany({})).map((r: any) => r.limiterKey)).toEqual(['current']);
  });

  describe('lead import and push retry limits', () => {
    it('answers 429 with Retry-After once a user has used up the import and retry budgets', async () => {
      setLimits({ leadImport: { ...GENEROUS, perUserPerMinute: 2 }, pushRetry: { ...GENEROUS, perUserPerMinute: 2 } });
      const user = await newManager(syncer, [harbour]);
      for (let i = 0; i < 2; i++) {
        const res = await as(user).post('/easycars/leads/import', { dealership: harbour, leadNumber: 'no-such-lead' });
        expect(res.status).not.toBe(429);
      }
      const imports = await as(user).post('/easycars/leads/import', { dealership: harbour, leadNumber: 'no-such-lead' });
      expect(imports.status).toBe(429);
      expect(imports.body.error.message).toMatch(/Too many lead imports for you: at most 2 a minute/);
      expect(Number(imports.headers['retry-after'])).toBeGreaterThan(0);

      // A push of Harbour whose local lead is gone: each retry is refused after taking its point.
      const push = await app.strapi.db.query('plugin::easycars.lead-record' as any).create({ data: { dealership: harbour, pushState: 'failed' } });
      const retry = () => as(user).post(`/easycars/leads/pushes/${push.id}/retry`, { dealership: harbour });
      for (let i = 0; i < 2; i++) expect((await retry()).status).toBe(400);
      const retries = await retry();
      expect(retries.status).toBe(429);
      expect(retries.body.error.message).toMatch(/Too many push retries for you: at most 2 a minute/);
      expect(Number(retries.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('dealership list', () => {
    it('masks the account number, and reports an undecryptable credential on its row only', async () => {
      const broken = await createDealership(app.strapi, 'Broken Key Motors');
      const row = await createCredential(app.strapi, broken.documentId, SANDBOX_ACCOUNTS.north);
      try {
        const envelope: string = row.accountNumber;
        const damaged = envelope.slice(0, -6) + (envelope.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
        await app.strapi.db.query('plugin::easycars.credential' as any).update({ where: { id: row.id }, data: { accountNumber: damaged } });

        const res = await as(superAdmin).get('/easycars/dealerships');
        expect(res.status).toBe(200);
        const byName = Object.fromEntries(res.body.data.map((d: any) => [d.name, d.credential]));
        expect(byName['Harbour Motors']).toMatchObject({ configured: true, readable: true, accountNumber: 'EC••••75' });
        expect(byName['Broken Key Motors']).toMatchObject({
          configured: true,
          id: row.id,
          readable: false,
          accountNumber: null,
          error: 'Credentials cannot be read — check the encryption key.',
        });
        expect(byName['Northside Cars']).toEqual({ configured: false });
        expect(JSON.stringify(res.body)).not.toContain('EC114575');
        expect(JSON.stringify(res.body)).not.toContain('EC208841');

        // Its credentials page still opens (so the values can be entered again), saying why nothing shows.
        const page = await as(superAdmin).get(`/easycars/credentials?dealership=${broken.documentId}`);
        expect(page.status).toBe(200);
        expect(page.body.data).toMatchObject({ id: row.id, accountNumber: null, readable: false, error: 'Credentials cannot be read — check the encryption key.' });

        // The credentials page (needs "Read credentials") still gets the full account number.
        const full = await as(superAdmin).get(`/easycars/credentials?dealership=${harbour}`);
        expect(full.body.data.accountNumber).toBe('EC114575');
      } finally {
        await app.strapi.db.query('plugin::easycars.credential' as any).delete({ where: { id: row.id } });
        await app.strapi.documents('api::dealership.dealership' as any).delete({ documentId: broken.documentId } as any);
      }
    });
  });

  describe('Leads page lists', () => {
    let leadId: string;

    beforeAll(async () => {
      const lead = await app.strapi.documents(LEAD as any).create({
        data: { customerName: 'Ava Brown', customerEmail: 'ava@example.com', leadStatus: 'new', dealership: { connect: [{ documentId: north }] } },
      } as any);
      leadId = lead.documentId;
      const records = app.strapi.db.query('plugin::easycars.lead-record' as any);
      const existing = await records.findOne({ where: { leadDocumentId: leadId } });
      if (existing) await records.update({ where: { id: existing.id }, data: { pushState: 'failed', pushError: 'EasyCars said no' } });
      else await records.create({ data: { dealership: north, leadDocumentId: leadId, pushState: 'failed', pushError: 'EasyCars said no' } });
      await app.strapi.db.query('plugin::easycars.lead-conflict' as any).create({
        data: { dealership: north, leadDocumentId: leadId, leadNumber: '42', field: 'customerEmail', baseValue: 'ava@example.com', localValue: 'ava@work.example', remoteValue: 'ava@home.example', state: 'open' },
      });
    });

    const roleWith = async (name: string, leadRead: { conditions: string[]; fields?: string[] } | null) => {
      const role = await app.createRole(name, [P('sync-logs.read')]);
      if (leadRead) {
        await app.strapi.service('admin::role').addPermissions(role, [
          { action: 'plugin::content-manager.explorer.read', subject: LEAD, conditions: leadRead.conditions, properties: { fields: leadRead.fields ?? ['customerName', 'customerEmail'] } },
        ]);
      }
      return newManager(role, [north]);
    };

    it('masks customer names and field values for "Read sync logs" alone, shows them with content-manager read', async () => {
      const logsOnly = await roleWith('Logs only', null);
      const leadReader = await roleWith('Logs and leads', { conditions: [] });
      const creatorOnly = await roleWith('Logs and own leads', { conditions: ['admin::is-creator'] });
      const noCustomerFields = await roleWith('Logs and lead status only', { conditions: [], fields: ['leadStatus'] });

      const pushes = async (user: TestAdmin) => (await as(user).get(`/easycars/leads/pushes?dealership=${north}`)).body.data.find((p: any) => p.leadDocumentId === leadId);
      const conflicts = async (user: TestAdmin) => (await as(user).get(`/easycars/leads/conflicts?dealership=${north}`)).body.data.find((c: any) => c.leadDocumentId === leadId);

      expect(await pushes(logsOnly)).toMatchObject({ customerName: 'A•• B••••', personalDataHidden: true, pushError: 'EasyCars said no' });
      expect(await pushes(leadReader)).toMatchObject({ customerName: 'Ava Brown', personalDataHidden: false });
      // The role's condition is applied: this lead was not created by that admin.
      expect(await pushes(creatorOnly)).toMatchObject({ customerName: 'A•• B••••', personalDataHidden: true });
      // …and so are its fields: reading leads without their customer fields is not reading the customer.
      expect(await pushes(noCustomerFields)).toMatchObject({ customerName: 'A•• B••••', personalDataHidden: true });
      expect(await conflicts(noCustomerFields)).toMatchObject({ localValue: '••••', personalDataHidden: true });

      expect(await conflicts(logsOnly)).toMatchObject({ field: 'customerEmail', baseValue: '••••', localValue: '••••', remoteValue: '••••', personalDataHidden: true });
      expect(JSON.stringify(await conflicts(logsOnly))).not.toContain('ava@');
      expect(await conflicts(leadReader)).toMatchObject({ localValue: 'ava@work.example', remoteValue: 'ava@home.example', personalDataHidden: false });
      expect(await conflicts(creatorOnly)).toMatchObject({ localValue: '••••', personalDataHidden: true });

      // The content-manager side panel shows the same conflict under the same rule.
      const panel = async (user: TestAdmin) => (await as(user).get(`/easycars/leads/status/${leadId}`)).body.data.conflict;
      expect(await panel(logsOnly)).toMatchObject({ localValue: '••••', remoteValue: '••••', personalDataHidden: true });
      expect(await panel(leadReader)).toMatchObject({ localValue: 'ava@work.example', personalDataHidden: false });
    });
  });
});
