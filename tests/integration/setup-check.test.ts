/**
 * The setup check (issue 17): Super Admins read how the plugin fits this app's content types; any
 * EasyCars user reads which types are the dealership, vehicle and lead; the content manager's layouts
 * carry the plugin's role for those types, so the list column finds them without hard-coded uids.
 */
import { startStrapi, type TestAdmin, type TestApp } from '../helpers/strapi';

describe(`setup check (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  let superAdmin: TestAdmin;
  let reader: TestAdmin;
  let editor: TestAdmin;
  const get = (url: string, as: TestAdmin) => app.http().get(url).set('Authorization', `Bearer ${as.token}`);

  beforeAll(async () => {
    app = await startStrapi();
    superAdmin = await app.superAdmin();
    reader = await app.createAdmin({ roles: [await app.createRole('EasyCars reader', ['plugin::easycars.sync-logs.read', 'plugin::easycars.credentials.read'])] });
    // A content-manager reader of vehicles without any EasyCars action.
    const role = await app.strapi.service('admin::role').create({ name: 'Vehicle reader', description: 'Vehicle reader' });
    await app.strapi.service('admin::role').assignPermissions(role.id, [{ action: 'plugin::content-manager.explorer.read', subject: 'api::vehicle.vehicle', conditions: [], properties: {} }]);
    editor = await app.createAdmin({ roles: [role.id] });
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('reports this app as fitting the default config, type by type and field by field', async () => {
    const res = await get('/easycars/setup', superAdmin);
    expect(res.status).toBe(200);
    const { contentTypes, problems } = res.body.data;
    expect(problems).toEqual([]);
    expect(contentTypes.map((c: any) => [c.role, c.uid, c.found])).toEqual([
      ['dealership', 'api::dealership.dealership', true],
      ['vehicle', 'api::vehicle.vehicle', true],
      ['lead', 'api::lead.lead', true],
    ]);
    const vehicle = contentTypes.find((c: any) => c.role === 'vehicle');
    expect(vehicle.fields.find((f: any) => f.target === 'price')).toMatchObject({ attribute: 'price', status: 'ok', actual: 'decimal' });
    expect(vehicle.fields.find((f: any) => f.target === 'images')).toMatchObject({ attribute: 'images', status: 'ok', actual: 'media' });
  });

  it('keeps the setup check to Super Admins; the content types to any EasyCars user; neither without login', async () => {
    expect((await get('/easycars/setup', reader)).status).toBe(403);
    const types = await get('/easycars/setup/content-types', reader);
    expect(types.status).toBe(200);
    expect(types.body.data).toEqual({ dealership: 'api::dealership.dealership', vehicle: 'api::vehicle.vehicle', lead: 'api::lead.lead' });
    expect((await get('/easycars/setup/content-types', editor)).status).toBe(403);
    expect((await app.http().get('/easycars/setup')).status).toBe(401);
  });

  it('tags the configured types for the content manager (in memory: the schema files are untouched)', async () => {
    const res = await get('/content-manager/content-types', superAdmin);
    expect(res.status).toBe(200);
    const roleOf = (uid: string) => res.body.data.find((ct: any) => ct.uid === uid)?.pluginOptions?.easycars?.role;
    expect([roleOf('api::dealership.dealership'), roleOf('api::vehicle.vehicle'), roleOf('api::lead.lead')]).toEqual(['dealership', 'vehicle', 'lead']);
    expect(roleOf('admin::user')).toBeUndefined();
    const schemaFile = require('../../src/api/vehicle/content-types/vehicle/schema.json');
    expect(schemaFile.pluginOptions?.easycars).toBeUndefined();
  });
});
