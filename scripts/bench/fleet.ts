/**
 * Fleet benchmark (issue 15, docs/performance.md): a dealer group's first stock sync, with 1 and
 * with 2 Strapi instances in their own processes sharing one PostgreSQL database and pg-boss, the
 * sandbox in a third process answering after a realistic latency. Every instance asks for every
 * dealership's sync at the same moment (as several admins or schedulers might), so the figures
 * also show that one trigger runs once. Prints the wall time, the runs each instance took, the
 * EasyCars calls and the most EasyCars saw at once against the shared limit.
 */
import { Client } from 'pg';
import { SANDBOX_CREDENTIALS } from '../../sandbox/src';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/database';
import { startStrapi } from '../../tests/helpers/strapi';
import { startStrapiProcess } from '../../tests/helpers/strapi-process';
import { fleetAccountNumber, fleetAccountSecret } from './fleet-seed';
import { startFleetSandbox, type RemoteSandbox } from './remote-sandbox';
import { compileOnce } from './stock';
import { seconds } from './measure';

export interface FleetBenchOptions {
  dealerships: number;
  vehicles: number;
  instances: number[];
  latencyMs: number;
  imageLatencyMs: number;
  /** Images per vehicle (EASYCARS_IMAGES_MAX_PER_VEHICLE); 0 = images off. */
  images: number;
}

interface Report {
  vehicles: number;
  duplicates: number;
  perDealership: number[];
  logs: Array<{ dealership: string; status: string; instanceId: string | null }>;
}

const FINISHED = ['success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled'];

async function pgClient(db: TestDatabase): Promise<Client> {
  const client = new Client({ host: db.env.DATABASE_HOST, port: Number(db.env.DATABASE_PORT), user: db.env.DATABASE_USERNAME, password: db.env.DATABASE_PASSWORD, database: db.env.DATABASE_NAME });
  await client.connect();
  return client;
}

async function prepare(o: FleetBenchOptions, sandbox: RemoteSandbox): Promise<{ db: TestDatabase; dealerships: string[]; env: NodeJS.ProcessEnv }> {
  const db = await createTestDatabase('postgres');
  const host = new URL(sandbox.baseUrls.test).hostname;
  const app = await startStrapi({
    database: db,
    env: {
      EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
      EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
      EASYCARS_TIMEOUT_MS: '60000',
      EASYCARS_IMAGES_ENABLED: o.images > 0 ? 'true' : 'false',
      EASYCARS_IMAGES_MAX_PER_VEHICLE: String(Math.max(1, o.images)),
      EASYCARS_IMAGE_HOSTS: host,
      EASYCARS_IMAGE_HTTP_HOSTS: host,
      EASYCARS_IMAGES_ALLOW_PRIVATE: 'true',
      EASYCARS_QUEUE: 'pg-boss',
    },
  });
  const dealerships: string[] = [];
  for (let i = 0; i < o.dealerships; i++) {
    const d = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: `Group Dealer ${i + 1}`, timezone: 'Australia/Sydney' } as any });
    await app.strapi.plugin('easycars').service('credentials').create(
      { dealership: d.documentId, environment: 'test', isActive: true },
      { ...SANDBOX_CREDENTIALS.client, accountNumber: fleetAccountNumber(i), accountSecret: fleetAccountSecret(i) },
    );
    dealerships.push(d.documentId as string);
  }
  // The instances get the environment this app ran with (database, sandbox, encryption key).
  const env = { ...process.env };
  await app.destroy({ keepDatabase: true });
  return { db, dealerships, env };
}

async function runWith(o: FleetBenchOptions, n: number) {
  const sandbox = await startFleetSandbox(o.dealerships, o.vehicles);
  const { db, dealerships, env } = await prepare(o, sandbox);
  const instances = await Promise.all(Array.from({ length: n }, (_, i) => startStrapiProcess(`instance ${i + 1}`, { ...env, EASYCARS_TEST_QUIET_OUTGOING: '1' })));
  const pg = await pgClient(db);
  try {
    await sandbox.control('setLatencyMs', o.latencyMs);
    await sandbox.control('setImageLatencyMs', o.imageLatencyMs);
    await sandbox.control('clearRequestLog');
    await sandbox.control('resetConcurrency');
    const started = performance.now();
    const accepted = await Promise.all(instances.map((i) => i.call<number>('enqueueSyncs', { dealerships, type: 'stock' })));
    let lastPrint = started;
    for (;;) {
      const { rows } = await pg.query<{ done: string }>(`SELECT count(*) AS done FROM easycars_sync_logs WHERE type = 'stock' AND status = ANY($1)`, [FINISHED]);
      if (Number(rows[0]!.done) >= dealerships.length) break;
      if (performance.now() - lastPrint > 15_000) {
        lastPrint = performance.now();
        console.log(`  ${n} instance(s), ${seconds(performance.now() - started)}: ${rows[0]!.done}/${dealerships.length} dealerships synced`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const wallMs = performance.now() - started;
    const report = await instances[0]!.call<Report>('fleetReport', { dealerships });
    const log = await sandbox.control<Array<{ endpoint: string; accountNumber: string | null; at: number; endedAt: number | null }>>('requestLog');
    const { maxInFlight } = await sandbox.control<{ maxInFlight: number }>('concurrency');
    const lists = log.filter((e) => e.endpoint === 'GetAdvertisementStocks');
    const listsPerAccount = new Map<string, number>();
    for (const e of lists) listsPerAccount.set(e.accountNumber ?? '?', (listsPerAccount.get(e.accountNumber ?? '?') ?? 0) + 1);
    const runsPerDealership = new Map<string, number>();
    for (const l of report.logs) runsPerDealership.set(l.dealership, (runsPerDealership.get(l.dealership) ?? 0) + 1);
    const byInstance = instances.map((i) => report.logs.filter((l) => l.instanceId === i.instanceId).length);
    const statuses: Record<string, number> = {};
    for (const l of report.logs) statuses[l.status] = (statuses[l.status] ?? 0) + 1;
    return {
      instances: n,
      wallMs,
      vehicles: report.vehicles,
      expectedVehicles: o.dealerships * o.vehicles,
      duplicates: report.duplicates,
      incomplete: report.perDealership.filter((c) => c !== o.vehicles).length,
      triggersAccepted: accepted.reduce((a, b) => a + b, 0),
      runsTwice: [...runsPerDealership.values()].filter((c) => c > 1).length,
      listsTwice: [...listsPerAccount.values()].filter((c) => c > 1).length,
      byInstance,
      statuses,
      apiCalls: log.filter((e) => e.endpoint !== 'image').length,
      images: log.filter((e) => e.endpoint === 'image').length,
      maxInFlight,
    };
  } finally {
    await pg.end();
    await Promise.all(instances.map((i) => i.stop()));
    await db.drop();
    await sandbox.close();
  }
}

export async function runFleetBench(o: FleetBenchOptions) {
  await compileOnce();
  const limit = Number(process.env.EASYCARS_MAX_CONCURRENT ?? 4);
  const shared = process.env.EASYCARS_SHARED_RATE_LIMIT !== 'false';
  const results = [];
  for (const n of o.instances) {
    console.log(`fleet: ${o.dealerships} dealerships × ${o.vehicles} vehicles, ${n} instance(s)…`);
    results.push(await runWith(o, n));
  }
  const base = results.find((r) => r.instances === 1);
  console.log(
    `\nfleet (PostgreSQL, ${o.dealerships} dealerships × ${o.vehicles} vehicles, ${o.latencyMs} ms per EasyCars call, ` +
      `${o.images ? `${o.images} image(s) per vehicle at ${o.imageLatencyMs} ms` : 'images off'}, EASYCARS_MAX_CONCURRENT ${limit}${shared ? ' shared by the instances' : ' per instance (EASYCARS_SHARED_RATE_LIMIT=false)'}, ` +
      `EASYCARS_SYNC_CONCURRENCY ${process.env.EASYCARS_SYNC_CONCURRENCY ?? 2} per instance):`,
  );
  for (const r of results) {
    const speedup = base && r !== base ? ` — ${(base.wallMs / r.wallMs).toFixed(2)}× one instance` : '';
    console.log(
      `  ${r.instances} instance(s): ${seconds(r.wallMs)} (${(r.vehicles / (r.wallMs / 1000)).toFixed(0)} vehicles/s)${speedup}; ` +
        `${r.vehicles}/${r.expectedVehicles} vehicles, ${r.duplicates} duplicated, ${r.incomplete} dealerships incomplete; ` +
        `runs ${JSON.stringify(r.statuses)}, per instance [${r.byInstance.join(', ')}]; ${r.triggersAccepted} of ${r.instances * o.dealerships} triggers queued a run, ` +
        `${r.runsTwice} dealerships run twice, ${r.listsTwice} stock lists fetched twice; ${r.apiCalls} EasyCars calls${o.images ? `, ${r.images} images` : ''}, ` +
        `most at once ${r.maxInFlight} (limit ${shared ? limit : `${limit} per instance`})`,
    );
  }
}
