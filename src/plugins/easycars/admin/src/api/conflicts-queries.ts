import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { ConflictChoice, FieldStrategy, InboxPage } from '../../../shared/conflicts';
import { conflictsApi } from './conflicts';
import { useQueryFetchClient } from './fetch-client';
import { queryKeys } from './query-keys';
import { NO_RETRY, pollWhileVisible } from './query-options';

const useApi = () => conflictsApi(useQueryFetchClient());

export function useConflictInbox(dealership: string, filter: { kind?: 'vehicle' | 'lead'; state: 'open' | 'resolved' }, page: number) {
  const api = useApi();
  // Polled every 2 s while a bulk resolution runs, so its progress and the shrinking list show.
  return useQuery(queryKeys.conflicts.inbox(dealership, { ...filter }, page), () => api.inbox(dealership, filter, page), {
    ...pollWhileVisible<InboxPage>((data) => (data?.active ? 2000 : false)),
    keepPreviousData: true,
  });
}

/** Resolutions refresh the inbox, the lead lists, the dashboard and the alerts (the conflicts rule). */
export function useResolveConflicts(dealership: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries(queryKeys.conflicts.all(dealership));
    void queryClient.invalidateQueries(queryKeys.leads.all(dealership));
    void queryClient.invalidateQueries(queryKeys.dashboard.all());
    void queryClient.invalidateQueries(queryKeys.alerts.all());
  };
  return {
    resolve: useMutation((choices: ConflictChoice[]) => api.resolve(dealership, choices), { onSettled: refresh }),
    resolveAll: useMutation((input: { kind?: 'vehicle' | 'lead'; use: 'local' | 'easycars' }) => api.resolveAll(dealership, input.kind, input.use), { onSettled: refresh }),
  };
}

export function useStockEditSettings(dealership: string) {
  const api = useApi();
  return useQuery(queryKeys.conflicts.settings(dealership), () => api.settings(dealership), NO_RETRY);
}

export function useSaveStockEditSettings(dealership: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation((value: { stockConflictStrategy: FieldStrategy; stockFieldStrategies: Record<string, FieldStrategy> }) => api.saveSettings(dealership, value), {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.conflicts.settings(dealership), saved);
    },
  });
}

/** Pin or release a field from the vehicle's panel; the panel's link is refreshed. */
export function usePinField(vehicleDocumentId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation((input: { field: string; pinned: boolean }) => api.pin(vehicleDocumentId, input.field, input.pinned), {
    onSettled: () => void queryClient.invalidateQueries(queryKeys.vehicle.panel(vehicleDocumentId)),
  });
}
