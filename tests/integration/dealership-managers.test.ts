import { demoManagerPermissions } from '../../src/demo/seed';
import { createDealership } from '../helpers/fixtures';
import { startStrapi, type TestAdmin, type TestApp } from '../helpers/strapi';

const DEALERSHIP = 'api::dealership.dealership';
const REFUSED = "Only a Super Admin or a role with the EasyCars permission 'Manage dealership managers' may change a dealership's managers.";
const cm = (documentId: string) => `/content-manager/collection-types/${DEALERSHIP}/${documentId}`;

describe(`only a Super Admin or "Manage dealership managers" changes a dealership's managers (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  let manager: TestAdmin;
  let editor: TestAdmin;
  let owner: TestAdmin;
  let own: { id: number; documentId: string };
  let other: { id: number; documentId: string };

  const role = async (name: string, permissions: object[]) => {
    const created = await app.strapi.service('admin::role').create({ name, description: name });
    await app.strapi.service('admin::role').assignPermissions(created.id, permissions);
    return created.id as number;
  };
  const cmDealership = (action: string) => ({ action: `plugin::content-manager.explorer.${action}`, subject: DEALERSHIP, conditions: [], properties: {} });
  const put = (admin: TestAdmin, documentId: string, body: object) =>
    app.http().put(cm(documentId)).set('Authorization', `Bearer ${admin.token}`).send(body);
  const managersOf = async (documentId: string) =>
    ((await app.strapi.documents(DEALERSHIP as any).findOne({ documentId, populate: ['managers'] }))?.managers ?? []).map((m: { id: number }) => m.id).sort();
  const audits = () => app.strapi.plugin('easycars').service('audit').list({ entityType: 'dealership', limit: 100 });

  beforeAll(async () => {
    app = await startStrapi();
    manager = await app.createAdmin({ roles: [await role('Dealership Manager', demoManagerPermissions())] });
    editor = await app.createAdmin({ roles: [await role('Dealership editor', [cmDealership('read'), cmDealership('update')])] });
    owner = await app.createAdmin({
      roles: [
        await role('Group owner', [
          cmDealership('read'),
          cmDealership('update'),
          { action: 'plugin::easycars.dealerships.manage-managers', subject: null, conditions: [], properties: {} },
        ]),
      ],
    });
    own = await createDealership(app.strapi, 'Harbour City Motors', [manager.id]);
    other = await createDealership(app.strapi, 'North Shore Auto');
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it("refuses a manager adding someone to their own dealership, and audits the attempt", async () => {
    const res = await put(manager, own.documentId, { managers: { connect: [{ id: editor.id }], disconnect: [] } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(REFUSED);
    expect(await managersOf(own.documentId)).toEqual([manager.id]);
    const refused = (await audits()).find((a: any) => a.result === 'failure' && a.entityId === own.documentId);
    expect(refused).toMatchObject({ action: 'dealership.managers.update', actorId: manager.id, details: { added: [editor.id], removed: [] } });
  });

  it('refuses an admin who may edit every dealership adding themselves to one', async () => {
    for (const managers of [{ connect: [{ id: editor.id }] }, { set: [{ id: editor.id }] }, [editor.id]]) {
      const res = await put(editor, other.documentId, { managers });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(REFUSED);
    }
    expect(await managersOf(other.documentId)).toEqual([]);
  });

  it('lets a manager edit their dealership when the managers stay the same', async () => {
    const res = await put(manager, own.documentId, { name: 'Harbour City Motors Pty Ltd', managers: { connect: [], disconnect: [] } });
    expect(res.status).toBe(200);
    expect(await managersOf(own.documentId)).toEqual([manager.id]);
  });

  it('lets a Super Admin and a role with "Manage dealership managers" change them, audited with who and what', async () => {
    const admin = await app.superAdmin();
    expect((await put(admin, other.documentId, { managers: { connect: [{ id: manager.id }] } })).status).toBe(200);
    expect(await managersOf(other.documentId)).toEqual([manager.id]);
    expect((await put(owner, other.documentId, { managers: { disconnect: [{ id: manager.id }] } })).status).toBe(200);
    expect(await managersOf(other.documentId)).toEqual([]);

    const changes = (await audits()).filter((a: any) => a.result === 'success' && a.entityId === other.documentId);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: admin.id, changedFields: ['managers'], details: { added: [manager.id], removed: [] } }),
        expect.objectContaining({ actorId: owner.id, details: { added: [], removed: [manager.id] } }),
      ]),
    );
  });
});
