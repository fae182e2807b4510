/**
 * Sample answers of the stock admin API (/easycars/sync/status, /easycars/sync-logs) for the stock
 * component tests. The admin module double is the one the lead tests use (./leads-fakes).
 */
import type { StockStatus, SyncRun } from '../../src/plugins/easycars/admin/src/api/stock';

export const stockRun = (over: Partial<SyncRun> = {}): SyncRun => ({
  id: 41,
  trigger: 'manual',
  triggeredByName: 'Tess Admin',
  status: 'success',
  phase: null,
  progressDone: 0,
  progressTotal: 0,
  startedAt: '2025-03-01T10:00:00.000Z',
  completedAt: '2025-03-01T10:00:42.000Z',
  createdAt: '2025-03-01T10:00:00.000Z',
  durationMs: 42_000,
  errorMessage: null,
  apiCalls: 2,
  fetched: 250,
  created: 12,
  updated: 7,
  unchanged: 229,
  removed: 2,
  restored: 1,
  failed: 0,
  imagesDownloaded: 30,
  imagesReused: 400,
  imagesRemoved: 5,
  imagesFailed: 0,
  ...over,
});

export const stockStatus = (stock: Partial<StockStatus['stock']> = {}, over: Partial<StockStatus> = {}): StockStatus => ({
  configured: true,
  globallyDisabled: false,
  stock: {
    enabled: true,
    schedule: { kind: 'daily', time: '02:00', cron: null },
    nextRunAt: '2025-03-02T02:00:00.000Z',
    active: null,
    last: stockRun(),
    lastSuccessAt: '2025-03-01T10:00:42.000Z',
    ...stock,
  },
  ...over,
});

/** The admin shows dates in the browser's locale: the tests expect the same rendering. */
export const local = (iso: string) => new Date(iso).toLocaleString();
