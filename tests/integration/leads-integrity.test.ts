/**
 * Leads that stay right against the real EasyCars (issue 10), on the real Strapi and the sandbox:
 * vehicle type/condition from the linked vehicle, CreateLead at most once (review + confirmed
 * resend), customers matched by phone only when it is certainly the same person.
 */
import type { RunningSandboxLike } from '../helpers/sandbox-types';
import type { TestApp } from '../helpers/strapi';
import { createLeadInCM, leadRecord, saveLeadInCM, settledRecord, startLeadWorld } from '../helpers/lead-world';
import { waitFor } from '../helpers/fixtures';

const LEAD = 'api::lead.lead';
const RECORD = 'plugin::easycars.lead-record';
const ACCOUNT = 'EC114575';

describe(`lead integrity (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandboxLike;
  let app: TestApp;
  let token: string;
  let harbour: string;

  const auth = (req: any, as = token) => req.set('Authorization', `Bearer ${as}`);
  const record = (leadDocumentId: string) => leadRecord(app, leadDocumentId);
  const settled = (leadDocumentId: string, states?: string[]) => settledRecord(app, leadDocumentId, states);
  const createPosts = (externalId: string) =>
    sandbox.control.requestLog().filter((e) => e.endpoint === 'CreateLead' && (e.body as Record<string, unknown> | null)?.ExternalID === externalId);
  const storedLeads = (externalId: string) => sandbox.control.listLeads(ACCOUNT).filter((l) => l.ExternalID === externalId);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const createInCM = (data: Record<string, unknown>) => createLeadInCM({ app, token }, { dealership: { connect: [{ documentId: harbour }] }, ...data });
  const carLead = (over: Record<string, unknown> = {}) => ({
    customerName: 'Ava Brown',
    customerEmail: `ava.${Math.random().toString(36).slice(2, 8)}@example.com`,
    vehicleMake: 'Toyota',
    vehicleModel: 'Corolla',
    vehicleYear: 2021,
    vehicleType: 'car',
    isVehicleNew: false,
    interest: 'buy',
    ...over,
  });
  const retry = (id: number, body: Record<string, unknown> = {}, as = token) =>
    auth(app.http().post(`/easycars/leads/pushes/${id}/retry`), as).send({ dealership: harbour, ...body });

  beforeAll(async () => {
    ({ sandbox, app, token, harbour } = await startLeadWorld());
  });
  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox.control.clearFaults();
    sandbox.control.clearRequestLog();
  });

  describe('vehicle type and condition', () => {
    it('a lead on a new motorbike goes out as VehicleType 2, IsVehicleNew true', async () => {
      const bike = await app.strapi.documents('api::vehicle.vehicle' as any).create({
        data: { title: '2025 Honda CBR500R', stockNumber: 'MB500', make: 'Honda', model: 'CBR500R', year: 2025, price: 12990, vehicleType: 'motorbike', condition: 'new', dealership: { connect: [{ documentId: harbour }] } } as any,
        status: 'published',
      } as any);
      const id = await createInCM({ customerName: 'Ava Brown', customerEmail: 'ava.bike@example.com', interest: 'buy', vehicle: { connect: [{ documentId: bike.documentId }] } });
      const stored = await app.strapi.documents(LEAD as any).findOne({ documentId: id } as any);
      expect(stored).toMatchObject({ vehicleType: null, isVehicleNew: null }); // no schema default decides for the website
      expect((await settled(id)).pushState).toBe('pushed');
      const [post] = createPosts(id);
      expect(post!.body).toMatchObject({ VehicleMake: 'Honda', VehicleModel: 'CBR500R', VehicleYear: 2025, VehicleType: 2, IsVehicleNew: true });
      expect(storedLeads(id)).toEqual([expect.objectContaining({ VehicleType: 2, IsVehicleNew: true })]);
    });

    it('a lead with no vehicle and no type set is not sent as a used car: the message names both fields', async () => {
      const id = await createInCM(carLead({ vehicleType: null, isVehicleNew: null }));
      const rec = await settled(id);
      expect(rec.pushState).toBe('failed');
      expect(rec.pushError).toContain('VehicleType is required (lead field: vehicleType): set it on the lead or link a vehicle that has it');
      expect(rec.pushError).toContain('IsVehicleNew is required (lead field: isVehicleNew)');
      expect(createPosts(id)).toHaveLength(0);
    });
  });

  describe('CreateLead at most once', () => {
    it.each(['store-then-500', 'store-then-code9', 'store-then-drop', 'drop-mid-body'] as const)(
      '%s: the lead is in review with what is known, and never becomes two EasyCars leads',
      async (kind) => {
        sandbox.control.injectFault({ endpoint: 'CreateLead', kind, times: 5 });
        const id = await createInCM(carLead());
        const rec = await settled(id);
        expect(rec.pushState).toBe('review');
        expect(rec.pushError).toMatch(/^May have reached EasyCars: CreateLead was sent at \d{4}-\d\d-\d\dT/);
        expect(rec.pushError).toContain(`ExternalID ${id}`);
        expect(rec.LeadNumber).toBeNull();
        // The job queue and the client had time to try again: they must not have.
        await sleep(2500);
        expect(createPosts(id)).toHaveLength(1);
        expect(storedLeads(id)).toHaveLength(1);
        expect((await record(id)).pushState).toBe('review');
        // Saving the lead again does not resend it either.
        await saveLeadInCM({ app, token }, id, { message: 'Still interested?' });
        await sleep(1000);
        expect(createPosts(id)).toHaveLength(1);
        expect(storedLeads(id)).toHaveLength(1);
        sandbox.control.clearFaults();
      },
    );

    it('a CreateLead claim left by a stopped instance is review too, saying when and which ExternalID; nothing is sent', async () => {
      const id = await createInCM(carLead({ vehicleType: null }));
      expect((await settled(id)).pushState).toBe('failed');
      const claimedAt = new Date(Date.now() - 60_000);
      await app.strapi.db.query(RECORD as any).update({ where: { leadDocumentId: id }, data: { createRequestedAt: claimedAt } });
      await saveLeadInCM({ app, token }, id, { vehicleType: 'car' });
      const rec = await settled(id, ['review']);
      expect(rec.pushError).toContain(`started at ${claimedAt.toISOString()}`);
      expect(rec.pushError).toContain(`ExternalID ${id}`);
      expect(createPosts(id)).toHaveLength(0);
    });

    it('HTTP 429 and a refused token were not processed: sent again, and the lead arrives once', async () => {
      sandbox.control.injectFault({ endpoint: 'CreateLead', kind: 'http429', retryAfterSeconds: 1, times: 1 });
      const limited = await createInCM(carLead());
      expect((await settled(limited)).pushState).toBe('pushed');
      expect(createPosts(limited).map((e) => e.status)).toEqual([429, 200]);
      expect(storedLeads(limited)).toHaveLength(1);

      sandbox.control.injectFault({ endpoint: 'CreateLead', kind: 'expired-token', times: 1 });
      const refused = await createInCM(carLead());
      expect((await settled(refused)).pushState).toBe('pushed');
      expect(createPosts(refused).map((e) => e.status)).toEqual([401, 200]);
      expect(storedLeads(refused)).toHaveLength(1);
    });

    it('"Send again" on a lead in review needs resolveConflicts and an explicit confirmation, then sends it once', async () => {
      sandbox.control.injectFault({ endpoint: 'CreateLead', kind: 'code9', times: 1 }); // answered without storing
      const id = await createInCM(carLead());
      const rec = await settled(id);
      expect(rec.pushState).toBe('review');
      expect(storedLeads(id)).toHaveLength(0);

      const role = await app.createRole('Lead sender', ['plugin::easycars.sync.trigger', 'plugin::easycars.sync-logs.read']);
      const operator = await app.createAdmin({ roles: [role], email: 'lead.sender@example.test' });
      await app.strapi.documents('api::dealership.dealership' as any).update({ documentId: harbour, data: { managers: { connect: [{ id: operator.id }] } } as any });
      const forbidden = await retry(rec.id, { confirmResend: true }, operator.token);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.message).toContain('Resolve lead conflicts');

      const unconfirmed = await retry(rec.id);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body.error.message).toContain(`ExternalID ${id}`);
      expect((await retry(rec.id, { confirmResend: 'yes' })).status).toBe(400);
      await sleep(500);
      expect(createPosts(id)).toHaveLength(1);
      expect((await record(id)).pushState).toBe('review');

      const confirmed = await retry(rec.id, { confirmResend: true });
      expect(confirmed.status).toBe(200);
      const done = await settled(id, ['pushed']);
      expect(done.LeadNumber).toBeTruthy();
      expect(createPosts(id)).toHaveLength(2);
      expect(storedLeads(id)).toHaveLength(1);
    });
  });

  describe('customers matched by phone', () => {
    const phoneLead = (name: string, mobile: string) =>
      createInCM({ customerName: name, customerMobile: mobile, vehicleMake: 'Mazda', vehicleModel: 'CX-5', vehicleYear: 2022, vehicleType: 'car', isVehicleNew: false, interest: 'buy' });

    it('one contact with the number written differently and the same name: the lead is attached to it', async () => {
      const { CustomerNo } = sandbox.control.addCustomer(ACCOUNT, { Name: 'Jo Park', Mobile: '0477 000 333' });
      const id = await phoneLead('jo  PARK', '+61 477 000 333');
      const rec = await settled(id);
      expect(rec.pushState).toBe('pushed');
      expect(storedLeads(id)).toEqual([expect.objectContaining({ CustomerNo })]);
      expect(sandbox.control.requestLog().filter((e) => e.endpoint === 'SearchContacts').map((e) => (e.body as any).Phone)).toContain('0477 000 333');
    });

    it('two contacts sharing the number: the lead waits for an email address, attached to nobody', async () => {
      sandbox.control.addCustomer(ACCOUNT, { Name: 'Sam Jones', Mobile: '0455 000 111' });
      sandbox.control.addCustomer(ACCOUNT, { Name: 'Sam Jones', Phone: '+61455000111' });
      const id = await phoneLead('Sam Jones', '0455000111');
      const rec = await settled(id);
      expect(rec.pushState).toBe('failed');
      expect(rec.pushError).toMatch(/^Needs an email address: .*2 EasyCars contacts share this lead's phone number/);
      expect(createPosts(id)).toHaveLength(0);
    });

    it('one contact with the number but another name: the lead waits for an email address', async () => {
      const kim = sandbox.control.addCustomer(ACCOUNT, { Name: 'Kim Lee', Mobile: '0466 000 222' });
      const id = await phoneLead('Alex Kim', '0466000222');
      const rec = await settled(id);
      expect(rec.pushState).toBe('failed');
      expect(rec.pushError).toMatch(/^Needs an email address: .*has a different name/);
      expect(createPosts(id)).toHaveLength(0);
      // Adding the email sends it as a new customer.
      await saveLeadInCM({ app, token }, id, { customerEmail: 'alex.kim@example.com' });
      expect((await settled(id, ['pushed'])).LeadNumber).toBeTruthy();
      expect(storedLeads(id)[0]!.CustomerNo).not.toBe(kim.CustomerNo);
    });
  });
});
