import { createDealership } from '../helpers/fixtures';
import { startStrapi, type TestApp } from '../helpers/strapi';

describe(`content API: no private relations, leads are create-only and rate-limited (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  let token: string;
  let dealership: { id: number; documentId: string };
  let leadId: string;
  const api = () => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => app.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => app.http().put(url).set('Authorization', `Bearer ${token}`).send(body),
    del: (url: string) => app.http().delete(url).set('Authorization', `Bearer ${token}`),
  });

  beforeAll(async () => {
    app = await startStrapi({ env: { LEAD_FORM_RATE_LIMIT: '3', LEAD_FORM_RATE_WINDOW_SECONDS: '600' } });
    // Full access: what the routes themselves allow, whatever a token is granted.
    token = (await app.strapi.service('admin::api-token').create({ name: 'storefront', type: 'full-access', lifespan: null })).accessKey;
    const manager = await app.superAdmin();
    dealership = await createDealership(app.strapi, 'Harbour City Motors', [manager.id]);
    const vehicle = await app.strapi.documents('api::vehicle.vehicle' as any).create({
      data: { title: 'Corolla', dealership: { connect: [{ id: dealership.id }] } } as any,
      status: 'published',
    });
    leadId = (
      await app.strapi.documents('api::lead.lead' as any).create({
        data: { customerName: 'Private Person', customerEmail: 'private@example.test', vehicle: vehicle.documentId, dealership: dealership.documentId } as any,
      })
    ).documentId;
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('never shows managers or leads, even when asked to populate them', async () => {
    for (const url of ['/api/dealerships?populate=*', `/api/dealerships/${dealership.documentId}?populate=*`, '/api/vehicles?populate=*']) {
      const res = await api().get(url);
      expect(res.status).toBe(200);
      const body = JSON.stringify(res.body);
      expect(body).not.toContain('"managers"');
      expect(body).not.toContain('"leads"');
      expect(body).not.toContain('private@example.test');
      expect(body).not.toContain('super@example.test');
    }
    for (const url of ['/api/dealerships?populate[managers]=true', '/api/vehicles?populate[leads]=true', '/api/dealerships?filters[managers][email][$eq]=super@example.test']) {
      const res = await api().get(url);
      expect(JSON.stringify(res.body)).not.toContain('example.test');
      if (res.status === 200) expect(JSON.stringify(res.body)).not.toMatch(/"(managers|leads)"/);
    }
  });

  it('has no route to list, read, edit or delete leads', async () => {
    for (const res of [
      await api().get('/api/leads'),
      await api().get(`/api/leads/${leadId}`),
      await api().put(`/api/leads/${leadId}`, { data: { customerName: 'Changed' } }),
      await api().del(`/api/leads/${leadId}`),
    ]) {
      expect([404, 405]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('Private Person');
    }
    expect((await app.strapi.documents('api::lead.lead' as any).findOne({ documentId: leadId }))?.customerName).toBe('Private Person');
  });

  it('gives the public role nothing: an anonymous enquiry is refused', async () => {
    expect((await app.http().post('/api/leads').send({ data: { customerName: 'Anon' } })).status).toBe(403);
    expect((await app.http().get('/api/vehicles')).status).toBe(403);
  });

  it('creates enquiries from a website form, limited per client address (429 with Retry-After)', async () => {
    const form = (n: number) => ({ data: { customerName: `Form ${n}`, message: 'Is it still available?', dealership: dealership.documentId } });
    for (const n of [1, 2, 3]) {
      const res = await api().post('/api/leads', form(n));
      expect(res.status).toBe(201);
      expect(res.body.data.customerName).toBe(`Form ${n}`);
    }
    const limited = await api().post('/api/leads', form(4));
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/Too many enquiries from this address/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await app.strapi.documents('api::lead.lead' as any).count({ filters: { customerName: { $startsWith: 'Form ' } } } as any)).toBe(3);
  });
});
