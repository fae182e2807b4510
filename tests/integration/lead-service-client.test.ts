/**
 * "Test connection" covers the LeadService too, and a dealership may have a separate client pair for
 * leads (issue 10): each service reported on its own, the lead pair stored encrypted and never shown,
 * and every LeadService call of the lead sync made with it.
 */
import { SANDBOX_CREDENTIALS, type RunningSandboxLike } from '../helpers/sandbox-types';
import type { TestApp } from '../helpers/strapi';
import { runLeadSync, settledRecord, startLeadWorld, type LeadWorld } from '../helpers/lead-world';

const MAIN = SANDBOX_CREDENTIALS.client;
const LEAD_ONLY = SANDBOX_CREDENTIALS.leadOnlyClient;
const ACCOUNT = SANDBOX_CREDENTIALS.accounts.EC114575;
const SECRETS = [MAIN.clientSecret, LEAD_ONLY.clientSecret, LEAD_ONLY.clientId, ACCOUNT.accountSecret];

describe(`connection test and the lead service client (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let world: LeadWorld;
  let sandbox: RunningSandboxLike;
  let app: TestApp;
  let credentialId: number;

  const auth = (req: any) => req.set('Authorization', `Bearer ${world.token}`);
  const testStored = (body: Record<string, unknown> = {}) => auth(app.http().post('/easycars/test-connection')).send({ credential: credentialId, ...body });
  const update = (body: Record<string, unknown>) => auth(app.http().put(`/easycars/credentials/${credentialId}`)).send(body);
  const tokenRequests = (service: string) =>
    sandbox.control
      .requestLog()
      .filter((e) => e.endpoint === 'RequestToken' && e.service === service)
      .map((e) => String(e.clientId).toUpperCase());
  const expectNoSecrets = (value: unknown) => {
    const text = JSON.stringify(value).toLowerCase();
    for (const secret of SECRETS) expect(text).not.toContain(secret.toLowerCase());
  };

  beforeAll(async () => {
    world = await startLeadWorld();
    ({ sandbox, app } = world);
    credentialId = (await app.strapi.plugin('easycars').service('credentials').findByDealership(world.harbour)).id;
  });
  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox.control.reset();
    app.strapi.plugin('easycars').service('easycarsClient').client().clearTokens();
  });

  it('checks both services with one harmless lead call, and says so service by service', async () => {
    const res = await testStored();
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: true, stock: { ok: true, stockCount: 250 }, leads: { ok: true, clientPair: 'main', required: true } });
    expect(res.body.data.message).toBe('EasyCars (test). Stock: connected, 250 vehicles. Leads: connected.');
    const leadCalls = sandbox.control.requestLog().filter((e) => e.service === 'LeadService' && e.endpoint !== 'RequestToken');
    expect(leadCalls.map((e) => e.endpoint)).toEqual(['SearchContacts']);
    expect(leadCalls[0]!.body).toMatchObject({ AccountNumber: ACCOUNT.accountNumber, Email: 'connection-test@easycars-strapi.invalid' });
    expect(sandbox.control.listLeads(ACCOUNT.accountNumber)).toHaveLength(0);
  });

  it('a client not enabled for the LeadService: stock connected, leads refused with what to do, and the test fails', async () => {
    sandbox.control.setClientServices(MAIN.clientId, ['StockService']);
    const res = await testStored();
    expect(res.body.data).toMatchObject({
      ok: false,
      stock: { ok: true, stockCount: 250 },
      leads: { ok: false, failedPair: 'client', reason: 'authentication', code: 1, clientPair: 'main' },
    });
    expect(res.body.data.message).toMatch(/^EasyCars \(test\)\. Stock: connected, 250 vehicles\. Leads: EasyCars refused the client ID \/ client secret for the LeadService/);
    expect(res.body.data.leads.message).toContain('Lead service client (if different)');
    const stored = await auth(app.http().get(`/easycars/credentials?dealership=${world.harbour}`));
    expect(stored.body.data.lastTest).toMatchObject({ ok: false });
    expect(stored.body.data.lastTest.message).toContain('Leads: EasyCars refused');
    expectNoSecrets(res.body);
  });

  it('with lead sync off, a lead failure is reported but does not fail the test', async () => {
    sandbox.control.setClientServices(MAIN.clientId, ['StockService']);
    expect((await update({ leadSyncEnabled: false })).status).toBe(200);
    try {
      const res = await testStored();
      expect(res.body.data).toMatchObject({ ok: true, stock: { ok: true }, leads: { ok: false, required: false } });
      expect(res.body.data.message).toContain('(Lead sync is off for this dealership.)');
    } finally {
      await update({ leadSyncEnabled: true });
    }
  });

  it('refuses half a lead pair, by field', async () => {
    const res = await update({ leadClientId: LEAD_ONLY.clientId });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Lead service client: give both the ClientID and the ClientSecret, or neither');
    expect(res.body.error.details.errors[0].path).toEqual(['leadClientSecret']);
    const bad = await auth(app.http().post('/easycars/test-connection')).send({ environment: 'test', ...MAIN, ...ACCOUNT, leadClientSecret: LEAD_ONLY.clientSecret });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['leadClientId']);
    expectNoSecrets(res.body);
  });

  it('a separate lead pair: tried before saving, stored encrypted and masked, used for every LeadService call of the lead sync', async () => {
    sandbox.control.setClientServices(MAIN.clientId, ['StockService']);
    const tried = await testStored({ leadClientId: LEAD_ONLY.clientId, leadClientSecret: LEAD_ONLY.clientSecret });
    expect(tried.body.data).toMatchObject({ ok: true, leads: { ok: true, clientPair: 'lead' } });
    expect(tried.body.data.message).toContain('Leads: connected (with the lead service client).');

    const saved = await update({ leadClientId: LEAD_ONLY.clientId, leadClientSecret: LEAD_ONLY.clientSecret });
    expect(saved.status).toBe(200);
    expect(saved.body.data.leadClient).toEqual({ clientId: `••••${LEAD_ONLY.clientId.slice(-4)}`, hasClientSecret: true });
    expect(saved.body.data.lastTest).toBeNull(); // a connection field changed
    expectNoSecrets(saved.body);
    const row = await app.strapi.db.query('plugin::easycars.credential' as any).findOne({ where: { id: credentialId } });
    expect(row.leadClientSecret).toMatch(/^ec\d:/);
    expect(JSON.stringify(row).toLowerCase()).not.toContain(LEAD_ONLY.clientSecret.toLowerCase());

    // The website's lead goes out with the lead pair's token; the stock sync keeps the main pair.
    sandbox.control.clearRequestLog();
    const lead = await app.strapi.documents('api::lead.lead' as any).create({
      data: {
        customerName: 'Noah Lee',
        customerEmail: 'noah.lee@example.com',
        vehicleMake: 'Mazda',
        vehicleModel: 'CX-5',
        vehicleYear: 2022,
        vehicleType: 'car',
        isVehicleNew: false,
        interest: 'buy',
        dealership: { connect: [{ documentId: world.harbour }] },
      } as any,
    } as any);
    expect((await settledRecord(app, lead.documentId)).pushState).toBe('pushed');
    const log = await runLeadSync(world);
    expect(log.status).toBe('success');
    expect(new Set(tokenRequests('LeadService'))).toEqual(new Set([LEAD_ONLY.clientId.toUpperCase()]));
    expect(sandbox.control.listLeads(ACCOUNT.accountNumber).map((l) => String(l.createdByClientId).toUpperCase())).toEqual([LEAD_ONLY.clientId.toUpperCase()]);

    const stock = await auth(app.http().post('/easycars/test-connection')).send({ credential: credentialId });
    expect(stock.body.data).toMatchObject({ ok: true, stock: { ok: true }, leads: { ok: true, clientPair: 'lead' } });
    expect(tokenRequests('StockService')).toContain(MAIN.clientId.toUpperCase());
    expect(tokenRequests('StockService')).not.toContain(LEAD_ONLY.clientId.toUpperCase());
    expectNoSecrets(app.logs().join('\n'));
  });

  it('removing the lead pair goes back to the main client for leads', async () => {
    const removed = await update({ removeLeadClient: true });
    expect(removed.status).toBe(200);
    expect(removed.body.data.leadClient).toBeNull();
    const row = await app.strapi.db.query('plugin::easycars.credential' as any).findOne({ where: { id: credentialId } });
    expect(row).toMatchObject({ leadClientId: null, leadClientSecret: null, leadClientIdHint: null });
    const res = await testStored();
    expect(res.body.data).toMatchObject({ ok: true, leads: { ok: true, clientPair: 'main' } });
    expect(tokenRequests('LeadService')).toEqual([MAIN.clientId.toUpperCase()]);
    const both = await update({ removeLeadClient: true, leadClientId: LEAD_ONLY.clientId, leadClientSecret: LEAD_ONLY.clientSecret });
    expect(both.status).toBe(400);
  });
});
