import { RUN_DURATION_BUCKETS } from '../../../src/plugins/easycars/server/src/metrics/definitions';
import { performanceSeries } from '../../../src/plugins/easycars/server/src/metrics/performance';
import { addApiCall, addImage, addRun, bucketIndex, bucketStart, emptyRollup, mergeRollups, quantileMs } from '../../../src/plugins/easycars/server/src/metrics/rollup';

describe('metric rollups', () => {
  it('sums runs, records, API calls and images', () => {
    const r = emptyRollup();
    addRun(r, { status: 'success', durationMs: 12_000, counts: { created: 3, updated: 2 } });
    addRun(r, { status: 'failed', durationMs: 2_000, counts: { failed: 1 } });
    addApiCall(r, { error: false, durationMs: 300, throttled: 0, throttleWaitMs: 0 });
    addApiCall(r, { error: true, durationMs: 9_000, throttled: 2, throttleWaitMs: 4_000 });
    addImage(r, { ok: true, bytes: 2048, durationMs: 80 });
    addImage(r, { ok: false, bytes: 0, durationMs: 15_000 });
    expect(r.runs).toMatchObject({ success: 1, failed: 1 });
    expect(r.records).toEqual({ created: 3, updated: 2, removed: 0, failed: 1 });
    expect(r).toMatchObject({ runDurationMsSum: 14_000, apiCalls: 2, apiErrors: 1, apiLatencyMsSum: 9_300, throttled: 2, throttleWaitMs: 4_000, images: 2, imagesFailed: 1, imageBytes: 2048 });
    expect(r.runDurationHist.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('merges rollups from several instances, and rows written by an older version', () => {
    const a = emptyRollup();
    addRun(a, { status: 'success', durationMs: 1000, counts: { created: 1 } });
    const b = emptyRollup();
    addRun(b, { status: 'warning', durationMs: 3000, counts: { updated: 4 } });
    const merged = mergeRollups(a, b);
    expect(merged.runs).toMatchObject({ success: 1, warning: 1 });
    expect(merged.records).toMatchObject({ created: 1, updated: 4 });
    expect(mergeRollups(merged, { apiCalls: 5 } as any).apiCalls).toBe(5);
    expect(mergeRollups(merged, null)).toBe(merged);
  });

  it('reads p95 from bucket counts as the bucket’s upper bound', () => {
    expect(bucketIndex(RUN_DURATION_BUCKETS, 500)).toBe(0); // ≤ 1 s
    expect(bucketIndex(RUN_DURATION_BUCKETS, 5000)).toBe(1); // ≤ 5 s
    expect(bucketIndex(RUN_DURATION_BUCKETS, 10_000_000)).toBe(RUN_DURATION_BUCKETS.length); // above every bound
    const r = emptyRollup();
    for (let i = 0; i < 19; i++) addRun(r, { status: 'success', durationMs: 800, counts: {} });
    addRun(r, { status: 'success', durationMs: 100_000, counts: {} });
    expect(quantileMs(r.runDurationHist, RUN_DURATION_BUCKETS, 0.95)).toBe(1000);
    expect(quantileMs(r.runDurationHist, RUN_DURATION_BUCKETS, 1)).toBe(120_000);
    expect(quantileMs(emptyRollup().runDurationHist, RUN_DURATION_BUCKETS, 0.95)).toBeNull();
  });

  it('buckets by UTC hour and day', () => {
    const at = Date.parse('2026-11-28T13:45:10.000Z');
    expect(new Date(bucketStart('hour', at)).toISOString()).toBe('2026-11-28T13:00:00.000Z');
    expect(new Date(bucketStart('day', at)).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('turns daily rollups into a per-day series, summing dealerships, with empty days', () => {
    const day = Date.parse('2026-11-27T00:00:00.000Z');
    const one = emptyRollup();
    addRun(one, { status: 'success', durationMs: 10_000, counts: {} });
    addApiCall(one, { error: false, durationMs: 200, throttled: 1, throttleWaitMs: 0 });
    const two = emptyRollup();
    addRun(two, { status: 'failed', durationMs: 30_000, counts: {} });
    addRun(two, { status: 'cancelled', durationMs: 1_000, counts: {} });
    const series = performanceSeries(
      [
        { period: 'day', bucketStart: day, dealership: 'a', type: 'stock', data: one },
        { period: 'day', bucketStart: day, dealership: 'b', type: 'stock', data: two },
      ],
      day,
      Date.parse('2026-11-28T10:00:00.000Z'),
    );
    expect(series).toHaveLength(4);
    expect(series[0]).toMatchObject({ day: '2026-11-27', type: 'stock', runs: 3, successRate: 50, avgDurationMs: 13_667, apiCalls: 1, throttled: 1, p95LatencyMs: 250 });
    expect(series[3]).toMatchObject({ day: '2026-11-28', type: 'leads', runs: 0, successRate: null, avgDurationMs: null, p95DurationMs: null });
  });
});
