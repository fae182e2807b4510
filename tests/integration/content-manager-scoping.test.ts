import { demoManagerPermissions } from '../../src/demo/seed';
import { createDealership } from '../helpers/fixtures';
import { startStrapi, type TestAdmin, type TestApp } from '../helpers/strapi';

const VEHICLE = 'api::vehicle.vehicle';
const LEAD = 'api::lead.lead';
const DEALERSHIP = 'api::dealership.dealership';
// A PolicyError: Strapi keeps its message (a plain ForbiddenError becomes a bare "Forbidden").
const OTHER_DEALERSHIP = 'You can only assign this entry to a dealership you manage.';
const cm = (uid: string, documentId = '') => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

describe(`content manager: a dealership manager only reaches their dealership (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  let manager: TestAdmin;
  let own: { id: number; documentId: string };
  let other: { id: number; documentId: string };
  const entries: Record<string, string> = {};

  const as = (admin: TestAdmin) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${admin.token}`),
    post: (url: string, body: object = {}) => app.http().post(url).set('Authorization', `Bearer ${admin.token}`).send(body),
    put: (url: string, body: object) => app.http().put(url).set('Authorization', `Bearer ${admin.token}`).send(body),
    del: (url: string) => app.http().delete(url).set('Authorization', `Bearer ${admin.token}`),
  });

  const createEntry = async (uid: string, dealership: { id: number }, data: Record<string, unknown>) =>
    (await app.strapi.documents(uid as any).create({ data: { ...data, dealership: { connect: [{ id: dealership.id }] } } as any })).documentId;
  const dealershipOf = async (uid: string, documentId: string) =>
    (await app.strapi.documents(uid as any).findOne({ documentId, populate: ['dealership'] }))?.dealership?.documentId;

  beforeAll(async () => {
    app = await startStrapi();
    const roleId = await app.strapi.service('admin::role').create({ name: 'Dealership Manager', description: 'demo role' }).then((r: { id: number }) => r.id);
    await app.strapi.service('admin::role').assignPermissions(roleId, demoManagerPermissions());
    manager = await app.createAdmin({ roles: [roleId] });
    own = await createDealership(app.strapi, 'Harbour City Motors', [manager.id]);
    other = await createDealership(app.strapi, 'North Shore Auto');
    entries.ownVehicle = await createEntry(VEHICLE, own, { title: 'Own Corolla', stockNumber: 'OWN-1' });
    entries.otherVehicle = await createEntry(VEHICLE, other, { title: 'Other Camry', stockNumber: 'OTHER-1' });
    entries.ownLead = await createEntry(LEAD, own, { customerName: 'Own Customer' });
    entries.otherLead = await createEntry(LEAD, other, { customerName: 'Other Customer', customerEmail: 'other@example.test' });
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('lists only the entries of the dealerships they manage', async () => {
    for (const [uid, ownId, otherId] of [
      [VEHICLE, entries.ownVehicle, entries.otherVehicle],
      [LEAD, entries.ownLead, entries.otherLead],
      [DEALERSHIP, own.documentId, other.documentId],
    ]) {
      const res = await as(manager).get(cm(uid));
      expect(res.status).toBe(200);
      const ids = res.body.results.map((r: { documentId: string }) => r.documentId);
      expect(ids).toContain(ownId);
      expect(ids).not.toContain(otherId);
    }
  });

  it("refuses reading, editing, publishing and deleting another dealership's entries", async () => {
    for (const [uid, id] of [
      [VEHICLE, entries.otherVehicle],
      [LEAD, entries.otherLead],
      [DEALERSHIP, other.documentId],
    ]) {
      expect((await as(manager).get(cm(uid, id))).status).toBe(403);
      expect((await as(manager).put(cm(uid, id), { customerName: 'Changed', title: 'Changed', name: 'Changed' })).status).toBe(403);
    }
    expect((await as(manager).post(`${cm(VEHICLE, entries.otherVehicle)}/actions/publish`)).status).toBe(403);
    expect((await as(manager).del(cm(VEHICLE, entries.otherVehicle))).status).toBe(403);
    expect((await as(manager).del(cm(LEAD, entries.otherLead))).status).toBe(403);
    expect((await as(manager).del(cm(DEALERSHIP, other.documentId))).status).toBe(403);

    const lead = await app.strapi.documents(LEAD as any).findOne({ documentId: entries.otherLead });
    expect(lead?.customerName).toBe('Other Customer');
    const vehicle = await app.strapi.documents(VEHICLE as any).findOne({ documentId: entries.otherVehicle, status: 'published' });
    expect(vehicle).toBeNull();
    expect((await app.strapi.documents(DEALERSHIP as any).findOne({ documentId: other.documentId }))?.name).toBe('North Shore Auto');
  });

  it('refuses creating an entry in another dealership, in any relation shape', async () => {
    const before = await app.strapi.documents(LEAD as any).count({ filters: { dealership: { documentId: other.documentId } } } as any);
    for (const dealership of [{ connect: [{ id: other.id }] }, { connect: [{ documentId: other.documentId }] }, { set: [{ id: other.id }] }, other.documentId]) {
      const res = await as(manager).post(cm(LEAD), { customerName: 'Injected', dealership });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(OTHER_DEALERSHIP);
    }
    expect((await as(manager).post(cm(VEHICLE), { title: 'Injected', dealership: { connect: [{ id: other.id }] } })).status).toBe(403);
    expect(await app.strapi.documents(LEAD as any).count({ filters: { dealership: { documentId: other.documentId } } } as any)).toBe(before);
    expect(await app.strapi.documents(VEHICLE as any).count({ filters: { title: 'Injected' } } as any)).toBe(0);
  });

  it("refuses linking their lead to another dealership's vehicle", async () => {
    const res = await as(manager).put(cm(LEAD, entries.ownLead), { vehicle: { connect: [{ documentId: entries.otherVehicle }] } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('You can only link a lead to a vehicle of a dealership you manage.');
    const created = await as(manager).post(cm(LEAD), { customerName: 'Linked', dealership: { connect: [{ id: own.id }] }, vehicle: { connect: [{ documentId: entries.ownVehicle }] } });
    expect(created.status).toBe(201);
  });

  it('refuses moving their own entry into another dealership', async () => {
    const moveLead = await as(manager).put(cm(LEAD, entries.ownLead), { dealership: { connect: [{ id: other.id }], disconnect: [{ id: own.id }] } });
    expect(moveLead.status).toBe(403);
    expect(moveLead.body.error.message).toBe(OTHER_DEALERSHIP);
    const moveVehicle = await as(manager).put(cm(VEHICLE, entries.ownVehicle), { dealership: { set: [{ documentId: other.documentId }] } });
    expect(moveVehicle.status).toBe(403);
    expect(await dealershipOf(LEAD, entries.ownLead)).toBe(own.documentId);
    expect(await dealershipOf(VEHICLE, entries.ownVehicle)).toBe(own.documentId);
  });

  it('still lets them create, edit, publish and delete their own entries', async () => {
    const created = await as(manager).post(cm(LEAD), { customerName: 'Walk-in', dealership: { connect: [{ id: own.id }] } });
    expect(created.status).toBe(201);
    expect(await dealershipOf(LEAD, created.body.data.documentId)).toBe(own.documentId);
    expect((await as(manager).get(cm(LEAD, entries.ownLead))).status).toBe(200);
    const edited = await as(manager).put(cm(VEHICLE, entries.ownVehicle), { title: 'Own Corolla Ascent', dealership: { connect: [], disconnect: [] } });
    expect(edited.status).toBe(200);
    expect((await as(manager).post(`${cm(VEHICLE, entries.ownVehicle)}/actions/publish`)).status).toBe(200);
    expect((await as(manager).del(cm(LEAD, created.body.data.documentId))).status).toBe(200);
    // The super admin is not scoped: moves across dealerships are theirs to make.
    const admin = await app.superAdmin();
    expect((await as(admin).post(cm(LEAD), { customerName: 'By HQ', dealership: { connect: [{ id: other.id }] } })).status).toBe(201);
  });
});
