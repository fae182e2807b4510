/** Daily performance series for the dashboard charts, from daily rollups (several dealerships summed). Pure. */
import type { PerformanceDay } from '../../../shared/dashboard';
import { API_DURATION_BUCKETS, RUN_DURATION_BUCKETS } from './definitions';
import { emptyRollup, mergeRollups, quantileMs, runCount, type Rollup } from './rollup';
import type { StoredRollup } from './store';

const DAY_MS = 86_400_000;

export function performanceSeries(rollups: StoredRollup[], since: number, now: number): PerformanceDay[] {
  const byKey = new Map<string, Rollup>();
  for (const r of rollups) {
    const key = `${r.bucketStart}|${r.type}`;
    byKey.set(key, mergeRollups(byKey.get(key) ?? emptyRollup(), r.data));
  }
  const days: PerformanceDay[] = [];
  for (let start = Math.floor(since / DAY_MS) * DAY_MS; start <= now; start += DAY_MS) {
    for (const type of ['stock', 'leads'] as const) {
      const r = byKey.get(`${start}|${type}`) ?? emptyRollup();
      const runs = runCount(r);
      const good = r.runs.success + r.runs.warning;
      const finished = runs - r.runs.cancelled;
      days.push({
        day: new Date(start).toISOString().slice(0, 10),
        type,
        runs,
        successRate: finished ? Math.round((good / finished) * 1000) / 10 : null,
        avgDurationMs: runs ? Math.round(r.runDurationMsSum / runs) : null,
        p95DurationMs: quantileMs(r.runDurationHist, RUN_DURATION_BUCKETS, 0.95),
        apiCalls: r.apiCalls,
        apiErrors: r.apiErrors,
        avgLatencyMs: r.apiCalls ? Math.round(r.apiLatencyMsSum / r.apiCalls) : null,
        p95LatencyMs: quantileMs(r.apiLatencyHist, API_DURATION_BUCKETS, 0.95),
        throttled: r.throttled,
      });
    }
  }
  return days;
}
