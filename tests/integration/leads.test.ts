/**
 * Lead sync end to end on the real Strapi and the EasyCars sandbox (SQLite and PostgreSQL):
 * push from the content manager, retries, timeouts, refresh, import, status both ways, conflicts.
 */
import { SANDBOX_CREDENTIALS, type RunningSandboxLike } from '../helpers/sandbox-types';
import type { TestApp } from '../helpers/strapi';
import {
  createLeadInCM,
  leadRecord,
  pushedLead as pushedLeadIn,
  runLeadSync as runLeadSyncIn,
  saveLeadInCM,
  setLeadStrategy,
  settledRecord,
  startLeadWorld,
  updateLeadInCM,
} from '../helpers/lead-world';
import { waitFor } from '../helpers/fixtures';

const LEAD = 'api::lead.lead';
const ACCOUNT = 'EC114575';

describe(`lead sync (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandboxLike;
  let app: TestApp;
  let token: string;
  let harbour: string;

  const auth = (req: any) => req.set('Authorization', `Bearer ${token}`);
  const record = (leadDocumentId: string) => leadRecord(app, leadDocumentId);
  const settled = (leadDocumentId: string, states?: string[]) => settledRecord(app, leadDocumentId, states);
  const calls = (endpoint: string) => sandbox.control.requestLog().filter((e) => e.endpoint === endpoint);
  const localLead = (documentId: string) => app.strapi.documents(LEAD as any).findOne({ documentId } as any) as Promise<any>;

  const baseLead = (over: Record<string, unknown> = {}) => ({
    customerName: 'Ava Brown',
    customerEmail: `ava.${Math.random().toString(36).slice(2, 8)}@example.com`,
    customerMobile: '0400 111 222',
    customerCity: 'Sydney',
    customerState: 'NSW',
    customerPostCode: '2000',
    message: 'Is it still available?',
    vehicleMake: 'Toyota',
    vehicleModel: 'Corolla',
    vehicleYear: 2021,
    vehiclePrice: 25990,
    vehicleType: 'car',
    isVehicleNew: false,
    interest: 'lease',
    financeStatus: 'maybe',
    rating: 'hot',
    sourcePageUrl: 'https://dealer.example/cars/1',
    dealership: { connect: [{ documentId: harbour }] },
    ...over,
  });
  const createInCM = (over: Record<string, unknown> = {}) => createLeadInCM({ app, token }, baseLead(over));
  const updateInCM = (documentId: string, data: Record<string, unknown>) => saveLeadInCM({ app, token }, documentId, data);
  /** Status changes as an editor makes them, through the content-manager API. */
  const setStatus = (documentId: string, status: string) => updateLeadInCM({ app, token }, documentId, { leadStatus: status });
  const pushedLead = (over: Record<string, unknown> = {}) => pushedLeadIn({ app, token }, baseLead(over));
  const runLeadSync = () => runLeadSyncIn({ sandbox, app, token, harbour });
  const setStrategy = (strategy: string) => setLeadStrategy({ sandbox, app, token, harbour }, strategy);

  beforeAll(async () => {
    ({ sandbox, app, token, harbour } = await startLeadWorld({ EASYCARS_IMAGE_HOSTS: '127.0.0.1', EASYCARS_IMAGE_HTTP_HOSTS: '127.0.0.1', EASYCARS_IMAGES_ALLOW_PRIVATE: 'true' }));
  });
  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox.control.clearFaults();
    sandbox.control.setIncludeLeadStatus(false);
  });

  it('a lead created in the content manager reaches EasyCars with exactly the right fields and gets its LeadNumber', async () => {
    sandbox.control.clearRequestLog();
    const email = 'ava.first@example.com';
    const { id, rec } = await pushedLead({ customerEmail: email });
    const creates = calls('CreateLead');
    expect(creates).toHaveLength(1);
    const { AccountNumber, AccountSecret, ...body } = creates[0]!.body as Record<string, unknown>;
    expect(AccountNumber).toBe(ACCOUNT);
    expect(AccountSecret).not.toBe(SANDBOX_CREDENTIALS.accounts[ACCOUNT].accountSecret);
    expect(body).toEqual({
      VehicleMake: 'Toyota',
      VehicleModel: 'Corolla',
      VehicleYear: 2021,
      VehiclePrice: 25990,
      VehicleType: 1,
      IsVehicleNew: false,
      VehicleInterest: 2,
      FinanceStatus: 3,
      Rating: 3,
      Notes: 'Is it still available?',
      VehicleSourcePageURL: 'https://dealer.example/cars/1',
      ExternalID: id,
      LeadCustomer: { Name: 'Ava Brown', Email: email, Mobile: '0400 111 222', City: 'Sydney', State: 'NSW', PostCode: '2000' },
    });
    expect(rec.LeadNumber).toMatch(/^\d{6}$/);
    expect(rec.CustomerNo).toBeTruthy();
    expect(rec.ExternalID).toBe(id);
    expect(rec.CreatedDateTime).toBeTruthy();
    const remote = sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!;
    expect(remote).toMatchObject({ ExternalID: id, VehicleMake: 'Toyota', CustomerEmail: email });

    const column = await auth(app.http().get('/easycars/leads/status').query({ documentIds: id }));
    expect(column.body.data[id]).toEqual({ badge: 'sent', leadNumber: rec.LeadNumber, origin: 'here' });
    const panel = await auth(app.http().get(`/easycars/leads/status/${id}`));
    expect(panel.body.data).toMatchObject({ leadNumber: rec.LeadNumber, customerNo: rec.CustomerNo, pushState: 'pushed', conflict: null });
    expect(app.logs().join('\n')).not.toContain(SANDBOX_CREDENTIALS.accounts[ACCOUNT].accountSecret);
  });

  it('reuses an existing EasyCars customer (SearchContacts by email) instead of making a duplicate', async () => {
    sandbox.control.clearRequestLog();
    const { rec } = await pushedLead({ customerEmail: 'olivia.nguyen@example.com', customerName: 'Olivia Nguyen' });
    expect(calls('SearchContacts')[0]!.body).toMatchObject({ Email: 'olivia.nguyen@example.com' });
    expect((calls('CreateLead')[0]!.body as any).LeadCustomer.CustomerNo).toBe('00001');
    expect(rec.CustomerNo).toBe('00001');
  });

  it('a later local change sends UpdateLead with only what changed', async () => {
    const { id, rec } = await pushedLead();
    sandbox.control.clearRequestLog();
    const res = await updateInCM(id, { ...baseLead(), customerEmail: (await localLead(id)).customerEmail, rating: 'cold', message: 'Call after 5pm' });
    expect(res.status).toBe(200);
    await waitFor(async () => calls('UpdateLead').length === 1 && (await record(id)).pushState === 'pushed');
    const { AccountNumber, AccountSecret, ...body } = calls('UpdateLead')[0]!.body as Record<string, unknown>;
    expect(body).toEqual({ LeadNumber: rec.LeadNumber, Rating: 1, Notes: 'Call after 5pm' });
    expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)).toMatchObject({ Rating: 1, Notes: 'Call after 5pm' });
  });

  it('a lead that cannot be sent is failed with a reason naming the field, listed, and goes out once fixed', async () => {
    sandbox.control.clearRequestLog();
    const id = await createInCM({ vehicleMake: null });
    const rec = await settled(id);
    expect(rec.pushState).toBe('failed');
    expect(rec.pushError).toContain('VehicleMake is required (lead field: vehicleMake)');
    expect(calls('CreateLead')).toHaveLength(0);
    const list = await auth(app.http().get('/easycars/leads/pushes').query({ dealership: harbour }));
    expect(list.body.data.find((p: any) => p.leadDocumentId === id)).toMatchObject({ pushState: 'failed' });
    const column = await auth(app.http().get('/easycars/leads/status').query({ documentIds: id }));
    expect(column.body.data[id].badge).toBe('failed');

    await updateInCM(id, { vehicleMake: 'Kia' });
    expect((await settled(id, ['pushed'])).LeadNumber).toBeTruthy();
  });

  it('an HTTP 500 to CreateLead is not resent (EasyCars may have stored it): the lead is flagged for review', async () => {
    sandbox.control.clearRequestLog();
    sandbox.control.injectFault({ endpoint: 'CreateLead', kind: 'http500-html', times: 2 });
    const id = await createInCM();
    const rec = await settled(id);
    expect(rec.pushState).toBe('review');
    expect(rec.pushError).toContain(`ExternalID ${id}`);
    expect(calls('CreateLead')).toHaveLength(1);
  });

  it('a rate-limited CreateLead (HTTP 429) was not processed: it is retried and created once', async () => {
    sandbox.control.clearRequestLog();
    sandbox.control.injectFault({ endpoint: 'CreateLead', kind: 'http429', retryAfterSeconds: 1, times: 2 });
    const { id } = await pushedLead();
    expect(calls('CreateLead')).toHaveLength(3);
    expect(sandbox.control.listLeads(ACCOUNT).filter((l: any) => l.ExternalID === id)).toHaveLength(1);
  });

  it('a refused CreateLead (Code 7) fails with the reason and is sent again by the retry action', async () => {
    sandbox.control.clearRequestLog();
    sandbox.control.injectFault({ endpoint: 'CreateLead', kind: 'code7', times: 1 });
    const id = await createInCM();
    const rec = await settled(id);
    expect(rec.pushState).toBe('failed');
    expect(calls('CreateLead')).toHaveLength(1);
    const retry = await auth(app.http().post(`/easycars/leads/pushes/${rec.id}/retry`)).send({ dealership: harbour });
    expect(retry.status).toBe(200);
    expect((await settled(id, ['pushed'])).LeadNumber).toBeTruthy();
  });

  it('a CreateLead timeout is flagged for review, never resent; importing its number links it', async () => {
    sandbox.control.clearRequestLog();
    sandbox.control.injectFault({ endpoint: 'CreateLead', kind: 'hang', hangMs: 4000, times: 1 });
    const id = await createInCM();
    const rec = await settled(id);
    expect(rec.pushState).toBe('review');
    expect(rec.pushError).toContain('may have been created');
    await new Promise((r) => setTimeout(r, 3000));
    expect(calls('CreateLead')).toHaveLength(1);
    expect((await record(id)).pushState).toBe('review');
    // Saving the lead again must not send a second CreateLead either.
    await updateInCM(id, { rating: 'warm' });
    await new Promise((r) => setTimeout(r, 500));
    expect(calls('CreateLead')).toHaveLength(1);

    const remote = sandbox.control.listLeads(ACCOUNT).filter((l: any) => l.ExternalID === id);
    expect(remote).toHaveLength(1);
    const res = await auth(app.http().post('/easycars/leads/import')).send({ dealership: harbour, leadNumber: remote[0].LeadNumber });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ leadDocumentId: id, leadNumber: remote[0].LeadNumber, outcome: 'linked' });
    expect(await record(id)).toMatchObject({ pushState: 'pushed', LeadNumber: remote[0].LeadNumber });
  });

  it('inbound refresh applies a change made in EasyCars, with a sync log per lead', async () => {
    const { id, rec } = await pushedLead();
    sandbox.control.updateLead(rec.LeadNumber, { Notes: 'Customer called back', CustomerMobile: '0400 999 888', Rating: 2 }, ACCOUNT);
    const log = await runLeadSync();
    expect(['success', 'warning']).toContain(log.status);
    expect(log.updated).toBeGreaterThanOrEqual(1);
    expect(log.failed).toBe(0);
    expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'updated' })]));
    expect(await localLead(id)).toMatchObject({ message: 'Customer called back', customerMobile: '0400 999 888', rating: 'warm' });
    // Applying EasyCars' change does not echo it back as an UpdateLead.
    sandbox.control.clearRequestLog();
    await new Promise((r) => setTimeout(r, 500));
    expect(calls('UpdateLead')).toHaveLength(0);
    const again = await runLeadSync();
    expect(again.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'unchanged' })]));
  });

  it('imports a lead by its number, once', async () => {
    const api = app.strapi.plugin('easycars').service('easycarsClient').forCredential({
      environment: 'test',
      ...SANDBOX_CREDENTIALS.client,
      ...SANDBOX_CREDENTIALS.accounts[ACCOUNT],
    });
    const made = await api.createLead({
      VehicleMake: 'Mazda', VehicleModel: 'CX-5', VehicleType: 1, VehicleYear: 2022, IsVehicleNew: true, VehicleInterest: 4,
      Rating: 1, LeadCustomer: { Name: 'Noah Lee', Email: 'noah.lee@example.com' },
    });
    const res = await auth(app.http().post('/easycars/leads/import')).send({ dealership: harbour, leadNumber: made.LeadNumber });
    expect(res.status).toBe(201);
    expect(res.body.data.outcome).toBe('created');
    const local = await app.strapi.documents(LEAD as any).findOne({ documentId: res.body.data.leadDocumentId, populate: ['dealership'] } as any) as any;
    expect(local).toMatchObject({ vehicleMake: 'Mazda', vehicleModel: 'CX-5', interest: 'test_drive', rating: 'cold', isVehicleNew: true, customerName: 'Noah Lee', leadStatus: 'new' });
    expect(local.dealership.documentId).toBe(harbour);
    const again = await auth(app.http().post('/easycars/leads/import')).send({ dealership: harbour, leadNumber: made.LeadNumber });
    expect(again.status).toBe(409);
    const missing = await auth(app.http().post('/easycars/leads/import')).send({ dealership: harbour, leadNumber: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('leadNumber is required');
  });

  it('refuses (409) to import a lead whose ExternalID names another dealership\'s lead, and leaves that lead alone', async () => {
    const other = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'Other Motors', timezone: 'Australia/Sydney' } as any });
    const theirs = (await app.strapi.documents(LEAD as any).create({
      data: { customerName: 'Mia Other', customerEmail: 'mia.other@example.com', vehicleMake: 'Kia', message: 'theirs', dealership: { connect: [{ documentId: other.documentId }] } },
    } as any)) as any;
    const api = app.strapi.plugin('easycars').service('easycarsClient').forCredential({
      environment: 'test',
      ...SANDBOX_CREDENTIALS.client,
      ...SANDBOX_CREDENTIALS.accounts[ACCOUNT],
    });
    const made = await api.createLead({
      VehicleMake: 'Mazda', VehicleModel: 'CX-5', VehicleType: 1, VehicleYear: 2022, IsVehicleNew: true, VehicleInterest: 4,
      Rating: 1, ExternalID: theirs.documentId, LeadCustomer: { Name: 'Noah Lee', Email: 'noah.lee@example.com' },
    });
    const res = await auth(app.http().post('/easycars/leads/import')).send({ dealership: harbour, leadNumber: made.LeadNumber });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('another dealership');
    const after = (await app.strapi.documents(LEAD as any).findOne({ documentId: theirs.documentId, populate: ['dealership'] } as any)) as any;
    expect(after).toMatchObject({ customerName: 'Mia Other', vehicleMake: 'Kia', message: 'theirs' });
    expect(after.dealership.documentId).toBe(other.documentId);
    expect(await record(theirs.documentId)).toMatchObject({ dealership: other.documentId, LeadNumber: null });
  });

  it('status both ways: a local change is pushed, an EasyCars change is applied', async () => {
    const { id, rec } = await pushedLead();
    sandbox.control.clearRequestLog();
    await setStatus(id, 'in_progress');
    await waitFor(async () => (await record(id)).syncedStatus === 30);
    expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.LeadStatus).toBe(30);
    expect((calls('UpdateLead')[0]!.body as any).LeadStatus).toBe(30);

    sandbox.control.setIncludeLeadStatus(true);
    sandbox.control.updateLead(rec.LeadNumber, { LeadStatus: 50 }, ACCOUNT);
    await runLeadSync();
    expect((await localLead(id)).leadStatus).toBe('won');
    const audit = await app.strapi.db.query('plugin::easycars.audit-entry' as any).findMany({ where: { entityId: id, action: { $startsWith: 'lead.status' } } });
    expect(audit.map((a: any) => a.action)).toEqual(expect.arrayContaining(['lead.status.push', 'lead.status.pull']));
  });

  it('deleted is final: pushed as 90, and a local revive is refused with a clear message', async () => {
    const { id, rec } = await pushedLead();
    await setStatus(id, 'deleted');
    await waitFor(async () => (await record(id)).syncedStatus === 90);
    expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.LeadStatus).toBe(90);
    const refused = await updateInCM(id, { leadStatus: 'in_progress' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('This lead is deleted in EasyCars and cannot be reopened');
    expect((await localLead(id)).leadStatus).toBe('deleted');
  });

  describe('conflicts (both sides changed the status since the last sync)', () => {
    const conflicting = async () => {
      const { id, rec } = await pushedLead();
      sandbox.control.setIncludeLeadStatus(true);
      sandbox.control.updateLead(rec.LeadNumber, { LeadStatus: 60 }, ACCOUNT); // EasyCars: lost
      return { id, rec };
    };

    it('manual review queues one conflict; resolving applies it on both sides once, and it does not come back', async () => {
      await setStrategy('manual');
      const { id, rec } = await conflicting();
      await setStatus(id, 'won');
      const list = await waitFor(async () => {
        const res = await auth(app.http().get('/easycars/leads/conflicts').query({ dealership: harbour, state: 'open' }));
        return res.body.data.find((c: any) => c.leadDocumentId === id);
      });
      expect(list).toMatchObject({ baseValue: 'new', localValue: 'won', remoteValue: 'lost', state: 'open' });
      expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.LeadStatus).toBe(60);

      const log = await runLeadSync();
      expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'conflict' })]));
      const open = await app.strapi.db.query('plugin::easycars.lead-conflict' as any).findMany({ where: { leadDocumentId: id } });
      expect(open).toHaveLength(1);

      const bad = await auth(app.http().post(`/easycars/leads/conflicts/${list.id}/resolve`)).send({ dealership: harbour, choice: 'both' });
      expect(bad.status).toBe(400);
      const res = await auth(app.http().post(`/easycars/leads/conflicts/${list.id}/resolve`)).send({ dealership: harbour, choice: 'local' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ state: 'resolved', resolution: 'local' });
      expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.LeadStatus).toBe(50);
      expect((await localLead(id)).leadStatus).toBe('won');
      const twice = await auth(app.http().post(`/easycars/leads/conflicts/${list.id}/resolve`)).send({ dealership: harbour, choice: 'easycars' });
      expect(twice.status).toBe(409);

      const after = await runLeadSync();
      expect(after.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'unchanged' })]));
      expect(await app.strapi.db.query('plugin::easycars.lead-conflict' as any).count({ where: { leadDocumentId: id } })).toBe(1);
      expect(await app.strapi.db.query('plugin::easycars.audit-entry' as any).count({ where: { entityId: id, action: 'lead.status.conflict.resolve' } })).toBe(1);
    });

    it('local wins: the local status is sent to EasyCars', async () => {
      await setStrategy('local_wins');
      const { id, rec } = await conflicting();
      await setStatus(id, 'won');
      await waitFor(async () => sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.LeadStatus === 50);
      expect((await localLead(id)).leadStatus).toBe('won');
      expect(await app.strapi.db.query('plugin::easycars.lead-conflict' as any).count({ where: { leadDocumentId: id } })).toBe(0);
    });

    it('EasyCars wins: the EasyCars status is applied locally, on push and on refresh', async () => {
      await setStrategy('easycars_wins');
      const { id, rec } = await conflicting();
      await setStatus(id, 'won');
      await waitFor(async () => (await localLead(id)).leadStatus === 'lost');
      expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.LeadStatus).toBe(60);
      const log = await runLeadSync();
      expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'unchanged' })]));
      await setStrategy('manual');
    });
  });

  it('a lead of a dealership without credentials is not sent', async () => {
    const other = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'No Creds Cars', timezone: 'Australia/Sydney' } as any });
    const id = await createInCM({ dealership: { connect: [{ documentId: other.documentId }] } });
    const rec = await settled(id);
    expect(rec.pushState).toBe('not_applicable');
    const column = await auth(app.http().get('/easycars/leads/status').query({ documentIds: id }));
    expect(column.body.data[id]).toEqual({ badge: 'not_sent', leadNumber: null, origin: 'here' });
  });
});
