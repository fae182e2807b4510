import { startStrapi, type TestApp } from '../helpers/strapi';

/** Reads the live schema (tables, columns, indexes) on whichever database this run uses. */
async function liveIndexes(app: TestApp, table: string): Promise<Array<{ name: string; unique: boolean; columns: string[] }>> {
  const knex = app.strapi.db.connection;
  if (app.db.client === 'sqlite') {
    const list = await knex.raw(`PRAGMA index_list(${table})`);
    const out = [];
    for (const idx of list) {
      const cols = await knex.raw(`PRAGMA index_info(${idx.name})`);
      out.push({ name: idx.name, unique: idx.unique === 1, columns: cols.map((c: { name: string }) => c.name) });
    }
    return out;
  }
  const res = await knex.raw(
    `SELECT i.relname AS name, ix.indisunique AS unique, array_agg(a.attname ORDER BY k.ord) AS columns
       FROM pg_class t JOIN pg_index ix ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname = ? GROUP BY i.relname, ix.indisunique`,
    [table],
  );
  return res.rows.map((r: { name: string; unique: boolean; columns: string[] | string }) => ({
    name: r.name,
    unique: r.unique,
    columns: Array.isArray(r.columns) ? r.columns : String(r.columns).replace(/[{}]/g, '').split(','),
  }));
}

describe(`foundation (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('loads the host collections and the plugin content types', () => {
    for (const uid of ['api::dealership.dealership', 'api::vehicle.vehicle', 'api::lead.lead']) {
      expect(app.strapi.contentType(uid as never)).toBeDefined();
    }
    expect(app.strapi.contentType('api::vehicle.vehicle' as never).options?.draftAndPublish).toBe(true);
    expect(app.strapi.contentType('api::lead.lead' as never).options?.draftAndPublish).toBe(false);
    for (const name of ['credential', 'stock-record', 'lead-record', 'sync-log', 'audit-entry', 'image-asset', 'lead-conflict', 'rate-limit']) {
      const ct = app.strapi.contentType(`plugin::easycars.${name}` as never);
      expect(ct).toBeDefined();
      expect((ct.pluginOptions as Record<string, { visible: boolean }>)['content-manager'].visible).toBe(false);
    }
  });

  it('stores all 72 StockItem fields and every GetLeadDetail field as columns', async () => {
    const knex = app.strapi.db.connection;
    const stockColumns = Object.keys(await knex('easycars_stock_records').columnInfo());
    for (const col of ['stock_number', 'vin', 'price', 'rego_expiry', 'image_ur_ls', 'powerk_w', 'is_deposit_taken', 'gcm', 'length']) {
      expect(stockColumns).toContain(col);
    }
    const stockFields = Object.keys(app.strapi.contentType('plugin::easycars.stock-record' as never).attributes).filter((a) => /^[A-Z]/.test(a));
    expect(stockFields).toHaveLength(72);
    const leadColumns = Object.keys(await knex('easycars_lead_records').columnInfo());
    for (const col of ['lead_number', 'external_id', 'created_date_time', 'customer_no', 'lead_status', 'synced_values', 'refused_values', 'origin', 'closed_at']) {
      expect(leadColumns).toContain(col);
    }
    // The customer's personal details are not copied into lead-record columns (docs/lead-sync.md, privacy).
    expect(leadColumns.filter((c) => c.startsWith('customer_'))).toEqual(['customer_no']);
  });

  it('has the unique keys and indexes the sync relies on', async () => {
    const expectIndex = async (table: string, columns: string[], unique: boolean) => {
      const found = (await liveIndexes(app, table)).find((i) => i.columns.join(',') === columns.join(','));
      expect(found).toBeDefined();
      expect(found?.unique).toBe(unique);
    };
    await expectIndex('easycars_credentials', ['dealership'], true);
    await expectIndex('easycars_stock_records', ['dealership', 'stock_number'], true);
    await expectIndex('easycars_stock_records', ['dealership', 'vin'], false);
    await expectIndex('easycars_lead_records', ['dealership', 'lead_number'], true);
    await expectIndex('easycars_lead_records', ['lead_document_id'], true);
    await expectIndex('easycars_sync_logs', ['dealership', 'type', 'started_at'], false);
    await expectIndex('easycars_sync_logs', ['status'], false);
    await expectIndex('easycars_image_assets', ['dealership', 'url_hash'], true);
    // The shared limiter's atomic upsert (ON CONFLICT) needs it.
    await expectIndex('easycars_rate_limits', ['limiter_key'], true);
  });

  it('refuses a second stock record with the same dealership and StockNumber', async () => {
    const q = app.strapi.db.query('plugin::easycars.stock-record' as never);
    await q.create({ data: { dealership: 'd1', StockNumber: 'S1' } });
    await q.create({ data: { dealership: 'd2', StockNumber: 'S1' } });
    // Matched on the message: the SQLite driver's error class can come from another Jest
    // module registry (native modules load once per worker), so `toThrow()` would miss it.
    await expect(q.create({ data: { dealership: 'd1', StockNumber: 'S1' } })).rejects.toMatchObject({
      message: expect.stringMatching(/unique|duplicate/i),
    });
  });

  it('registers the plugin permissions with Strapi RBAC', () => {
    const actions = app.strapi.admin.services.permission.actionProvider.values().map((a: { actionId: string }) => a.actionId);
    for (const a of ['credentials.read', 'credentials.manage', 'sync.trigger', 'sync-logs.read', 'sync-settings.manage', 'conflicts.resolve']) {
      expect(actions).toContain(`plugin::easycars.${a}`);
    }
  });

  it("serves the app's favicon (browsers ask for it on every admin page; a missing file was a 500 and an error line each time)", async () => {
    const res = await app.http().get('/favicon.ico').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect((res.body as Buffer).subarray(1, 4).toString('latin1')).toBe('PNG'); // the app's favicon.png
  });

  it('serves the admin API to a logged-in super admin', async () => {
    const admin = await app.superAdmin();
    const res = await app.http().get('/admin/users/me').set('Authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(200);
  });
});
