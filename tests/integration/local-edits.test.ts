/**
 * FR20 (issue 14): a synced vehicle's fields edited here are overwritten and logged (EasyCars wins),
 * kept (this site wins, or pinned from the vehicle panel) or put up for review (a conflict in the
 * inbox, resolved with local, EasyCars, a merged value, a manual edit, or in bulk), each audited.
 */
import { startStockWorld, VEHICLE, type StockWorld } from '../helpers/stock-sync';
import type { TestAdmin } from '../helpers/strapi';

const ACCOUNT = 'EC114575';

describe(`local edits to synced vehicles (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let w: StockWorld;
  let dealership: string;
  let admin: TestAdmin;
  let feed: Array<{ StockNumber: string }>;
  const auth = (req: any) => req.set('Authorization', `Bearer ${admin.token}`);
  const draftOf = async (stockNumber: string) =>
    (await w.app.strapi.documents(VEHICLE as any).findFirst({ filters: { stockNumber, dealership: { documentId: dealership } }, status: 'draft' } as any)) as any;
  const edit = async (stockNumber: string, data: Record<string, unknown>) => {
    const v = await draftOf(stockNumber);
    await w.app.strapi.documents(VEHICLE as any).update({ documentId: v.documentId, data } as any);
    return v.documentId as string;
  };
  const settings = (body: Record<string, unknown>) => auth(w.app.http().put('/easycars/stock/settings')).send({ dealership, ...body });
  const audits = (action: string) => w.app.strapi.db.query('plugin::easycars.audit-entry' as any).findMany({ where: { action } });

  beforeAll(async () => {
    w = await startStockWorld({ stockCount: { EC114575: 10, EC208841: 2 }, env: { EASYCARS_IMAGES_ENABLED: 'false' } });
    dealership = await w.dealership('Harbour Motors', ACCOUNT);
    admin = await w.app.superAdmin();
    expect((await w.sync(dealership)).status).toBe('success');
    feed = w.sandbox.control.listStock(ACCOUNT);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('EasyCars wins by default: the local edit is overwritten, and the run and the audit trail say so with before and after', async () => {
    const sn = feed[0].StockNumber;
    const id = await edit(sn, { colour: 'Matte Black' });
    w.sandbox.control.updateStock(ACCOUNT, sn, { Price: 31000 });
    const log = await w.sync(dealership);
    expect((await draftOf(sn)).colour).not.toBe('Matte Black');
    expect(log.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ ref: sn, field: 'colour', message: expect.stringMatching(/EasyCars overwrote a local edit of colour: "Matte Black" →/) })]));
    const [entry] = await audits('stock.local-edit.overwrite');
    expect(entry).toMatchObject({ entityId: id, changedFields: ['colour'] });
    expect(entry.details.before).toEqual({ colour: 'Matte Black' });
  });

  it('this site wins: the edit stays, EasyCars’ change is recorded, the other fields still update', async () => {
    expect((await settings({ stockConflictStrategy: 'local' })).status).toBe(200);
    const sn = feed[1].StockNumber;
    await edit(sn, { colour: 'Sunset Orange' });
    w.sandbox.control.updateStock(ACCOUNT, sn, { Colour: 'Blue', Price: 22222 });
    const log = await w.sync(dealership);
    const v = await draftOf(sn);
    expect(v.colour).toBe('Sunset Orange');
    expect(Number(v.price)).toBe(22222);
    expect(log.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ ref: sn, field: 'colour', message: 'EasyCars changed colour to "Blue"; this site\'s value was kept (this site wins)' })]));
  });

  it('manual review opens a conflict in the inbox (local, EasyCars and last agreed values) and keeps the local value', async () => {
    expect((await settings({ stockConflictStrategy: 'easycars', stockFieldStrategies: { description: 'review' } })).status).toBe(200);
    const sn = feed[2].StockNumber;
    const id = await edit(sn, { description: 'Our own words' });
    w.sandbox.control.updateStock(ACCOUNT, sn, { AdvDescription: 'EasyCars rewrote this' });
    const run = await w.sync(dealership);
    expect([run.status, run.errorMessage]).toEqual(['success', null]);
    expect((await draftOf(sn)).description).toBe('Our own words');
    const inbox = await auth(w.app.http().get(`/easycars/conflicts?dealership=${dealership}`));
    expect(inbox.status).toBe(200);
    expect(inbox.body.data.counts).toEqual({ vehicle: 1, lead: 0 });
    expect(inbox.body.data.conflicts[0]).toMatchObject({ kind: 'vehicle', ref: sn, entryDocumentId: id, field: 'description', localValue: 'Our own words', state: 'open' });
    expect(String(inbox.body.data.conflicts[0].remoteValue)).toMatch(/^EasyCars rewrote this/);
    expect(inbox.body.data.conflicts[0].baseValue).not.toBe('Our own words');

    // A merge: a value of our own, written to the vehicle, the conflict closed, before and after audited.
    const res = await auth(w.app.http().post('/easycars/conflicts/resolve')).send({ dealership, choices: [{ kind: 'vehicle', id: inbox.body.data.conflicts[0].id, use: 'value', value: 'Our words, with the EasyCars news' }] });
    expect(res.body.data).toEqual({ resolved: 1, failed: [] });
    expect((await draftOf(sn)).description).toBe('Our words, with the EasyCars news');
    const [entry] = await audits('stock.conflict.resolve');
    expect(entry.details).toMatchObject({ before: 'Our own words', after: 'Our words, with the EasyCars news' });
    expect((await auth(w.app.http().get(`/easycars/conflicts?dealership=${dealership}`))).body.data.counts.vehicle).toBe(0);
  });

  it('a field pinned from the vehicle panel is never overwritten, and reconciliation does not call it a difference', async () => {
    await settings({ stockConflictStrategy: 'easycars', stockFieldStrategies: {} });
    const sn = feed[3].StockNumber;
    const id = await edit(sn, { description: 'Keep my description' });
    const pin = await auth(w.app.http().put(`/easycars/vehicles/${id}/pins`)).send({ field: 'description', pinned: true });
    expect(pin.body.data).toEqual({ pinnedFields: ['description'] });
    const bad = await auth(w.app.http().put(`/easycars/vehicles/${id}/pins`)).send({ field: 'nonsense', pinned: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('nonsense is not a field the stock sync writes');
    w.sandbox.control.updateStock(ACCOUNT, sn, { AdvDescription: 'EasyCars wants this', Price: 12000 });
    const log = await w.sync(dealership);
    expect((await draftOf(sn)).description).toBe('Keep my description');
    expect(log.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ ref: sn, message: expect.stringMatching(/this site's value was kept \(pinned\)/) })]));
    const link = await auth(w.app.http().get(`/easycars/vehicles/${id}/easycars`));
    expect(link.body.data.pinnedFields).toEqual(['description']);
  });

  it('saving a field under review in the content manager resolves it (Manual edit); bulk resolution takes EasyCars for the rest', async () => {
    await settings({ stockConflictStrategy: 'review', stockFieldStrategies: {} });
    const [a, b, c] = [feed[4].StockNumber, feed[5].StockNumber, feed[6].StockNumber];
    const idA = await edit(a, { colour: 'Ours A' });
    const idB = await edit(b, { colour: 'Ours B' });
    await edit(c, { colour: 'Ours C' });
    for (const sn of [a, b, c]) w.sandbox.control.updateStock(ACCOUNT, sn, { Colour: `EasyCars ${sn}` });
    await w.sync(dealership);
    expect((await auth(w.app.http().get(`/easycars/conflicts?dealership=${dealership}`))).body.data.counts.vehicle).toBe(3);

    // The content manager sends every field on save: a field saved unchanged is no decision, its conflict stays.
    const untouched = await auth(w.app.http().put(`/content-manager/collection-types/${VEHICLE}/${idB}`)).send({ colour: 'Ours B', title: 'Retitled by the editor' });
    expect(untouched.status).toBe(200);
    expect((await auth(w.app.http().get(`/easycars/conflicts?dealership=${dealership}`))).body.data.counts.vehicle).toBe(3);
    const cm = await auth(w.app.http().put(`/content-manager/collection-types/${VEHICLE}/${idA}`)).send({ colour: 'Typed by the editor' });
    expect(cm.status).toBe(200);
    const resolved = await auth(w.app.http().get(`/easycars/conflicts?dealership=${dealership}&state=resolved&kind=vehicle`));
    expect(resolved.body.data.conflicts.find((x: any) => x.ref === a)).toMatchObject({ resolution: 'manual', resolvedBy: expect.any(String) });

    const bulk = await auth(w.app.http().post('/easycars/conflicts/resolve-all')).send({ dealership, kind: 'vehicle', use: 'easycars' });
    expect(bulk.status).toBe(202);
    const logs = w.app.strapi.plugin('easycars').service('syncLogs');
    let run: any;
    for (let i = 0; i < 100 && !(run && !['queued', 'running'].includes(run.status)); i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = await logs.get(bulk.body.data.syncLogId);
    }
    // A job like a sync: its own run in the history, with progress and every conflict it touched.
    expect(run).toMatchObject({ type: 'conflicts', status: 'success', updated: 2, failed: 0, progressDone: 2, progressTotal: 2 });
    expect((await draftOf(b)).colour).toBe(`EasyCars ${b}`);
    expect((await draftOf(c)).colour).toBe(`EasyCars ${c}`);
  });

  it('an admin’s Sync from EasyCars settles the conflicts of the fields it overwrote', async () => {
    await settings({ stockConflictStrategy: 'review', stockFieldStrategies: {} });
    const sn = feed[8].StockNumber;
    await edit(sn, { colour: 'Ours D' });
    w.sandbox.control.updateStock(ACCOUNT, sn, { Colour: 'EasyCars D' });
    await w.sync(dealership);
    const open = (await auth(w.app.http().get(`/easycars/conflicts?dealership=${dealership}&kind=vehicle`))).body.data.conflicts.filter((c: any) => c.ref === sn);
    expect(open).toHaveLength(1);
    const plugin = w.app.strapi.plugin('easycars');
    const log = await plugin.service('syncLogs').createIfIdle({ dealership, type: 'stock', trigger: 'manual' });
    await plugin.service('stockSync').run({ dealership, syncLogId: log.id, trigger: 'manual', only: [sn] });
    expect((await draftOf(sn)).colour).toBe('EasyCars D');
    const resolved = (await auth(w.app.http().get(`/easycars/conflicts?dealership=${dealership}&kind=vehicle&state=resolved`))).body.data.conflicts.find((c: any) => c.id === open[0].id);
    expect(resolved).toMatchObject({ resolution: 'easycars', resolvedBy: `stock run ${log.id}` });
  });

  it('lets a vehicle editor pin only vehicles of a dealership they manage', async () => {
    const strapi = w.app.strapi;
    const role = await strapi.service('admin::role').create({ name: 'Vehicle editor', description: 'Vehicle editor' });
    await strapi.service('admin::role').assignPermissions(role.id, [
      { action: 'plugin::content-manager.explorer.update', subject: VEHICLE, conditions: [], properties: { fields: null } },
      { action: 'plugin::content-manager.explorer.read', subject: VEHICLE, conditions: [], properties: { fields: null } },
    ]);
    const editor = await w.app.createAdmin({ roles: [role.id] });
    const id = (await draftOf(feed[7].StockNumber)).documentId;
    const pin = (token: string) => w.app.http().put(`/easycars/vehicles/${id}/pins`).set('Authorization', `Bearer ${token}`).send({ field: 'price', pinned: true });
    expect((await pin(editor.token)).status).toBe(404);
    await strapi.documents('api::dealership.dealership' as any).update({ documentId: dealership, data: { managers: { connect: [{ id: editor.id }] } } } as any);
    const ok = await pin(editor.token);
    expect(ok.status).toBe(200);
    expect(ok.body.data.pinnedFields).toEqual(['price']);
  });

  it('names a bad strategy and a field the sync does not write', async () => {
    const bad = await settings({ stockConflictStrategy: 'sometimes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/stockConflictStrategy must be one of easycars, local, review/);
    const unknown = await settings({ stockConflictStrategy: 'local', stockFieldStrategies: { wheels: 'local' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^stockFieldStrategies: wheels is not a field the stock sync writes/);
  });
});
