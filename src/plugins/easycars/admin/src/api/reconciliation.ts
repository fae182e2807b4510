/** Calls behind the Reconciliation page (/easycars/reconciliation*). */
import type { FindingActionInput, FindingActionResult, ReconciliationFilters, ReconciliationReport, ReconciliationSchedule } from '../../../shared/reconciliation';
import { PLUGIN_ID } from '../pluginId';

export type { ReconciliationSchedule } from '../../../shared/reconciliation';
export { RECONCILIATION_SCHEDULES } from '../../../shared/reconciliation';
export type { Finding, FindingActionResult, FindingCategory, FindingCounts, FindingSeverity, FindingState, ReconciliationFilters, ReconciliationReport } from '../../../shared/reconciliation';
export { FINDING_CATEGORIES, FINDING_SEVERITIES, FINDING_STATES } from '../../../shared/reconciliation';

interface Client {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  post: (url: string, body?: unknown) => Promise<{ data: any }>;
  put: (url: string, body?: unknown) => Promise<{ data: any }>;
}

const params = (filter: ReconciliationFilters) => Object.fromEntries(Object.entries(filter).filter(([, v]) => Boolean(v)));

export function reconciliationApi(client: Client) {
  const url = (path = '') => `/${PLUGIN_ID}/reconciliation${path}`;
  return {
    async report(dealership: string, filter: ReconciliationFilters, page: number, pageSize = 50): Promise<ReconciliationReport> {
      return (await client.get(url(), { params: { dealership, ...params(filter), page, pageSize } })).data.data;
    },
    async run(dealership: string): Promise<{ syncLogId: number }> {
      return (await client.post(url('/run'), { dealership })).data.data;
    },
    async act(action: FindingActionInput['action'], input: Omit<FindingActionInput, 'action'>): Promise<FindingActionResult> {
      return (await client.post(url(`/${action}`), input)).data.data;
    },
    async setSchedule(dealership: string, schedule: ReconciliationSchedule): Promise<{ schedule: ReconciliationSchedule }> {
      return (await client.put(url('/settings'), { dealership, schedule })).data.data;
    },
    /** The export as a Blob (the admin's token goes with the request, so no plain link). */
    async export(dealership: string, filter: ReconciliationFilters, format: 'csv' | 'pdf'): Promise<Blob> {
      return (await client.get(url('/export'), { params: { dealership, ...params(filter), format }, responseType: 'blob' })).data;
    },
  };
}
