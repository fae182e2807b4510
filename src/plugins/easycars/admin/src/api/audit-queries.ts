import { useQuery } from 'react-query';
import { auditApi, type AuditFilters, type AuditPage } from './audit';
import { useQueryFetchClient } from './fetch-client';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';

/** One page of the audit trail; the previous page stays on screen while the next loads. */
export function useAuditTrail(filters: AuditFilters, page: number) {
  const api = auditApi(useQueryFetchClient());
  return useQuery<AuditPage>(queryKeys.audit({ ...filters }, page), () => api.page(filters, page), { ...NO_RETRY, keepPreviousData: true });
}
