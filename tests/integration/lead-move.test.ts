/**
 * A lead moved to another dealership (issue 11): one that reached a dealership's EasyCars account
 * cannot move (refused on save, whatever the route); one that never went out follows its new
 * dealership to that dealership's account; and if a sent lead's dealership changes behind the
 * plugin's back, its changes are sent to neither account and it waits in review.
 */
import type { RunningSandboxLike } from '../helpers/sandbox-types';
import { SANDBOX_CREDENTIALS } from '../helpers/sandbox-types';
import type { TestApp } from '../helpers/strapi';
import { leadRecord, settledRecord, startLeadWorld } from '../helpers/lead-world';

const LEAD = 'api::lead.lead';

describe(`a lead moved to another dealership (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let sandbox: RunningSandboxLike;
  let app: TestApp;
  let token: string;
  let harbour: string;
  let north: string;

  const auth = (req: any) => req.set('Authorization', `Bearer ${token}`);
  const cmUrl = (documentId = '') => `/content-manager/collection-types/${LEAD}${documentId ? `/${documentId}` : ''}`;
  const calls = (endpoint: string, account: string) =>
    sandbox.control.requestLog().filter((e) => e.endpoint === endpoint && e.accountNumber === account);
  const newLead = async (data: Record<string, unknown>) => {
    const res = await auth(app.http().post(cmUrl())).send({
      customerName: 'Ruby Chen',
      customerEmail: `ruby.${Math.random().toString(36).slice(2, 8)}@example.com`,
      vehicleMake: 'Kia',
      vehicleModel: 'Sportage',
      vehicleYear: 2023,
      vehicleType: 'car',
      isVehicleNew: true,
      interest: 'buy',
      dealership: { connect: [{ documentId: harbour }] },
      ...data,
    });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };

  beforeAll(async () => {
    ({ sandbox, app, token, harbour } = await startLeadWorld());
    const d = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'North Shore Autos', timezone: 'Australia/Sydney' } as any });
    north = d.documentId;
    await app.strapi.plugin('easycars').service('credentials').create(
      { dealership: north, environment: 'test', isActive: true },
      { ...SANDBOX_CREDENTIALS.client, ...SANDBOX_CREDENTIALS.accounts.EC208841 },
    );
  });
  afterAll(async () => {
    await app?.destroy();
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox.control.clearFaults();
    sandbox.control.clearRequestLog();
  });

  it('refuses to move a lead that is in one dealership’s EasyCars account, from the content manager and from code', async () => {
    const id = await newLead({});
    const sent = await settledRecord(app, id);
    expect(sent).toMatchObject({ pushState: 'pushed', dealership: harbour });

    const res = await auth(app.http().put(cmUrl(id))).send({ dealership: { connect: [{ documentId: north }], disconnect: [] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `This lead is EasyCars lead ${sent.LeadNumber} in the account of Harbour Motors, so it cannot move to another dealership (EasyCars leads cannot change account). Create a new lead for the other dealership instead.`,
    );
    await expect(app.strapi.documents(LEAD as any).update({ documentId: id, data: { dealership: north } } as any)).rejects.toThrow(/cannot move to another dealership/);

    const lead = await app.strapi.documents(LEAD as any).findOne({ documentId: id, populate: ['dealership'] } as any);
    expect((lead as any).dealership.documentId).toBe(harbour);
    expect(calls('UpdateLead', 'EC208841')).toHaveLength(0);
    expect(calls('CreateLead', 'EC208841')).toHaveLength(0);
    // Other changes still go through, to its own account.
    expect((await auth(app.http().put(cmUrl(id))).send({ message: 'Call after 5pm' })).status).toBe(200);
    await settledRecord(app, id);
    expect(calls('UpdateLead', 'EC114575').length).toBeGreaterThan(0);
  });

  it('a lead that never went out follows its new dealership to that dealership’s account', async () => {
    const id = await newLead({ vehicleType: null, isVehicleNew: null }); // cannot be sent: no vehicle type
    expect((await settledRecord(app, id)).pushState).toBe('failed');
    expect(calls('CreateLead', 'EC114575')).toHaveLength(0);

    const res = await auth(app.http().put(cmUrl(id))).send({ dealership: { set: [{ documentId: north }] }, vehicleType: 'car', isVehicleNew: false });
    expect(res.status).toBe(200);
    const rec = await settledRecord(app, id);
    expect(rec).toMatchObject({ pushState: 'pushed', dealership: north });
    expect(calls('CreateLead', 'EC208841')).toHaveLength(1);
    expect(calls('CreateLead', 'EC114575')).toHaveLength(0);
    expect(sandbox.control.listLeads('EC208841').some((l) => l.ExternalID === id)).toBe(true);
  });

  it('a sent lead whose dealership changed behind the plugin’s back is sent to neither account, and goes on once moved back', async () => {
    const id = await newLead({});
    const sent = await settledRecord(app, id);
    const northRow = await app.strapi.db.query('api::dealership.dealership' as any).findOne({ where: { documentId: north } });
    const harbourRow = await app.strapi.db.query('api::dealership.dealership' as any).findOne({ where: { documentId: harbour } });
    // A direct database write skips the Document Service and its checks.
    await app.strapi.db.query(LEAD as any).update({ where: { documentId: id }, data: { dealership: northRow.id } });
    sandbox.control.clearRequestLog();

    expect((await auth(app.http().put(cmUrl(id))).send({ message: 'Wants a test drive' })).status).toBe(200);
    const stopped = await settledRecord(app, id, ['review']);
    expect(stopped.pushError).toBe(
      `This lead is EasyCars lead ${sent.LeadNumber} in the account of Harbour Motors, but it was moved to another dealership (EasyCars leads cannot change account). Create a new lead for the other dealership instead. Nothing was sent to either account. Move it back to send its changes again.`,
    );
    expect(stopped.dealership).toBe(harbour);
    expect(sandbox.control.requestLog().filter((e) => e.endpoint === 'UpdateLead' || e.endpoint === 'CreateLead')).toEqual([]);

    await app.strapi.db.query(LEAD as any).update({ where: { documentId: id }, data: { dealership: harbourRow.id } });
    expect((await auth(app.http().put(cmUrl(id))).send({ message: 'Wants a test drive on Saturday' })).status).toBe(200);
    expect((await settledRecord(app, id, ['pushed'])).pushError).toBeNull();
    const updates = calls('UpdateLead', 'EC114575');
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.at(-1)!.body).toMatchObject({ LeadNumber: sent.LeadNumber, Notes: 'Wants a test drive on Saturday' });
    expect(await leadRecord(app, id)).toMatchObject({ dealership: harbour });
  });
});
