/**
 * Benchmarks. Usage: npm run bench -- reconcile [--db postgres|sqlite|both] [--count 20000], npm run bench -- history [--runs 100000] [--items 2000000]  (PostgreSQL), or npm run bench -- stock [--db sqlite|postgres|both] [--count 5000] [--big 20000|0] [--naive-count N|0] [--with-middleware],
 * or npm run bench -- big-feed [--db sqlite|postgres|both] [--count 50000],
 * or npm run bench -- fleet [--dealerships 100] [--vehicles 300] [--instances 1,2] [--latency 300] [--images 0] [--image-latency 50]  (PostgreSQL)
 * or npm run bench -- images [--db postgres|sqlite] [--count 200] [--concurrency 2,8] [--upload-concurrency 1] [--latency 300] [--image-latency 50] [--cpu-profile]
 * (a first sync with images; each setting in a fresh process on a fresh database).
 * --with-middleware registers a no-op Document Service middleware first, so new vehicles go
 * through the Document Service instead of the bulk create (what an app with a search indexer gets).
 * Boots the real Strapi (compiled into dist/) against the EasyCars sandbox on a throw-away database.
 */
import './cjs-shim';
import { runBigFeedBench, runStockBench, type StockBenchOptions } from './stock';
import { runHistoryBench } from './history';
import { runReconcileBench } from './reconcile';
import { runLeadBurstBench } from './leads';
import { runBigFeed } from './big-feed';
import { runFleetBench } from './fleet';
import { runImagesBench, runImagesOnce, type ImagesBenchOptions } from './images';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const which = process.argv[2];
  if (which === 'stock-big') {
    // Spawned by the stock benchmark for its big-feed run.
    await runBigFeedBench(arg('db', 'sqlite') as 'sqlite' | 'postgres', Number(arg('big', '20000')));
    process.exit(0);
  }
  if (which === 'big-feed') {
    await runBigFeed(arg('db', 'both'), Number(arg('count', '50000')));
    process.exit(0);
  }
  if (which === 'fleet') {
    await runFleetBench({
      dealerships: Number(arg('dealerships', '100')),
      vehicles: Number(arg('vehicles', '300')),
      instances: arg('instances', '1,2').split(',').map(Number),
      latencyMs: Number(arg('latency', '300')),
      images: Number(arg('images', '0')),
      imageLatencyMs: Number(arg('image-latency', '50')),
    });
    process.exit(0);
  }
  if (which === 'images' || which === 'images-run') {
    const options: ImagesBenchOptions = {
      db: arg('db', 'postgres') as 'sqlite' | 'postgres',
      count: Number(arg('count', '200')),
      latencyMs: Number(arg('latency', '300')),
      imageLatencyMs: Number(arg('image-latency', '50')),
      // The defaults (4 downloads, 2 uploads at once) run first; these are compared with them.
      concurrencies: arg('concurrency', '2,8').split(',').map(Number).filter((n) => n > 0),
      uploadConcurrencies: arg('upload-concurrency', '1').split(',').map(Number).filter((n) => n > 0),
      cpuProfile: process.argv.includes('--cpu-profile'),
    };
    // images-run: one setting, spawned by the images benchmark.
    if (which === 'images-run') await runImagesOnce(options, JSON.parse(arg('setting', '{"label":"defaults","env":{}}')));
    else await runImagesBench(options);
    process.exit(0);
  }
  if (which === 'leads') {
    await runLeadBurstBench(arg('db', 'postgres') as 'sqlite' | 'postgres', Number(arg('count', '1000')), Number(arg('latency', '300')));
    process.exit(0);
  }
  if (which === 'reconcile') {
    const db = arg('db', 'postgres');
    for (const client of db === 'both' ? (['sqlite', 'postgres'] as const) : ([db] as Array<'sqlite' | 'postgres'>)) await runReconcileBench(client, Number(arg('count', '20000')));
    process.exit(0);
  }
  if (which === 'history') {
    await runHistoryBench({ runs: Number(arg('runs', '100000')), items: Number(arg('items', '2000000')) });
    process.exit(0);
  }
  if (which !== 'stock') {
    console.error('Usage: npm run bench -- stock [--db sqlite|postgres|both] [--count 5000] [--big 20000|0] [--naive-count N|0] [--with-middleware]\n       npm run bench -- big-feed [--db sqlite|postgres|both] [--count 50000]\n       npm run bench -- history [--runs 100000] [--items 2000000]   (PostgreSQL)\n       npm run bench -- reconcile [--db postgres|sqlite|both] [--count 20000]\n       npm run bench -- leads [--db postgres|sqlite] [--count 1000] [--latency 300]\n       npm run bench -- images [--db postgres|sqlite] [--count 200] [--concurrency 2,8] [--upload-concurrency 1] [--latency 300] [--image-latency 50] [--cpu-profile]\n       npm run bench -- fleet [--dealerships 100] [--vehicles 300] [--instances 1,2] [--latency 300] [--images 0] [--image-latency 50]   (PostgreSQL)');
    process.exit(2);
  }
  const db = arg('db', 'both');
  const count = Number(arg('count', '5000'));
  const options: StockBenchOptions = {
    count,
    naiveCount: Number(arg('naive-count', String(count))),
    big: Number(arg('big', '20000')),
    withMiddleware: process.argv.includes('--with-middleware'),
    cpuProfile: process.argv.includes('--cpu-prof') ? arg('cpu-prof', '') || undefined : undefined,
  };
  const clients = db === 'both' ? (['sqlite', 'postgres'] as const) : ([db] as Array<'sqlite' | 'postgres'>);
  for (const client of clients) await runStockBench(client, options);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
