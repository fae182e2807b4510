/**
 * Sync-history benchmark (docs/performance.md): PostgreSQL with 100,000 runs over 20 dealerships and
 * 2,000,000 touched-record entries, then through the real admin API: the first page, each filter, a
 * stock-number search (p50/p95 of 20 calls each), and a CSV export of every run streamed to a client
 * that discards it (time and peak RSS growth of the Strapi process).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '../../tests/helpers/database';
import { startStrapi, type TestApp } from '../../tests/helpers/strapi';
import { mb, seconds } from './measure';

export interface HistoryBenchOptions {
  runs: number;
  items: number;
}

const DEALERSHIPS = 20;
const CALLS = 20;

async function seed(app: TestApp, opts: HistoryBenchOptions): Promise<string[]> {
  const dealerships: string[] = [];
  for (let i = 0; i < DEALERSHIPS; i++) {
    const d = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: `Bench Dealer ${i + 1}`, timezone: 'Australia/Sydney' } as any });
    dealerships.push(d.documentId);
  }
  const knex = app.strapi.db.connection;
  const list = `ARRAY[${dealerships.map((d) => `'${d}'`).join(',')}]`;
  // Runs spread over the last 120 days, newest with the highest id; 1 in 10 a lead run, 1 in 20 failed.
  await knex.raw(`
    INSERT INTO easycars_sync_logs (document_id, dealership, type, direction, trigger, status, created_at, updated_at, started_at, completed_at, duration_ms,
      fetched, created, updated, unchanged, removed, restored, failed, api_calls, phase)
    SELECT md5(g::text), (${list})[1 + (g % ${DEALERSHIPS})],
      CASE WHEN g % 10 = 0 THEN 'leads' ELSE 'stock' END,
      CASE WHEN g % 10 = 0 THEN 'both' ELSE 'inbound' END,
      CASE WHEN g % 7 = 0 THEN 'manual' ELSE 'schedule' END,
      CASE WHEN g % 20 = 0 THEN 'failed' WHEN g % 13 = 0 THEN 'warning' ELSE 'success' END,
      now() - ((${opts.runs} - g) * interval '100 seconds'), now(), now() - ((${opts.runs} - g) * interval '100 seconds'), now() - ((${opts.runs} - g) * interval '100 seconds') + interval '4 seconds', 4000,
      200, g % 3, g % 5, 190, g % 2, 0, CASE WHEN g % 20 = 0 THEN 1 ELSE 0 END, 1, 'done'
    FROM generate_series(1, ${opts.runs}) AS g`);
  const perRun = Math.max(1, Math.floor(opts.items / opts.runs));
  await knex.raw(`
    INSERT INTO easycars_sync_items (document_id, sync_log_id, dealership, type, ref, vin, outcome, message, created_at, updated_at)
    SELECT md5('i' || g::text), l.id, l.dealership, l.type, (10000 + (g % 5000))::text, 'VIN' || lpad((g % 5000)::text, 14, '0'),
      CASE WHEN g % 4 = 0 THEN 'created' ELSE 'updated' END, NULL, now(), now()
    FROM generate_series(0, ${opts.items - 1}) AS g
    JOIN easycars_sync_logs l ON l.id = (SELECT min(id) FROM easycars_sync_logs) + (g / ${perRun})`);
  await knex.raw('ANALYZE easycars_sync_logs');
  await knex.raw('ANALYZE easycars_sync_items');
  return dealerships;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export async function runHistoryBench(opts: HistoryBenchOptions) {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: true });
  console.log(`\n## Sync history benchmark — postgres, ${opts.runs} runs, ${opts.items} touched records (Node ${process.version})`);
  const app = await startStrapi({ database: await createTestDatabase('postgres'), env: { EASYCARS_TEST_BASE_URL: 'http://127.0.0.1:9/TestECService', EASYCARS_PRODUCTION_BASE_URL: 'http://127.0.0.1:9/ECService' } });
  try {
    const started = Date.now();
    const dealerships = await seed(app, opts);
    console.log(`seeded in ${seconds(Date.now() - started)}`);
    const admin = await app.superAdmin();
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const queries: Array<[string, string]> = [
      ['first page', ''],
      ['page 200', 'page=200'],
      ['dealership', `dealership=${dealerships[3]}`],
      ['type=leads', 'type=leads'],
      ['status=failed', 'status=failed'],
      ['trigger=manual', 'trigger=manual'],
      ['last 30 days', `from=${monthAgo}&to=${today}`],
      ['all filters', `dealership=${dealerships[3]}&type=stock&status=success&trigger=schedule&from=${monthAgo}&to=${today}`],
      ['stock number search', 'q=12345'],
      ['VIN search', 'q=VIN00000000002345'],
    ];
    console.log('| query | p50 | p95 | rows | total |\n|---|---|---|---|---|');
    for (const [label, q] of queries) {
      const times: number[] = [];
      let body: any;
      for (let i = 0; i < CALLS; i++) {
        const t0 = performance.now();
        const res = await app.http().get(`/easycars/history?${q}`).set('Authorization', `Bearer ${admin.token}`);
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
        body = res.body;
      }
      console.log(`| ${label} | ${percentile(times, 50).toFixed(0)} ms | ${percentile(times, 95).toFixed(0)} ms | ${body.data.length} | ${body.meta.pagination.total} |`);
    }

    // The export, streamed to a client that counts and drops the bytes.
    const server = app.strapi.server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const t0 = performance.now();
    const { bytes, lines } = await new Promise<{ bytes: number; lines: number }>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/easycars/history/export?format=csv`, { headers: { Authorization: `Bearer ${admin.token}` } }, (res) => {
          let n = 0;
          let nl = 0;
          res.on('data', (chunk: Buffer) => {
            n += chunk.length;
            for (const byte of chunk) if (byte === 10) nl++;
          });
          res.on('end', () => resolve({ bytes: n, lines: nl }));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    clearInterval(sampler);
    console.log(`CSV export of every run: ${seconds(performance.now() - t0)}, ${lines - 1} rows, ${mb(bytes / 2 ** 20)}, peak RSS growth ${mb((peak - baseline) / 2 ** 20)}`);
  } finally {
    await app.destroy();
  }
}
