import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { FindingActionInput, ReconciliationFilters, ReconciliationReport, ReconciliationSchedule } from '../../../shared/reconciliation';
import { useQueryFetchClient } from './fetch-client';
import { queryKeys } from './query-keys';
import { pollWhileVisible } from './query-options';
import { reconciliationApi } from './reconciliation';

export const useReconciliationApi = () => reconciliationApi(useQueryFetchClient());

/** The report's page; polled every 2 s while a run is queued or running, so its progress shows. */
export function useReconciliationReport(dealership: string, filter: ReconciliationFilters, page: number) {
  const api = useReconciliationApi();
  return useQuery<ReconciliationReport>(queryKeys.reconciliation.report(dealership, { ...filter }, page), () => api.report(dealership, filter, page), {
    ...pollWhileVisible<ReconciliationReport>((data) => (data?.active ? 2000 : false)),
    keepPreviousData: true,
  });
}

/** Run, sync, push, ignore: each refreshes the report (and, for a stock run, the stock page). */
export function useReconciliationAction(dealership: string) {
  const api = useReconciliationApi();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries(queryKeys.reconciliation.all(dealership));
    void queryClient.invalidateQueries(queryKeys.stock.all(dealership));
  };
  const run = useMutation(() => api.run(dealership), { onSettled: refresh });
  const act = useMutation((input: { action: FindingActionInput['action'] } & Omit<FindingActionInput, 'action' | 'dealership'>) => {
    const { action, ...rest } = input;
    return api.act(action, { ...rest, dealership });
  }, { onSettled: refresh });
  const schedule = useMutation((value: ReconciliationSchedule) => api.setSchedule(dealership, value), { onSettled: refresh });
  return { run, act, schedule };
}
