/**
 * Stock sync benchmark (docs/performance.md): initial sync, no-change re-sync, 1% change,
 * the same initial sync done by a naive per-vehicle Document Service loop, and peak RSS on a
 * big feed. Images are off (the benchmark measures the vehicle path). The sandbox runs in its own
 * process, so RSS is the Strapi process's alone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SANDBOX_CREDENTIALS } from '../../sandbox/src';
import { startRemoteSandbox } from './remote-sandbox';
import { createTestDatabase } from '../../tests/helpers/database';
import { startStrapi, type TestApp } from '../../tests/helpers/strapi';
import { mapStockItem, toVehicleData } from '../../src/plugins/easycars/server/src/stock/map-stock-item';
import { resolveFieldMap } from '../../src/plugins/easycars/server/src/stock/field-map';
import { measure, mb, seconds, tables } from './measure';
import { profiled } from './cpu-profile';

export interface StockBenchOptions {
  count: number;
  naiveCount: number;
  big: number;
  /** Register a no-op Document Service middleware: new vehicles then skip the bulk create. */
  withMiddleware?: boolean;
  /** Write a CPU profile of the initial sync to this file (and print its summary). */
  cpuProfile?: string;
}

const VEHICLE = 'api::vehicle.vehicle';
const ROOT = path.resolve(__dirname, '..', '..');

export async function compileOnce() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: ROOT, ignoreDiagnostics: true });
}
export let compiled: Promise<void> | undefined;

export async function dealershipWithCredential(app: TestApp, name: string, account: 'EC114575' | 'EC208841') {
  const d = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name, timezone: 'Australia/Sydney' } as any });
  await app.strapi.plugin('easycars').service('credentials').create(
    { dealership: d.documentId, environment: 'test', isActive: true },
    { ...SANDBOX_CREDENTIALS.client, ...SANDBOX_CREDENTIALS.accounts[account] },
  );
  return d.documentId as string;
}

export async function sync(app: TestApp, dealership: string) {
  const plugin = app.strapi.plugin('easycars');
  const log = await plugin.service('syncLogs').createIfIdle({ dealership, type: 'stock', trigger: 'manual' });
  await plugin.service('stockSync').run({ dealership, syncLogId: log.id, trigger: 'manual' });
  return plugin.service('syncLogs').get(log.id);
}

export async function boot(client: 'sqlite' | 'postgres', stockCount: { EC114575: number; EC208841: number }) {
  const sandbox = await startRemoteSandbox(stockCount);
  const app = await startStrapi({
    database: await createTestDatabase(client),
    env: {
      EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
      EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
      EASYCARS_IMAGES_ENABLED: 'false',
      EASYCARS_TIMEOUT_MS: '60000',
    },
  });
  return { sandbox, app };
}

export async function runStockBench(client: 'sqlite' | 'postgres', opts: StockBenchOptions) {
  compiled ??= compileOnce();
  await compiled;
  console.log(`\n## Stock sync benchmark — ${client}, ${opts.count} vehicles, no images${opts.withMiddleware ? ', with a no-op Document Service middleware' : ''} (Node ${process.version})`);
  const { sandbox, app } = await boot(client, { EC114575: opts.count, EC208841: Math.max(opts.naiveCount, 1) });
  try {
    if (opts.withMiddleware) {
      const benchNoopMiddleware: Parameters<typeof app.strapi.documents.use>[0] = async (_ctx, next) => next();
      app.strapi.documents.use(benchNoopMiddleware);
    }
    const d = await dealershipWithCredential(app, 'Bench Motors', 'EC114575');
    const initialSync = () => sync(app, d);
    // CPU time of this process (Strapi, and SQLite itself) moves less than wall time on a shared machine.
    const cpuBefore = process.cpuUsage();
    const initial = await measure(app.strapi, opts.cpuProfile ? () => profiled(opts.cpuProfile!.replace(/(\.cpuprofile)?$/, `-${client}.cpuprofile`), initialSync) : initialSync);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const l1 = initial.result;
    const creation = l1.requestSummary?.vehicleCreation;
    console.log(`new vehicles created by: ${creation?.path}${creation?.reason ? ` (${creation.reason})` : ''}`);
    console.log(`initial sync:        ${seconds(initial.ms)}  (${(initial.ms / opts.count).toFixed(2)} ms/vehicle, CPU ${(cpuMs / opts.count).toFixed(2)} ms/vehicle, status ${l1.status}, created ${l1.created}, failed ${l1.failed}, SQL writes ${initial.writes}, peak RSS growth ${mb(initial.rssGrowthMb)})`);

    const again = await measure(app.strapi, () => sync(app, d));
    const vehicleWrites = Object.entries(again.writesByTable).filter(([t]) => t.startsWith('vehicles')).reduce((n, [, v]) => n + v, 0);
    console.log(`no-change re-sync:   ${seconds(again.ms)}  (updated ${again.result.updated}, created ${again.result.created}, vehicle writes ${vehicleWrites}; all SQL writes: ${tables(again.writesByTable)})`);

    const feed = await sandbox.control<Array<{ StockNumber: string; Price: number | null }>>('listStock', 'EC114575');
    const changed = Math.round(feed.length / 100);
    for (const item of feed.slice(0, changed)) await sandbox.control('updateStock', 'EC114575', item.StockNumber, { Price: Number(item.Price ?? 1000) + 1 });
    const onePct = await measure(app.strapi, () => sync(app, d));
    console.log(`1% change (${changed}):     ${seconds(onePct.ms)}  (vehicles written ${onePct.result.updated + onePct.result.created}, unchanged ${onePct.result.unchanged}; SQL writes: ${tables(onePct.writesByTable)})`);

    if (opts.naiveCount > 0) {
      // The naive loop: per vehicle, Document Service create then publish, no batching.
      const naiveDealer = await dealershipWithCredential(app, 'Naive Motors', 'EC208841');
      const map = resolveFieldMap(undefined);
      const api = app.strapi.plugin('easycars').service('easycarsClient').forCredential({
        environment: 'test', ...SANDBOX_CREDENTIALS.client, ...SANDBOX_CREDENTIALS.accounts.EC208841,
      });
      const naive = await measure(app.strapi, async () => {
        const { items } = await api.getAdvertisementStocks();
        for (const item of items) {
          const data = toVehicleData(mapStockItem(item).vehicle, map, naiveDealer);
          const created = await app.strapi.documents(VEHICLE as any).create({ data } as any);
          await app.strapi.documents(VEHICLE as any).publish({ documentId: created.documentId } as any);
        }
        return items.length;
      });
      const perVehicleFast = initial.ms / opts.count;
      const perVehicleNaive = naive.ms / naive.result;
      console.log(`naive loop (${naive.result}):  ${seconds(naive.ms)}  (${(perVehicleNaive).toFixed(2)} ms/vehicle vs ${perVehicleFast.toFixed(2)} ms/vehicle for the sync: ${(perVehicleNaive / perVehicleFast).toFixed(1)}× faster)`);
    }
  } finally {
    await app.destroy();
    await sandbox.close();
  }

  // In a fresh process: RSS growth measured after the runs above would start from a heap they
  // had already grown.
  if (opts.big > 0) runInFreshProcess(client, opts.big);
}

export function runInFreshProcess(client: 'sqlite' | 'postgres', big: number) {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const res = spawnSync(process.execPath, [tsx, path.join(__dirname, 'index.ts'), 'stock-big', '--db', client, '--big', String(big)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`the ${big}-vehicle run on ${client} failed (exit ${res.status})`);
}

/** One sync of a big feed on a fresh Strapi: time and peak RSS growth. */
export async function runBigFeedBench(client: 'sqlite' | 'postgres', big: number) {
  compiled ??= compileOnce();
  await compiled;
  const { sandbox, app } = await boot(client, { EC114575: big, EC208841: 1 });
  try {
    const d = await dealershipWithCredential(app, 'Big Motors', 'EC114575');
    const run = await measure(app.strapi, () => sync(app, d));
    console.log(`big feed (${big}, fresh process, ${client}):   ${seconds(run.ms)}  (status ${run.result.status}, created ${run.result.created}, peak RSS ${mb(run.peakRssMb)}, growth ${mb(run.rssGrowthMb)}${big >= 50_000 ? `, goal <= 300 MB ${run.rssGrowthMb <= 300 ? 'met' : 'MISSED'}` : ''})`);
  } finally {
    await app.destroy();
    await sandbox.close();
  }
}
