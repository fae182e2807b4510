/**
 * The audit trail can be read (issue 14): newest first, filtered by dealership, action (or a family of
 * them), admin, result and date; a manager sees only their dealerships' entries, never site-wide ones.
 */
import { startStrapi, type TestAdmin, type TestApp } from '../helpers/strapi';

describe(`audit trail (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  let superAdmin: TestAdmin;
  let manager: TestAdmin;
  let harbour: string;
  let north: string;
  const get = (url: string, as: TestAdmin) => app.http().get(url).set('Authorization', `Bearer ${as.token}`);

  beforeAll(async () => {
    app = await startStrapi();
    superAdmin = await app.superAdmin();
    manager = await app.createAdmin({ roles: [await app.createRole('Reader', ['plugin::easycars.sync-logs.read'])] });
    const dealerships = app.strapi.documents('api::dealership.dealership' as any);
    harbour = (await dealerships.create({ data: { name: 'Harbour Motors', timezone: 'Australia/Sydney' } as any })).documentId;
    north = (await dealerships.create({ data: { name: 'North Shore Autos', timezone: 'Australia/Perth' } as any })).documentId;
    await dealerships.update({ documentId: harbour, data: { managers: { connect: [{ id: manager.id }] } } } as any);
    // Adding the manager was audited too ("dealership.managers.update"); the test starts from its own entries.
    expect(await app.strapi.db.query('plugin::easycars.audit-entry' as any).count({ where: { action: 'dealership.managers.update', dealership: harbour } })).toBe(1);
    await app.strapi.db.query('plugin::easycars.audit-entry' as any).deleteMany({});
    const audit = app.strapi.plugin('easycars').service('audit');
    await audit.record({ dealership: harbour, action: 'credentials.create', entityType: 'credential', entityId: 1, actor: { id: 1, name: 'Ada Admin' }, changedFields: ['clientId', 'clientSecret'], result: 'success', message: 'Credentials saved' });
    await audit.record({ dealership: harbour, action: 'lead.push.create', entityType: 'lead', entityId: 'lead-1', actor: null, result: 'failure', message: 'EasyCars did not answer' });
    await audit.record({ dealership: harbour, action: 'lead.status.conflict.resolve', entityType: 'lead', entityId: 'lead-1', actor: { id: 2, name: 'Ben Manager' }, result: 'success' });
    await audit.record({ dealership: north, action: 'credentials.update', entityType: 'credential', entityId: 2, actor: { id: 1, name: 'Ada Admin' }, changedFields: ['yardCode'], result: 'success' });
    await audit.record({ dealership: null, action: 'history.retention', actor: { id: 1, name: 'Ada Admin' }, result: 'success', message: 'Retention set to 30 days' });
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('lists every entry for a Super Admin, newest first, with the dealership’s name, and the actions for the filter', async () => {
    const res = await get('/easycars/audit', superAdmin);
    expect(res.status).toBe(200);
    const { results, pagination, actions } = res.body.data;
    expect(results.map((e: any) => e.action)).toEqual(['history.retention', 'credentials.update', 'lead.status.conflict.resolve', 'lead.push.create', 'credentials.create']);
    expect(results[4]).toMatchObject({ dealership: harbour, dealershipName: 'Harbour Motors', actorName: 'Ada Admin', changedFields: ['clientId', 'clientSecret'], result: 'success', entityType: 'credential', entityId: '1' });
    expect(results[0]).toMatchObject({ dealership: null, dealershipName: null });
    expect(pagination).toEqual({ page: 1, pageSize: 25, total: 5, pageCount: 1 });
    expect(actions).toEqual(['credentials.create', 'credentials.update', 'history.retention', 'lead.push.create', 'lead.status.conflict.resolve']);
  });

  it('shows a manager only their dealerships’ entries (not site-wide ones), and 404 for another dealership', async () => {
    const res = await get('/easycars/audit', manager);
    expect(res.body.data.results.map((e: any) => e.action)).toEqual(['lead.status.conflict.resolve', 'lead.push.create', 'credentials.create']);
    expect(res.body.data.actions).toEqual(['credentials.create', 'lead.push.create', 'lead.status.conflict.resolve']);
    expect(JSON.stringify(res.body)).not.toContain(north);
    expect((await get(`/easycars/audit?dealership=${north}`, manager)).status).toBe(404);
  });

  it('filters by dealership, action family, admin, result and date', async () => {
    const actions = async (query: string) => (await get(`/easycars/audit?${query}`, superAdmin)).body.data.results.map((e: any) => e.action);
    expect(await actions(`dealership=${north}`)).toEqual(['credentials.update']);
    expect(await actions('action=lead.')).toEqual(['lead.status.conflict.resolve', 'lead.push.create']);
    expect(await actions('action=credentials.create')).toEqual(['credentials.create']);
    expect(await actions('actor=ben')).toEqual(['lead.status.conflict.resolve']);
    expect(await actions('result=failure')).toEqual(['lead.push.create']);
    const today = new Date().toISOString().slice(0, 10);
    expect(await actions(`from=${today}&to=${today}`)).toHaveLength(5);
    expect(await actions('to=2020-01-01')).toEqual([]);
    const paged = (await get('/easycars/audit?pageSize=2&page=2', superAdmin)).body.data;
    expect(paged.results.map((e: any) => e.action)).toEqual(['lead.status.conflict.resolve', 'lead.push.create']);
    expect(paged.pagination).toEqual({ page: 2, pageSize: 2, total: 5, pageCount: 3 });
  });

  it('refuses bad filters with messages that name them', async () => {
    const bad = await get('/easycars/audit?result=maybe&from=yesterday&action=DROP%20TABLE', superAdmin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/result: result must be one of success, failure, info/);
    expect(bad.body.error.message).toMatch(/from: from must be a date/);
    expect(bad.body.error.message).toMatch(/action: action must be an action name/);
  });
});
