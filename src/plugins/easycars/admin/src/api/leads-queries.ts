import { useQueryFetchClient } from './fetch-client';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { loadLeadStatus } from '../content-manager/lead-status-store';
import { leadsApi, type LeadConflictItem, type LeadPanelData, type LeadPush, type LeadRun, type LeadsOverview } from './leads';
import { queryKeys } from './query-keys';
import { NO_RETRY, pollWhileVisible } from './query-options';

const useLeadsApi = () => leadsApi(useQueryFetchClient());

/** The Leads page's status card polls fast (a run's progress); its lists a little slower. */
const OVERVIEW_POLL_MS = 3000;
const LIST_POLL_MS = 5000;
/** The edit-view panel looks again this often while the lead's push is pending. */
const PANEL_PENDING_POLL_MS = 2000;

export function useLeadsOverview(dealership: string | undefined) {
  const api = useLeadsApi();
  return useQuery<LeadsOverview>(queryKeys.leads.overview(dealership ?? ''), () => api.overview(dealership!), {
    ...pollWhileVisible(OVERVIEW_POLL_MS),
    enabled: Boolean(dealership),
  });
}

export function useLeadConflicts(dealership: string) {
  const api = useLeadsApi();
  return useQuery<LeadConflictItem[]>(queryKeys.leads.conflicts(dealership), () => api.conflicts(dealership), pollWhileVisible(LIST_POLL_MS));
}

export function useLeadPushes(dealership: string) {
  const api = useLeadsApi();
  return useQuery<LeadPush[]>(queryKeys.leads.pushes(dealership), () => api.pushes(dealership), pollWhileVisible(LIST_POLL_MS));
}

export function useLeadRuns(dealership: string) {
  const api = useLeadsApi();
  return useQuery<LeadRun[]>(queryKeys.leads.runs(dealership), () => api.runs(dealership), pollWhileVisible(LIST_POLL_MS));
}

/** The edit-view panel of a host lead; `version` (the document's updatedAt) makes a saved lead load again. */
export function useLeadPanel(documentId: string, version: unknown) {
  const api = useLeadsApi();
  return useQuery<LeadPanelData>(queryKeys.lead.panel(documentId, version), () => api.panel(documentId), {
    ...pollWhileVisible((data: LeadPanelData | undefined) => (data?.pushState === 'pending' ? PANEL_PENDING_POLL_MS : false)),
    keepPreviousData: true,
  });
}

/** The list-view column of one lead; the cells of a render are asked for in one request (lead-status-store). */
export function useLeadColumnStatus(documentId: string) {
  const { get } = useQueryFetchClient();
  return useQuery(queryKeys.lead.column(documentId), () => loadLeadStatus(get, documentId), NO_RETRY);
}

/** A lead action changes what the whole Leads page shows (counts, lists, runs) and the dashboard. */
function useLeadsMutation<V, R>(dealership: string, action: (api: ReturnType<typeof leadsApi>, variables: V) => Promise<R>) {
  const api = useLeadsApi();
  const queryClient = useQueryClient();
  return useMutation((variables: V) => action(api, variables), {
    onSettled: () => {
      void queryClient.invalidateQueries(queryKeys.leads.all(dealership));
      void queryClient.invalidateQueries(queryKeys.dashboard.all());
    },
  });
}

export const useSyncLeads = (dealership: string) => useLeadsMutation(dealership, (api, _: void) => api.syncNow(dealership));

export const useRetryPush = (dealership: string) =>
  useLeadsMutation(dealership, (api, push: Pick<LeadPush, 'id' | 'pushState'>) => api.retryPush(dealership, push.id, push.pushState === 'review'));

export const useResolveConflict = (dealership: string) =>
  useLeadsMutation(dealership, (api, { id, choice }: { id: number; choice: 'local' | 'easycars' }) => api.resolveConflict(dealership, id, choice));

export const useImportLead = (dealership: string) => useLeadsMutation(dealership, (api, leadNumber: string) => api.importLead(dealership, leadNumber));

export const useSetLeadStrategy = (dealership: string) => useLeadsMutation(dealership, (api, strategy: string) => api.setStrategy(dealership, strategy));
