/** Types and calls behind the Stock page (/easycars/sync/*, /easycars/sync-logs, /easycars/credentials). */
import { PLUGIN_ID } from '../pluginId';

export type RunStatus = 'queued' | 'running' | 'success' | 'warning' | 'partial' | 'failed' | 'interrupted' | 'cancelled';

export interface SyncRun {
  id: number;
  trigger: 'schedule' | 'manual' | 'retry' | 'event';
  triggeredByName: string | null;
  status: RunStatus;
  phase: string | null;
  progressDone: number;
  progressTotal: number;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  durationMs: number | null;
  errorMessage: string | null;
  apiCalls: number;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  restored: number;
  failed: number;
  imagesDownloaded: number;
  imagesReused: number;
  imagesRemoved: number;
  imagesFailed: number;
  itemErrors?: Array<{ ref: string; message: string }> | null;
  warnings?: Array<{ ref: string; field?: string; message: string }> | null;
  items?: Array<{ ref: string; outcome: string; message?: string }> | null;
}

export interface StockStatus {
  configured: boolean;
  globallyDisabled: boolean;
  stock: {
    enabled: boolean;
    schedule: { kind: 'hourly' | 'daily' | 'custom'; time: string | null; cron: string | null } | null;
    nextRunAt: string | null;
    active: SyncRun | null;
    last: SyncRun | null;
    lastSuccessAt: string | null;
  };
}

export const stockUrl = (path: string) => `/${PLUGIN_ID}${path}`;
export const isActive = (run: SyncRun | null | undefined) => run?.status === 'queued' || run?.status === 'running';

export interface StockClient {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  post: (url: string, body?: unknown) => Promise<{ data: any }>;
}

export function stockApi(client: StockClient) {
  return {
    async status(dealership: string): Promise<StockStatus> {
      return (await client.get(stockUrl('/sync/status'), { params: { dealership } })).data.data;
    },
    /** The last 10 stock runs of the dealership. */
    async runs(dealership: string): Promise<SyncRun[]> {
      const res = await client.get(stockUrl('/sync-logs'), { params: { dealership, type: 'stock', pageSize: 10 } });
      return res.data.results ?? res.data.data?.results ?? [];
    },
    async syncNow(dealership: string) {
      return (await client.post(stockUrl('/sync/stock'), { dealership })).data.data;
    },
  };
}
