/**
 * Images benchmark (issue 15, docs/performance.md): a first stock sync with images on a fresh
 * database, the sandbox in its own process answering API calls after 300 ms and images after 50 ms.
 * Each setting runs in a fresh process on a fresh database (a fresh media library, and RSS growth
 * that starts from a clean heap). Prints, per setting: images per second, peak RSS growth, the most
 * downloads the image host saw at once, and where the time goes (download, the upload plugin —
 * sharp's checks, optimisation and resized formats, the provider's file write —, database).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { startRemoteSandbox } from './remote-sandbox';
import { compileOnce, dealershipWithCredential, sync } from './stock';
import { createTestDatabase } from '../../tests/helpers/database';
import { startStrapi } from '../../tests/helpers/strapi';
import { measure, mb, seconds } from './measure';
import { profiledWithSummary } from './cpu-profile';
import { imagePhaseTimings, resetImagePhaseTimings, type ImagePhase } from '../../src/plugins/easycars/server/src/images/image-phase-timings';
import { mostAtOnce } from '../../tests/helpers/request-overlap';

const ROOT = path.resolve(__dirname, '..', '..');
const RESULT_PREFIX = 'IMAGES-BENCH-RESULT ';

export interface ImagesBenchOptions {
  db: 'sqlite' | 'postgres';
  count: number;
  latencyMs: number;
  imageLatencyMs: number;
  /** Download concurrencies to compare (each with the other settings at their defaults). */
  concurrencies: number[];
  /** Upload concurrencies to compare (each with the other settings at their defaults). */
  uploadConcurrencies: number[];
  /** Also take a CPU profile of each run's sync (written to .tmp/, summarised in the report). */
  cpuProfile: boolean;
}

/** One run's settings, passed to the plugin as environment variables. */
type Setting = { label: string; env: Record<string, string> };

interface RunResult {
  label: string;
  vehicles: number;
  images: number;
  failed: number;
  status: string;
  syncMs: number;
  imagesPhaseMs: number;
  rssGrowthMb: number;
  hostMaxAtOnce: number;
  pluginMaxDownloads: number;
  maxBuffered: number;
  phases: Record<ImagePhase, { ms: number; count: number }>;
  strapiUpload: Record<string, { ms: number; count: number }>;
  dbMs: number;
  dbQueries: number;
  dbByTable: Record<string, number>;
  profile?: string;
}

interface LogEntry {
  endpoint: string;
  at: number;
  endedAt: number | null;
}

/** Times the upload plugin's own steps (bench only: its services are wrapped in this process). */
function timeUploadPlugin(strapi: Core.Strapi) {
  const totals: Record<string, { ms: number; count: number }> = {};
  const wrap = (target: any, method: string, label: string) => {
    const original = target[method];
    if (typeof original !== 'function') return;
    target[method] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original.apply(target, args);
      } finally {
        const t = (totals[label] ??= { ms: 0, count: 0 });
        t.ms += performance.now() - started;
        t.count++;
      }
    };
  };
  const manipulation = strapi.plugin('upload').service('image-manipulation') as any;
  for (const m of ['isImage', 'isFaultyImage', 'isOptimizableImage', 'isResizableImage', 'getDimensions']) wrap(manipulation, m, 'sharp: checks + dimensions');
  wrap(manipulation, 'optimize', 'sharp: optimisation');
  wrap(manipulation, 'generateThumbnail', 'sharp: thumbnail');
  wrap(manipulation, 'generateResponsiveFormats', 'sharp: small/medium/large');
  wrap(strapi.plugin('upload').provider as any, 'upload', 'provider: file writes');
  wrap(strapi.plugin('upload').provider as any, 'uploadStream', 'provider: file writes');
  return totals;
}

/** Sums the time of every SQL statement (busy time: concurrent statements overlap). */
function timeDatabase(strapi: Core.Strapi) {
  const started = new Map<string, number>();
  const totals = { ms: 0, count: 0, byTable: {} as Record<string, number> };
  const onQuery = (q: { __knexQueryUid?: string; sql?: string }) => {
    if (q.__knexQueryUid) started.set(q.__knexQueryUid, performance.now());
    const sql = q.sql ?? '';
    const verb = sql.trim().split(/\s+/)[0]!.toLowerCase();
    const table = /\b(?:from|into|update)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)/i.exec(sql)?.[1]?.toLowerCase();
    const kind = table ? `${verb} ${table}` : verb;
    totals.byTable[kind] = (totals.byTable[kind] ?? 0) + 1;
  };
  const onDone = (_r: unknown, q: { __knexQueryUid?: string }) => {
    const at = q.__knexQueryUid ? started.get(q.__knexQueryUid) : undefined;
    if (at === undefined) return;
    started.delete(q.__knexQueryUid!);
    totals.ms += performance.now() - at;
    totals.count++;
  };
  const onError = (_e: unknown, q: { __knexQueryUid?: string }) => onDone(undefined, q);
  strapi.db.connection.on('query', onQuery).on('query-response', onDone).on('query-error', onError);
  return {
    totals,
    stop: () => {
      strapi.db.connection.off('query', onQuery).off('query-response', onDone).off('query-error', onError);
    },
  };
}

/** One first sync with images, in this process (spawned by runImagesBench). */
export async function runImagesOnce(opts: ImagesBenchOptions, setting: Setting) {
  await compileOnce();
  const sandbox = await startRemoteSandbox({ EC114575: opts.count, EC208841: 1 });
  const app = await startStrapi({
    database: await createTestDatabase(opts.db),
    env: {
      EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
      EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
      EASYCARS_TIMEOUT_MS: '60000',
      EASYCARS_IMAGES_ENABLED: 'true',
      EASYCARS_IMAGE_HOSTS: '127.0.0.1',
      EASYCARS_IMAGE_HTTP_HOSTS: '127.0.0.1',
      EASYCARS_IMAGES_ALLOW_PRIVATE: 'true',
      ...setting.env,
    },
  });
  try {
    const { strapi } = app;
    await sandbox.control('setLatencyMs', opts.latencyMs);
    await sandbox.control('setImageLatencyMs', opts.imageLatencyMs);
    const dealership = await dealershipWithCredential(app, 'Picture Motors', 'EC114575');
    await sandbox.control('clearRequestLog');
    const uploadTotals = timeUploadPlugin(strapi);
    const db = timeDatabase(strapi);
    resetImagePhaseTimings();
    let profile: string | undefined;
    const run = await measure(strapi, async () => {
      if (!opts.cpuProfile) return sync(app, dealership);
      const file = path.join(ROOT, '.tmp', `images-${setting.label.replace(/\W+/g, '-')}.cpuprofile`);
      const { result, summary } = await profiledWithSummary(file, () => sync(app, dealership));
      profile = summary;
      return result;
    });
    db.stop();
    const log = run.result;
    const imageLog = (await sandbox.control<LogEntry[]>('requestLog')).filter((e) => e.endpoint === 'image');
    const timings = imagePhaseTimings();
    const result: RunResult = {
      label: setting.label,
      vehicles: log.created ?? 0,
      images: log.imagesDownloaded ?? 0,
      failed: log.imagesFailed ?? 0,
      status: log.status,
      syncMs: run.ms,
      imagesPhaseMs: (log.timings?.phases ?? []).find((p: { phase: string }) => p.phase === 'images')?.ms ?? 0,
      rssGrowthMb: run.rssGrowthMb,
      hostMaxAtOnce: mostAtOnce(imageLog),
      pluginMaxDownloads: timings.maxDownloadsInFlight,
      maxBuffered: timings.maxBuffered,
      phases: timings.phases,
      strapiUpload: uploadTotals,
      dbMs: db.totals.ms,
      dbQueries: db.totals.count,
      dbByTable: db.totals.byTable,
      ...(profile ? { profile } : {}),
    };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } finally {
    await app.destroy();
    await sandbox.close();
  }
}

function settings(opts: ImagesBenchOptions): Setting[] {
  return [
    { label: 'defaults', env: {} },
    ...opts.concurrencies.map((c) => ({ label: `concurrency ${c}`, env: { EASYCARS_IMAGES_CONCURRENCY: String(c) } })),
    ...opts.uploadConcurrencies.map((c) => ({ label: `upload concurrency ${c}`, env: { EASYCARS_IMAGES_UPLOAD_CONCURRENCY: String(c) } })),
  ];
}

function spawnRun(opts: ImagesBenchOptions, setting: Setting): RunResult {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [
    '--expose-gc', tsx, path.join(__dirname, 'index.ts'), 'images-run',
    '--db', opts.db, '--count', String(opts.count), '--latency', String(opts.latencyMs), '--image-latency', String(opts.imageLatencyMs),
    '--setting', JSON.stringify(setting), ...(opts.cpuProfile ? ['--cpu-profile'] : []),
  ];
  const res = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const line = res.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (res.status !== 0 || !line) throw new Error(`the images run "${setting.label}" failed (exit ${res.status})\n${res.stdout.slice(-4000)}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as RunResult;
}

const perImage = (ms: number, images: number) => (images ? `${(ms / images).toFixed(1)} ms/image` : '-');

function report(r: RunResult) {
  const rate = r.images / (r.imagesPhaseMs / 1000);
  const lines = [
    `### ${r.label}: ${r.images} images for ${r.vehicles} vehicles (${r.failed} failed, status ${r.status})`,
    `  images phase ${seconds(r.imagesPhaseMs)} = ${rate.toFixed(1)} images/s; whole sync ${seconds(r.syncMs)}; peak RSS growth ${mb(r.rssGrowthMb)}`,
    `  most downloads at once: ${r.hostMaxAtOnce} seen by the image host, ${r.pluginMaxDownloads} counted by the plugin; most downloaded images held at once: ${r.maxBuffered}`,
    `  busy time by phase (summed over concurrent tasks; per downloaded image):`,
  ];
  for (const [phase, t] of Object.entries(r.phases)) if (t.count) lines.push(`    ${phase.padEnd(10)} ${seconds(t.ms).padStart(9)}  ${perImage(t.ms, r.images)}  (${t.count}×)`);
  lines.push(`  inside the upload plugin's upload():`);
  for (const [step, t] of Object.entries(r.strapiUpload)) lines.push(`    ${step.padEnd(28)} ${seconds(t.ms).padStart(9)}  ${perImage(t.ms, r.images)}  (${t.count}×)`);
  lines.push(`  all SQL statements of the sync: ${seconds(r.dbMs)} busy, ${r.dbQueries} statements (${perImage(r.dbMs, r.images)})`);
  const busiest = Object.entries(r.dbByTable).sort((a, b) => b[1] - a[1]).slice(0, 12);
  lines.push(`    statements per image: ${busiest.map(([k, n]) => `${k} ${(n / (r.images || 1)).toFixed(2)}`).join(', ')}`);
  if (r.profile) lines.push(r.profile);
  return lines.join('\n');
}

export async function runImagesBench(opts: ImagesBenchOptions) {
  console.log(`\n## Images benchmark — ${opts.db}, ${opts.count} vehicles, ${opts.latencyMs} ms per EasyCars call, ${opts.imageLatencyMs} ms per image (Node ${process.version})`);
  const results: RunResult[] = [];
  for (const setting of settings(opts)) {
    console.log(`running: ${setting.label} …`);
    results.push(spawnRun(opts, setting));
  }
  console.log('');
  for (const r of results) console.log(report(r));
  console.log('\nsummary (images/s in the images phase):');
  for (const r of results) console.log(`  ${r.label.padEnd(22)} ${(r.images / (r.imagesPhaseMs / 1000)).toFixed(1).padStart(6)} images/s, host saw at most ${r.hostMaxAtOnce} at once, RSS growth ${mb(r.rssGrowthMb)}`);
}
