import { useQueryFetchClient } from './fetch-client';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { historyApi, type HistoryFilters, type RetentionSettings } from './history';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';

export const useHistoryApi = () => historyApi(useQueryFetchClient());

/** One page of runs matching the filters; the previous page stays on screen while the next one loads. */
export function useHistoryRuns(filters: HistoryFilters, page: number, pageSize: number) {
  const api = useHistoryApi();
  return useQuery(queryKeys.history.runs(filters, page), () => api.list(filters, page, pageSize), { ...NO_RETRY, keepPreviousData: true });
}

/** One page of the records a run touched. */
export function useRunItems(syncLogId: number, page: number) {
  const api = useHistoryApi();
  return useQuery(queryKeys.history.items(syncLogId, page), () => api.items(syncLogId, page), { ...NO_RETRY, keepPreviousData: true });
}

export function useRetention() {
  const api = useHistoryApi();
  return useQuery(queryKeys.history.retention(), () => api.retention(), NO_RETRY);
}

/** Saves the retention; the answer (what is now stored) replaces the cached one. */
export function useSaveRetention() {
  const api = useHistoryApi();
  const queryClient = useQueryClient();
  return useMutation((value: RetentionSettings) => api.setRetention(value), {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.history.retention(), saved);
    },
  });
}
