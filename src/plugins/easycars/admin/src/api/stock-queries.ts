import { useQueryFetchClient } from './fetch-client';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { queryKeys } from './query-keys';
import { NO_RETRY, pollWhileVisible } from './query-options';
import { isActive, stockApi, type StockStatus, type SyncRun } from './stock';

const useStockApi = () => stockApi(useQueryFetchClient());

/** Polled fast while a sync runs (so its progress shows), slowly otherwise. */
const statusInterval = (status: StockStatus | undefined) => (isActive(status?.stock.active) ? 1000 : 10_000);

/** The stock sync status of a dealership: schedule, active run and last run. */
export function useStockStatus(dealership: string | undefined) {
  const api = useStockApi();
  return useQuery(queryKeys.stock.status(dealership ?? ''), () => api.status(dealership!), {
    ...pollWhileVisible(statusInterval),
    enabled: Boolean(dealership),
  });
}

/** The last 10 stock runs; `refreshKey` changes when a run starts or finishes (the previous list stays until then). */
export function useStockRuns(dealership: string, refreshKey: unknown) {
  const api = useStockApi();
  return useQuery<SyncRun[]>(queryKeys.stock.runs(dealership, refreshKey), () => api.runs(dealership), { ...NO_RETRY, keepPreviousData: true });
}

/** "Sync now" on the Stock page; the status (and with it the run list) reloads afterwards, whatever the answer. */
export function useStartStockSync(dealership: string) {
  const api = useStockApi();
  const queryClient = useQueryClient();
  return useMutation(() => api.syncNow(dealership), {
    onSettled: () => {
      void queryClient.invalidateQueries(queryKeys.stock.all(dealership));
      void queryClient.invalidateQueries(queryKeys.dashboard.all());
    },
  });
}
