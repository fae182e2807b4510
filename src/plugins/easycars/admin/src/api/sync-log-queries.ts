import { useQueryFetchClient } from './fetch-client';
import { useQuery } from 'react-query';
import { historyApi } from './history';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';

/**
 * One sync run in full (GET /sync-logs/:id). The endpoint answers every run type; `T` is the view the
 * caller reads (a stock run, a lead run, or the history's run with its summaries).
 */
export function useSyncLog<T>(id: number) {
  const api = historyApi(useQueryFetchClient());
  return useQuery<T>(queryKeys.syncLog(id), () => api.run(id), NO_RETRY);
}
