import { startStrapi, type TestApp } from '../helpers/strapi';

describe(`content-manager labels for the CMS collections (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.destroy();
  });

  const configuration = async (uid: string) => {
    const admin = await app.superAdmin();
    const res = await app.http().get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(200);
    return res.body.data.contentType;
  };

  it('shows editors words, not attribute names, and names entries by title', async () => {
    const vehicle = await configuration('api::vehicle.vehicle');
    expect(vehicle.metadatas.stockNumber.edit.label).toBe('Stock number');
    expect(vehicle.metadatas.saleStatus.list.label).toBe('Sale status');
    expect(vehicle.settings.mainField).toBe('title');
    const lead = await configuration('api::lead.lead');
    expect(lead.metadatas.leadStatus.edit.label).toBe('Lead status');
    expect(lead.settings.mainField).toBe('customerName');
  });

  it('keeps a label an admin changed', async () => {
    // What "Configure the view" saves.
    const service = app.strapi.plugin('content-manager').service('content-types');
    const contentType = app.strapi.contentType('api::vehicle.vehicle' as never);
    const { uid, ...current } = await service.findConfiguration(contentType);
    current.metadatas.vin.edit.label = 'Chassis number';
    await service.updateConfiguration(contentType, current);
    await app.destroy({ keepDatabase: true });
    app = await startStrapi({ database: app.db });
    expect((await configuration('api::vehicle.vehicle')).metadatas.vin.edit.label).toBe('Chassis number');
  });
});
