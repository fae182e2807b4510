/**
 * The lead push is durable: a push still pending when Strapi stops is sent after the restart,
 * exactly once (SQLite: in-process queue + lead-record outbox; PostgreSQL: pg-boss).
 */
import { startSandbox, SANDBOX_CREDENTIALS, type RunningSandboxLike } from '../helpers/sandbox-types';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { waitFor } from '../helpers/fixtures';

const ACCOUNT = 'EC114575';

describe(`lead push across a restart (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandboxLike;
  let app: TestApp | undefined;
  const boot = (database?: TestApp['db']) =>
    startStrapi({
      ...(database ? { database } : {}),
      env: {
        EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
        EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
        EASYCARS_MIN_TIME_MS: '0',
        EASYCARS_TIMEOUT_MS: '8000',
      },
    });

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });

  it('a pending push survives the restart and runs once', async () => {
    app = await boot();
    const dealership = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'Harbour Motors', timezone: 'Australia/Sydney' } as any });
    await app.strapi.plugin('easycars').service('credentials').create(
      { dealership: dealership.documentId, environment: 'test', isActive: true },
      { ...SANDBOX_CREDENTIALS.client, ...SANDBOX_CREDENTIALS.accounts[ACCOUNT] },
    );
    // The LeadService token request hangs: the push job is stuck before anything reaches CreateLead.
    sandbox.control.injectFault({ endpoint: 'RequestToken', service: 'LeadService', kind: 'hang', hangMs: 60000, times: 1 });
    const lead = await app.strapi.documents('api::lead.lead' as any).create({
      data: {
        customerName: 'Ava Brown', customerEmail: 'ava.restart@example.com', vehicleMake: 'Toyota', vehicleModel: 'Corolla',
        vehicleYear: 2021, vehicleType: 'car', isVehicleNew: false, interest: 'buy', dealership: { connect: [{ documentId: dealership.documentId }] },
      } as any,
    });
    await waitFor(async () => sandbox.control.requestLog().some((e) => e.endpoint === 'RequestToken' && e.service === 'LeadService'));
    const db = app.db;
    await app.destroy({ keepDatabase: true });
    app = undefined;
    sandbox.control.clearFaults();

    app = await boot(db);
    const record = await waitFor(async () => {
      const r = await app!.strapi.db.query('plugin::easycars.lead-record' as any).findOne({ where: { leadDocumentId: lead.documentId } });
      return r?.pushState === 'pushed' ? r : null;
    }, 30000);
    expect(record.LeadNumber).toBeTruthy();
    const created = sandbox.control.listLeads(ACCOUNT).filter((l: any) => l.ExternalID === lead.documentId);
    expect(created).toHaveLength(1);
    expect(sandbox.control.requestLog().filter((e) => e.endpoint === 'CreateLead')).toHaveLength(1);
  });
});
