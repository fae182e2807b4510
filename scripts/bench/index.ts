/**
 * Benchmarks. Usage: npm run bench -- reconcile [--db postgres|sqlite|both] [--count 20000], npm run bench -- history [--runs 100000] [--items 2000000]  (PostgreSQL), or npm run bench -- stock [--db sqlite|postgres|both] [--count 5000] [--big 20000|0] [--naive-count N|0] [--with-middleware],
 * or npm run bench -- big-feed [--db sqlite|postgres|both] [--count 50000]
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
    console.error('Usage: npm run bench -- stock [--db sqlite|postgres|both] [--count 5000] [--big 20000|0] [--naive-count N|0] [--with-middleware]\n       npm run bench -- big-feed [--db sqlite|postgres|both] [--count 50000]\n       npm run bench -- history [--runs 100000] [--items 2000000]   (PostgreSQL)\n       npm run bench -- reconcile [--db postgres|sqlite|both] [--count 20000]\n       npm run bench -- leads [--db postgres|sqlite] [--count 1000] [--latency 300]');
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
