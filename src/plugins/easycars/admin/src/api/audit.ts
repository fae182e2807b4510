/** The call behind the Audit trail page (GET /easycars/audit). */
import type { AuditFilters, AuditPage } from '../../../shared/audit';
import { PLUGIN_ID } from '../pluginId';

export type { AuditEntryView, AuditFilters, AuditPage } from '../../../shared/audit';
export { AUDIT_RESULTS } from '../../../shared/audit';

export const AUDIT_PARAMS = ['scope', 'action', 'actor', 'result', 'from', 'to', 'page'] as const;

/** The URL's filter params (what a shared link carries) → the API's filters; blank values dropped. */
export function auditFiltersFromParams(params: URLSearchParams): AuditFilters & { page: number } {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const scope = value('scope');
  return {
    ...(scope && scope !== 'all' ? { dealership: scope } : {}),
    action: value('action'),
    actor: value('actor'),
    result: value('result') as AuditFilters['result'],
    from: value('from'),
    to: value('to'),
    page: Math.max(1, Number(value('page') ?? 1) || 1),
  };
}

export function auditApi(client: { get: (url: string, config?: any) => Promise<{ data: any }> }) {
  return {
    async page(filters: AuditFilters, page: number, pageSize = 25): Promise<AuditPage> {
      const params: Record<string, string | number> = { page, pageSize };
      for (const [k, v] of Object.entries(filters)) if (v) params[k] = v as string;
      return (await client.get(`/${PLUGIN_ID}/audit`, { params })).data.data;
    },
  };
}
