/**
 * One rollup: the sums of an hour (or a day) of one dealership's runs, EasyCars calls and image
 * downloads of one type. Pure functions: add events, merge two rollups (flushes from several
 * instances land in the same row), read averages and p95 from the bucket counts.
 */
import { API_DURATION_BUCKETS, IMAGE_DURATION_BUCKETS, RUN_DURATION_BUCKETS } from './definitions';

export const RUN_STATUSES = ['success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RECORD_OUTCOMES = ['created', 'updated', 'removed', 'failed'] as const;

export interface Rollup {
  runs: Record<RunStatus, number>;
  runDurationMsSum: number;
  /** Counts per RUN_DURATION_BUCKETS upper bound (seconds), plus one for "above the last". */
  runDurationHist: number[];
  records: Record<(typeof RECORD_OUTCOMES)[number], number>;
  apiCalls: number;
  apiErrors: number;
  apiLatencyMsSum: number;
  apiLatencyHist: number[];
  /** HTTP 429 answers and the time spent waiting before retrying. */
  throttled: number;
  throttleWaitMs: number;
  images: number;
  imagesFailed: number;
  imageBytes: number;
  imageLatencyMsSum: number;
  imageLatencyHist: number[];
}

const zeros = (n: number) => Array.from({ length: n + 1 }, () => 0);

export const emptyRollup = (): Rollup => ({
  runs: { success: 0, warning: 0, partial: 0, failed: 0, interrupted: 0, cancelled: 0 },
  runDurationMsSum: 0,
  runDurationHist: zeros(RUN_DURATION_BUCKETS.length),
  records: { created: 0, updated: 0, removed: 0, failed: 0 },
  apiCalls: 0,
  apiErrors: 0,
  apiLatencyMsSum: 0,
  apiLatencyHist: zeros(API_DURATION_BUCKETS.length),
  throttled: 0,
  throttleWaitMs: 0,
  images: 0,
  imagesFailed: 0,
  imageBytes: 0,
  imageLatencyMsSum: 0,
  imageLatencyHist: zeros(IMAGE_DURATION_BUCKETS.length),
});

/** Index of the first bucket whose upper bound (seconds) holds `ms`; the last index is "above every bound". */
export function bucketIndex(bounds: readonly number[], ms: number): number {
  const seconds = ms / 1000;
  const i = bounds.findIndex((le) => seconds <= le);
  return i === -1 ? bounds.length : i;
}

export function addRun(r: Rollup, run: { status: string; durationMs: number; counts: Partial<Record<string, number>> }): void {
  if ((RUN_STATUSES as readonly string[]).includes(run.status)) r.runs[run.status as RunStatus] += 1;
  r.runDurationMsSum += run.durationMs;
  r.runDurationHist[bucketIndex(RUN_DURATION_BUCKETS, run.durationMs)] += 1;
  for (const outcome of RECORD_OUTCOMES) r.records[outcome] += Number(run.counts[outcome] ?? 0);
}

export function addApiCall(r: Rollup, call: { error: boolean; durationMs: number; throttled: number; throttleWaitMs: number }): void {
  r.apiCalls += 1;
  if (call.error) r.apiErrors += 1;
  r.apiLatencyMsSum += call.durationMs;
  r.apiLatencyHist[bucketIndex(API_DURATION_BUCKETS, call.durationMs)] += 1;
  r.throttled += call.throttled;
  r.throttleWaitMs += call.throttleWaitMs;
}

export function addImage(r: Rollup, image: { ok: boolean; bytes: number; durationMs: number }): void {
  r.images += 1;
  if (!image.ok) r.imagesFailed += 1;
  r.imageBytes += image.bytes;
  r.imageLatencyMsSum += image.durationMs;
  r.imageLatencyHist[bucketIndex(IMAGE_DURATION_BUCKETS, image.durationMs)] += 1;
}

const addArrays = (a: number[], b: number[]) => a.map((v, i) => v + Number(b?.[i] ?? 0));
const addRecords = <K extends string>(a: Record<K, number>, b: Partial<Record<K, number>> | undefined) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (v as number) + Number(b?.[k as K] ?? 0)])) as Record<K, number>;

/** a + b; `b` may be a stored row written by an older version (missing fields count as 0). */
export function mergeRollups(a: Rollup, b: Partial<Rollup> | null | undefined): Rollup {
  if (!b) return a;
  const n = (v: unknown) => Number(v ?? 0);
  return {
    runs: addRecords(a.runs, b.runs),
    runDurationMsSum: a.runDurationMsSum + n(b.runDurationMsSum),
    runDurationHist: addArrays(a.runDurationHist, b.runDurationHist ?? []),
    records: addRecords(a.records, b.records),
    apiCalls: a.apiCalls + n(b.apiCalls),
    apiErrors: a.apiErrors + n(b.apiErrors),
    apiLatencyMsSum: a.apiLatencyMsSum + n(b.apiLatencyMsSum),
    apiLatencyHist: addArrays(a.apiLatencyHist, b.apiLatencyHist ?? []),
    throttled: a.throttled + n(b.throttled),
    throttleWaitMs: a.throttleWaitMs + n(b.throttleWaitMs),
    images: a.images + n(b.images),
    imagesFailed: a.imagesFailed + n(b.imagesFailed),
    imageBytes: a.imageBytes + n(b.imageBytes),
    imageLatencyMsSum: a.imageLatencyMsSum + n(b.imageLatencyMsSum),
    imageLatencyHist: addArrays(a.imageLatencyHist, b.imageLatencyHist ?? []),
  };
}

export const runCount = (r: Rollup) => RUN_STATUSES.reduce((sum, s) => sum + r.runs[s], 0);

/**
 * The q-quantile in milliseconds from bucket counts: the upper bound of the bucket holding it
 * (what Prometheus' histogram_quantile would answer without interpolation); null without data.
 * Above the last bound it answers the last bound: "at least".
 */
export function quantileMs(hist: number[], bounds: readonly number[], q: number): number | null {
  const total = hist.reduce((s, v) => s + v, 0);
  if (!total) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= rank) return Math.round((bounds[Math.min(i, bounds.length - 1)] ?? 0) * 1000);
  }
  return Math.round(bounds[bounds.length - 1] * 1000);
}

/** Start of the UTC hour or day holding `at`, in epoch milliseconds. */
export function bucketStart(period: 'hour' | 'day', at: number): number {
  const size = period === 'hour' ? 3_600_000 : 86_400_000;
  return Math.floor(at / size) * size;
}
