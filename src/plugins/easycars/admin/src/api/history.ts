/** Calls behind the History page (/easycars/history, /history/export, /sync-logs/:id/items). */
import type { HistoryFilters, HistoryItem, HistoryPage, RetentionSettings } from '../../../shared/history';
import { PLUGIN_ID } from '../pluginId';

export type { HistoryFilters, HistoryItem, HistoryPage, HistoryRun, RetentionSettings } from '../../../shared/history';
export { RUN_STATUSES, RUN_TRIGGERS, RUN_TYPES } from '../../../shared/history';

export interface HistoryClient {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  put?: (url: string, body?: unknown) => Promise<{ data: any }>;
}

/** The URL's filter params (what a shared link carries) → the API's filters; blank values dropped. */
export const HISTORY_PARAMS = ['scope', 'type', 'status', 'trigger', 'from', 'to', 'q', 'page'] as const;

export function filtersFromParams(params: URLSearchParams): HistoryFilters & { page: number } {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const scope = value('scope');
  return {
    ...(scope && scope !== 'all' ? { dealership: scope } : {}),
    type: value('type') as HistoryFilters['type'],
    status: value('status') as HistoryFilters['status'],
    trigger: value('trigger') as HistoryFilters['trigger'],
    from: value('from'),
    to: value('to'),
    q: value('q'),
    page: Math.max(1, Number(value('page') ?? 1) || 1),
  };
}

const query = (filters: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''));

export function historyApi(client: HistoryClient) {
  return {
    async list(filters: HistoryFilters, page: number, pageSize = 25): Promise<HistoryPage> {
      const res = await client.get(`/${PLUGIN_ID}/history`, { params: query({ ...filters, page, pageSize }) });
      return res.data;
    },
    async items(syncLogId: number, page: number, pageSize = 50): Promise<{ data: HistoryItem[]; meta: HistoryPage['meta'] }> {
      const res = await client.get(`/${PLUGIN_ID}/sync-logs/${syncLogId}/items`, { params: { page, pageSize } });
      return res.data;
    },
    async run(syncLogId: number) {
      const res = await client.get(`/${PLUGIN_ID}/sync-logs/${syncLogId}`);
      return res.data.data;
    },
    async retention(): Promise<RetentionSettings & { canEdit: boolean }> {
      return (await client.get(`/${PLUGIN_ID}/history/retention`)).data.data;
    },
    async setRetention(value: RetentionSettings): Promise<RetentionSettings & { canEdit: boolean }> {
      if (!client.put) throw new Error('This client cannot save.');
      return (await client.put(`/${PLUGIN_ID}/history/retention`, value)).data.data;
    },
    /** The export as a Blob (the admin's token goes with the request, so no plain link). */
    async export(filters: HistoryFilters, format: 'csv' | 'json'): Promise<Blob> {
      const res = await client.get(`/${PLUGIN_ID}/history/export`, { params: query({ ...filters, format }), responseType: 'blob' });
      return res.data as Blob;
    },
  };
}
