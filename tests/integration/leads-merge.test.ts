/**
 * Issue 10, "edits never silently lost" and friends, end to end on the real Strapi and the sandbox (SQLite and
 * PostgreSQL): every synced field merged three ways, customer changes EasyCars does not take, UpdateLead's
 * CustomerNo, bounded refresh, origin, and what the lead-record keeps of the customer.
 */
import { SANDBOX_CREDENTIALS, type RunningSandboxLike } from '../helpers/sandbox-types';
import type { TestApp } from '../helpers/strapi';
import {
  leadRecord,
  pushedLead as pushedLeadIn,
  runLeadSync as runLeadSyncIn,
  setLeadStrategy,
  settledRecord,
  startLeadWorld,
  updateLeadInCM,
} from '../helpers/lead-world';
import { waitFor } from '../helpers/fixtures';

const LEAD = 'api::lead.lead';
const RECORD = 'plugin::easycars.lead-record';
const CONFLICT = 'plugin::easycars.lead-conflict';
const ACCOUNT = 'EC114575';

describe(`lead merge (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandboxLike;
  let app: TestApp;
  let token: string;
  let harbour: string;

  const auth = (req: any) => req.set('Authorization', `Bearer ${token}`);
  const record = (leadDocumentId: string) => leadRecord(app, leadDocumentId);
  const settled = (leadDocumentId: string, states?: string[]) => settledRecord(app, leadDocumentId, states);
  const calls = (endpoint: string) => sandbox.control.requestLog().filter((e) => e.endpoint === endpoint);
  const localLead = (documentId: string) => app.strapi.documents(LEAD as any).findOne({ documentId } as any) as Promise<any>;
  const unique = () => Math.random().toString(36).slice(2, 8);

  const baseLead = (over: Record<string, unknown> = {}) => ({
    customerName: 'Ava Brown',
    customerEmail: `ava.${unique()}@example.com`,
    customerMobile: '0400 111 222',
    customerCity: 'Sydney',
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
    dealership: { connect: [{ documentId: harbour }] },
    ...over,
  });
  const update = (documentId: string, data: Record<string, unknown>) => updateLeadInCM({ app, token }, documentId, data);
  /** Waits until the push the last save queued has run (the record leaves pending). */
  const pushed = async (documentId: string, since: string) =>
    waitFor(async () => {
      const r = await record(documentId);
      return r && r.pushState !== 'pending' && r.updatedAt !== since ? r : null;
    }, 20000);
  const pushedLead = (over: Record<string, unknown> = {}) => pushedLeadIn({ app, token }, baseLead(over));
  const runLeadSync = () => runLeadSyncIn({ sandbox, app, token, harbour });
  const setStrategy = (strategy: string) => setLeadStrategy({ sandbox, app, token, harbour }, strategy);
  const openConflicts = async (id: string) => {
    const res = await auth(app.http().get('/easycars/leads/conflicts').query({ dealership: harbour, state: 'open' }));
    return (res.body.data as any[]).filter((c) => c.leadDocumentId === id);
  };
  const panel = async (id: string) => (await auth(app.http().get(`/easycars/leads/status/${id}`))).body.data;

  beforeAll(async () => {
    ({ sandbox, app, token, harbour } = await startLeadWorld());
  });
  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox.control.clearFaults();
    sandbox.control.setLeadCustomerUpdates('ignore');
  });

  it('a customer change EasyCars does not take stays local, is flagged "not accepted", survives refreshes and is not re-sent', async () => {
    const { id, rec } = await pushedLead();
    const remoteMobile = sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.CustomerMobile;
    sandbox.control.clearRequestLog();
    await update(id, { customerMobile: '0499 000 111', message: 'Please call my new number' });
    const after = await pushed(id, rec.updatedAt);
    // Notes went through; the customer's mobile did not (the sandbox, like the vendor document, keeps the customer's details).
    expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)).toMatchObject({ Notes: 'Please call my new number', CustomerMobile: remoteMobile });
    expect(calls('UpdateLead')).toHaveLength(1);
    expect(calls('GetLeadDetail').length).toBeGreaterThanOrEqual(2); // before (merge) and after (read-back)
    expect(after.refusedValues).toEqual({ customerMobile: expect.any(String) });
    expect(JSON.stringify(after.refusedValues)).not.toContain('0499');
    expect(after.pushError).toContain('Not accepted by EasyCars');
    expect(after.syncedValues).toMatchObject({ customerMobile: remoteMobile, message: 'Please call my new number' });
    expect(await panel(id)).toMatchObject({ notAccepted: ['customerMobile'] });

    sandbox.control.clearRequestLog();
    for (let i = 0; i < 2; i += 1) {
      const log = await runLeadSync();
      expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'unchanged' })]));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(calls('UpdateLead')).toHaveLength(0);
    expect((await localLead(id)).customerMobile).toBe('0499 000 111');

    // EasyCars then changes the same field: both sides changed → a conflict (manual), the local value still kept.
    await setStrategy('manual');
    sandbox.control.updateLead(rec.LeadNumber, { CustomerMobile: '0488 222 333' }, ACCOUNT);
    const log = await runLeadSync();
    expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'conflict' })]));
    const [conflict] = await openConflicts(id);
    expect(conflict).toMatchObject({ field: 'customerMobile', baseValue: remoteMobile, localValue: '0499 000 111', remoteValue: '0488 222 333' });
    expect((await localLead(id)).customerMobile).toBe('0499 000 111');
    const res = await auth(app.http().post(`/easycars/leads/conflicts/${conflict.id}/resolve`)).send({ dealership: harbour, choice: 'easycars' });
    expect(res.status).toBe(200);
    expect((await localLead(id)).customerMobile).toBe('0488 222 333');
    expect(await openConflicts(id)).toHaveLength(0);
    const again = await runLeadSync();
    expect(again.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'unchanged' })]));
  });

  it('a change made in EasyCars only is applied here; a local-only edit is pushed and not overwritten', async () => {
    const { id, rec } = await pushedLead();
    sandbox.control.updateLead(rec.LeadNumber, { Rating: 1, VehiclePrice: 23990 }, ACCOUNT);
    await update(id, { financeStatus: 'yes' });
    await waitFor(async () => sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.FinanceStatus === 1);
    // The push merged first: EasyCars' own changes were applied here, not overwritten by the old local values.
    expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)).toMatchObject({ Rating: 1, VehiclePrice: 23990 });
    expect(await localLead(id)).toMatchObject({ rating: 'cold', vehiclePrice: 23990, financeStatus: 'yes' });
    sandbox.control.updateLead(rec.LeadNumber, { Notes: 'Dealer note' }, ACCOUNT);
    await runLeadSync();
    expect(await localLead(id)).toMatchObject({ message: 'Dealer note', financeStatus: 'yes', rating: 'cold' });
  });

  describe('a field changed on both sides', () => {
    const bothChanged = async () => {
      const { id, rec } = await pushedLead();
      sandbox.control.updateLead(rec.LeadNumber, { Notes: 'EasyCars note' }, ACCOUNT);
      sandbox.control.clearRequestLog();
      await update(id, { message: 'Local note' });
      return { id, rec };
    };

    it('manual review: one conflict for the field, nothing overwritten; keeping the local value sends it once', async () => {
      await setStrategy('manual');
      const { id, rec } = await bothChanged();
      const [conflict] = await waitFor(async () => ((await openConflicts(id)).length ? openConflicts(id) : null));
      expect(conflict).toMatchObject({ field: 'message', baseValue: 'Is it still available?', localValue: 'Local note', remoteValue: 'EasyCars note' });
      expect(calls('UpdateLead').filter((c) => (c.body as any).Notes !== undefined)).toHaveLength(0);
      expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.Notes).toBe('EasyCars note');
      await runLeadSync();
      expect((await localLead(id)).message).toBe('Local note');
      expect(await app.strapi.db.query(CONFLICT as any).count({ where: { leadDocumentId: id } })).toBe(1);

      const res = await auth(app.http().post(`/easycars/leads/conflicts/${conflict.id}/resolve`)).send({ dealership: harbour, choice: 'local' });
      expect(res.status).toBe(200);
      await waitFor(async () => sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.Notes === 'Local note');
      const after = await runLeadSync();
      expect(after.items).toEqual(expect.arrayContaining([expect.objectContaining({ ref: rec.LeadNumber, outcome: 'unchanged' })]));
      expect(await openConflicts(id)).toHaveLength(0);
    });

    it('this site wins: the local value is sent', async () => {
      await setStrategy('local_wins');
      const { id, rec } = await bothChanged();
      await waitFor(async () => sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.Notes === 'Local note');
      expect((await localLead(id)).message).toBe('Local note');
      expect(await openConflicts(id)).toHaveLength(0);
    });

    it('EasyCars wins: the EasyCars value is applied here', async () => {
      await setStrategy('easycars_wins');
      const { id, rec } = await bothChanged();
      await waitFor(async () => (await localLead(id)).message === 'EasyCars note');
      expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.Notes).toBe('EasyCars note');
      expect(await openConflicts(id)).toHaveLength(0);
      await setStrategy('manual');
    });
  });

  it('keeps the CustomerNo UpdateLead answers, and a customer change EasyCars took is agreed', async () => {
    const { id, rec } = await pushedLead();
    sandbox.control.setLeadCustomerUpdates('new-customer');
    const email = `ava.moved.${unique()}@example.com`;
    await update(id, { customerEmail: email });
    const after = await pushed(id, rec.updatedAt);
    const remote = sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!;
    expect(remote.CustomerNo).not.toBe(rec.CustomerNo);
    expect(after.CustomerNo).toBe(remote.CustomerNo);
    expect(after.refusedValues).toBeNull();
    expect(after.syncedValues.customerEmail).toBe(email);
    expect((await panel(id)).customerNo).toBe(remote.CustomerNo);
  });

  it('origin: a lead made here and one imported from EasyCars say so in the column and the panel', async () => {
    const { id } = await pushedLead();
    const api = app.strapi.plugin('easycars').service('easycarsClient').forCredential({
      environment: 'test',
      ...SANDBOX_CREDENTIALS.client,
      ...SANDBOX_CREDENTIALS.accounts[ACCOUNT],
    });
    const made = await api.createLead({
      VehicleMake: 'Mazda', VehicleModel: 'CX-5', VehicleType: 1, VehicleYear: 2022, IsVehicleNew: true, VehicleInterest: 4,
      LeadCustomer: { Name: 'Noah Lee', Email: `noah.${unique()}@example.com` },
    });
    const imported = await auth(app.http().post('/easycars/leads/import')).send({ dealership: harbour, leadNumber: made.LeadNumber });
    expect(imported.status).toBe(201);
    const importedId = imported.body.data.leadDocumentId;
    const column = await auth(app.http().get('/easycars/leads/status').query({ documentIds: `${id},${importedId}` }));
    expect(column.body.data[id]).toMatchObject({ origin: 'here' });
    expect(column.body.data[importedId]).toMatchObject({ origin: 'easycars', leadNumber: made.LeadNumber });
    expect(await panel(id)).toMatchObject({ origin: 'here' });
    expect(await panel(importedId)).toMatchObject({ origin: 'easycars' });
  });

  it('the lead-record keeps no customer details in plain columns, and none at all once the lead is deleted', async () => {
    const email = `privacy.${unique()}@example.com`;
    const { id, rec } = await pushedLead({ customerName: 'Zara Quill', customerEmail: email, customerMobile: '0411 222 333', customerAddress: '1 Secret St' });
    await runLeadSync();
    const table = app.strapi.db.metadata.get(RECORD as any).tableName;
    const columns = Object.keys(await app.strapi.db.connection(table).columnInfo());
    expect(columns.filter((c) => c.startsWith('customer_'))).toEqual(['customer_no']);
    const row = await app.strapi.db.connection(table).where({ id: rec.id }).first();
    const { synced_values: synced, ...rest } = row;
    const pii = ['Zara Quill', email, '0411 222 333', '1 Secret St'];
    for (const value of pii) expect(JSON.stringify(rest)).not.toContain(value);
    // The one documented copy: the last agreed values, which the three-way merge needs.
    expect(JSON.stringify(synced)).toContain(email);

    // A conflict on a customer field holds its values until the lead is deleted.
    await setStrategy('manual');
    sandbox.control.updateLead(rec.LeadNumber, { CustomerName: 'Zara Q.' }, ACCOUNT);
    await update(id, { customerName: 'Zara Quill-Smith' });
    await waitFor(async () => ((await openConflicts(id)).length ? true : null));

    const del = await auth(app.http().delete(`/content-manager/collection-types/${LEAD}/${id}`));
    expect(del.status).toBe(200);
    const gone = await waitFor(async () => {
      const r = await app.strapi.db.connection(table).where({ id: rec.id }).first();
      return r.synced_status === 90 && r.push_state === 'pushed' ? r : null;
    }, 20000);
    expect(gone.lead_number).toBe(rec.LeadNumber);
    expect(sandbox.control.getLead(rec.LeadNumber, ACCOUNT)!.LeadStatus).toBe(90);
    await runLeadSync();
    const final = await app.strapi.db.connection(table).where({ id: rec.id }).first();
    const conflicts = await app.strapi.db.query(CONFLICT as any).findMany({ where: { leadDocumentId: id } });
    for (const value of [...pii, 'Zara Q.', 'Zara Quill-Smith']) {
      expect(JSON.stringify(final)).not.toContain(value);
      expect(JSON.stringify(conflicts)).not.toContain(value);
    }
  });

  it('upgrade: customer columns an older version left behind (forceMigration off) are emptied at start-up', async () => {
    const { rec } = await pushedLead();
    const knex = app.strapi.db.connection;
    await knex.schema.alterTable('easycars_lead_records', (t: any) => t.string('customer_email'));
    try {
      await knex('easycars_lead_records').where({ id: rec.id }).update({ customer_email: 'old.copy@example.com' });
      await app.strapi.plugin('easycars').service('leadSync').resumePending();
      expect((await knex('easycars_lead_records').where({ id: rec.id }).first()).customer_email).toBeNull();
    } finally {
      await knex.schema.alterTable('easycars_lead_records', (t: any) => t.dropColumn('customer_email'));
    }
  });

  it('refreshes deleted and long-closed leads weekly, not every run, and says so in the sync log', async () => {
    const open = await pushedLead();
    const won = await pushedLead();
    const deleted = await pushedLead();
    const recentlyLost = await pushedLead();
    const justWon = await pushedLead();
    const repo = app.strapi.db.query(RECORD as any);
    const all = await repo.findMany({ where: { dealership: harbour, LeadNumber: { $notNull: true } } });
    const long = new Date(Date.now() - 40 * 86400000).toISOString();
    // Every lead of the earlier tests counts as long closed; of the four new ones only two are not due.
    const NAMES: Record<number, string> = { 10: 'new', 50: 'won', 60: 'lost', 90: 'deleted' };
    /** Both sides agree on the status (host lead written below the Document Service: no push). */
    const setAgreed = async (r: any, syncedStatus: number, closedAt: string | null) => {
      await repo.update({ where: { id: r.id }, data: { syncedStatus, closedAt, lastPulledAt: new Date().toISOString() } });
      await app.strapi.db.query(LEAD as any).updateMany({ where: { documentId: r.leadDocumentId }, data: { leadStatus: NAMES[syncedStatus] } });
    };
    for (const r of all) await setAgreed(r, 60, long);
    await setAgreed(open.rec, 10, null);
    await setAgreed(won.rec, 50, long);
    await setAgreed(deleted.rec, 90, new Date().toISOString());
    await setAgreed(recentlyLost.rec, 60, new Date(Date.now() - 3 * 86400000).toISOString());
    await setAgreed(justWon.rec, 50, null);

    sandbox.control.clearRequestLog();
    const log = await runLeadSync();
    const asked = calls('GetLeadDetail').map((c) => (c.body as any).LeadNumber).sort();
    expect(asked).toEqual([open.rec.LeadNumber, recentlyLost.rec.LeadNumber, justWon.rec.LeadNumber].sort());
    expect(log.responseSummary).toMatchObject({ known: all.length, refreshed: 3, notDue: { deleted: 1, closed: all.length - 4 } });
    // Seen closed for the first time: closing counts from now.
    expect((await repo.findOne({ where: { id: justWon.rec.id } })).closedAt).toBeTruthy();
    expect(log.responseSummary.notDueReason).toMatch(/1 deleted lead\(s\), \d+ won\/lost lead\(s\) closed more than 30 days ago/);

    // A week later they are refreshed again.
    await repo.update({ where: { id: won.rec.id }, data: { lastPulledAt: new Date(Date.now() - 8 * 86400000).toISOString() } });
    sandbox.control.clearRequestLog();
    await runLeadSync();
    expect(calls('GetLeadDetail').map((c) => (c.body as any).LeadNumber)).toContain(won.rec.LeadNumber);
  });
});
