/** Shared setup for the stock-sync integration tests: sandbox + Strapi + dealerships + credentials. */
import { startSandbox, SANDBOX_CREDENTIALS, type RunningSandboxLike } from './sandbox-types';
import { startStrapi, type TestApp } from './strapi';

export const VEHICLE = 'api::vehicle.vehicle';
export const RECORD = 'plugin::easycars.stock-record';

export interface StockWorld {
  app: TestApp;
  sandbox: RunningSandboxLike;
  /** Creates a dealership (+ credential for the account) and returns its documentId. */
  dealership(name: string, account: keyof typeof SANDBOX_CREDENTIALS.accounts, fields?: Record<string, unknown>): Promise<string>;
  /** Runs one stock sync in-line (as the job would) and returns its finished log. */
  sync(dealership: string): Promise<any>;
  /** Counts insert/update/delete statements run while `fn` runs, by table. */
  countWrites<T>(fn: () => Promise<T>): Promise<{ result: T; total: number; byTable: Record<string, number> }>;
  vehiclesOf(dealership: string, status?: 'draft' | 'published'): Promise<any[]>;
  close(): Promise<void>;
}

export async function startStockWorld(opts: { stockCount?: Record<string, number>; env?: Record<string, string> } = {}): Promise<StockWorld> {
  const sandbox = await startSandbox({ stockCount: opts.stockCount ?? { EC114575: 30, EC208841: 12 }, tokenTtlSeconds: 600 });
  const app = await startStrapi({
    env: {
      EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
      EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
      EASYCARS_IMAGE_HOSTS: '127.0.0.1',
      EASYCARS_IMAGE_HTTP_HOSTS: '127.0.0.1',
      EASYCARS_IMAGES_ALLOW_PRIVATE: 'true',
      EASYCARS_MIN_TIME_MS: '0',
      ...opts.env,
    },
  });
  const { strapi } = app;
  const plugin = () => strapi.plugin('easycars');

  const world: StockWorld = {
    app,
    sandbox,
    async dealership(name, account, fields = {}) {
      const d = await strapi.documents('api::dealership.dealership' as any).create({ data: { name, timezone: 'Australia/Sydney' } as any });
      await plugin().service('credentials').create(
        { dealership: d.documentId, environment: 'test', isActive: true, imageSyncEnabled: true, ...fields },
        { ...SANDBOX_CREDENTIALS.client, ...SANDBOX_CREDENTIALS.accounts[account] },
      );
      return d.documentId;
    },
    async sync(dealership) {
      const log = await plugin().service('syncLogs').createIfIdle({ dealership, type: 'stock', trigger: 'manual' });
      if (!log) throw new Error('a stock sync is already active for this dealership');
      await plugin().service('stockSync').run({ dealership, syncLogId: log.id, trigger: 'manual' });
      return plugin().service('syncLogs').get(log.id);
    },
    async countWrites(fn) {
      const byTable: Record<string, number> = {};
      let total = 0;
      const listener = (q: { sql?: string }) => {
        const sql = (q.sql ?? '').trim().toLowerCase();
        const m = /^(insert into|update|delete from)\s+(?:[`"]?[a-z0-9_]+[`"]?\.)?[`"]?([a-z0-9_]+)/.exec(sql);
        if (!m) return;
        total++;
        byTable[m[2]!] = (byTable[m[2]!] ?? 0) + 1;
      };
      strapi.db.connection.on('query', listener);
      try {
        const result = await fn();
        return { result, total, byTable };
      } finally {
        strapi.db.connection.off('query', listener);
      }
    },
    async vehiclesOf(dealership, status = 'published') {
      return strapi.documents(VEHICLE as any).findMany({ filters: { dealership: { documentId: dealership } } as any, status, limit: -1 } as any) as any;
    },
    async close() {
      await app.destroy();
      await sandbox.close();
    },
  };
  return world;
}
