/** Types and calls behind the Stock page (/easycars/sync/*, /easycars/sync-logs, /easycars/credentials). */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
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

/** The stock status of a dealership, polled fast while a sync runs (so progress survives a reload). */
export function useStockStatus(dealership: string | undefined) {
  const { get } = useFetchClient();
  const [data, setData] = useState<StockStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const load = useCallback(async () => {
    if (!dealership) return null;
    try {
      const res = await get<any>(stockUrl('/sync/status'), { params: { dealership } });
      setData(res.data.data);
      setError(null);
      return res.data.data as StockStatus;
    } catch (e) {
      setError(e);
      return null;
    }
  }, [get, dealership]);

  useEffect(() => {
    let stopped = false;
    const loop = async () => {
      const status = await load();
      if (stopped) return;
      timer.current = setTimeout(loop, isActive(status?.stock.active) ? 1000 : 10000);
    };
    void loop();
    return () => {
      stopped = true;
      clearTimeout(timer.current);
    };
  }, [load]);

  return { data, error, reload: load };
}
