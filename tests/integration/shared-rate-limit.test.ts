/**
 * EasyCars' per-host limit is one budget for every instance sharing the database (issue 15): two
 * clients, each with its own in-process limiter as two Strapi instances have, together never put
 * more requests in flight at the sandbox than the limit; without the shared budget they do.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { SANDBOX_ACCOUNTS, SANDBOX_CLIENT } from '../helpers/fixtures';
import { startSandbox, type RunningSandboxLike } from '../helpers/sandbox-types';
import { createEasyCarsClient, type EasyCarsClient, type SharedRequestBudget } from '../../src/plugins/easycars/server/src/client';
import { databaseRequestSlots, rateLimitFor, requestSlotKeys } from '../../src/plugins/easycars/server/src/locks/request-slots';

const LOCK = 'plugin::easycars.lock';
const LIMIT = 2;

describe(`one EasyCars request budget for all instances (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandboxLike;
  let app: TestApp;
  const clients: EasyCarsClient[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ stockCount: { EC114575: 2, EC208841: 2 } });
    app = await startStrapi({ env: { EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test, EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await app?.destroy();
    await sandbox?.close();
  });

  /** A client as one Strapi instance holds it: its own Bottleneck with `LIMIT` places, optionally the shared budget. */
  const instanceClient = (shared?: SharedRequestBudget) => {
    const client = createEasyCarsClient({ baseUrls: sandbox.baseUrls, rateLimit: { maxConcurrent: LIMIT, minTimeMs: 0, ...(shared ? { shared } : {}) }, maxRetries: 0 });
    clients.push(client);
    return client.forAccount({ environment: 'test', ...SANDBOX_CLIENT, ...SANDBOX_ACCOUNTS.harbour, leadClient: null });
  };

  /** Six stock-list calls from each of two "instances" at once; the most the sandbox answered at once. */
  const burstFromTwoInstances = async (shared?: SharedRequestBudget) => {
    const a = instanceClient(shared);
    const b = instanceClient(shared);
    // Tokens first, so the burst is data calls only.
    await Promise.all([a.getAdvertisementStocks(), b.getAdvertisementStocks()]);
    sandbox.control.setLatencyMs(120);
    sandbox.control.resetConcurrency();
    const results = await Promise.all([a, b].flatMap((api) => Array.from({ length: 6 }, () => api.getAdvertisementStocks())));
    sandbox.control.setLatencyMs(0);
    return { most: sandbox.control.concurrency().maxInFlight, lists: results.map((r) => r.items.length) };
  };

  it('keeps two instances within the limit together', async () => {
    const { most, lists } = await burstFromTwoInstances(databaseRequestSlots(app.strapi, { pollMs: 5 }));
    expect(lists).toEqual(Array(12).fill(2));
    expect(most).toBe(LIMIT);
    // Every place was given back.
    expect(await app.strapi.db.query(LOCK as any).count({ where: { lockKey: { $startsWith: 'easycars-api:' } } })).toBe(0);
  });

  it('(control) two instances limited only by themselves send twice the limit at once', async () => {
    const { most } = await burstFromTwoInstances();
    expect(most).toBeGreaterThan(LIMIT);
  });

  it('frees the places of an instance that died holding them once their leases run out', async () => {
    const host = new URL(sandbox.baseUrls.test).host;
    const table = app.strapi.db.metadata.get(LOCK as any).tableName;
    await app.strapi.db
      .connection(table)
      .insert(requestSlotKeys(host, LIMIT).map((key) => ({ lock_key: key, owner: 'killed-instance', expires_at: Date.now() + 400, document_id: key, created_at: new Date(), updated_at: new Date() })));
    const budget = databaseRequestSlots(app.strapi, { pollMs: 10 });
    const started = Date.now();
    const giveBack = await budget.acquire(host, LIMIT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const row = await app.strapi.db.connection(table).whereIn('lock_key', requestSlotKeys(host, LIMIT)).whereNot('owner', 'killed-instance').first();
    expect(row).toBeTruthy();
    await giveBack();
    await app.strapi.db.connection(table).whereIn('lock_key', requestSlotKeys(host, LIMIT)).del();
  });

  it('is used by the plugin on PostgreSQL, where instances share the database, and not on SQLite', () => {
    const limits = rateLimitFor(app.strapi);
    expect(limits.maxConcurrent).toBe(4);
    if ((process.env.DB_TEST_CLIENT ?? 'sqlite') === 'postgres') expect(limits.shared).toBeDefined();
    else expect(limits.shared).toBeUndefined();
  });
});
