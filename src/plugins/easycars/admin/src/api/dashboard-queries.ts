import { useQueryFetchClient } from './fetch-client';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { dashboardApi, type DashboardOverview, type TrendDay } from './dashboard';
import { queryKeys } from './query-keys';
import { NO_RETRY, pollWhileVisible } from './query-options';

/** The dashboard refreshes itself this often while the tab is visible. */
export const DASHBOARD_REFRESH_MS = 30_000;

const useDashboardApi = () => dashboardApi(useQueryFetchClient());

const refreshing = (refreshMs: number | false) => (refreshMs ? pollWhileVisible(refreshMs) : NO_RETRY);

/** Health of every dealership (the dashboard and the homepage widget share it); `refreshMs` polls while visible. */
export function useDashboardOverview(refreshMs: number | false = false) {
  const api = useDashboardApi();
  return useQuery<DashboardOverview>(queryKeys.dashboard.overview(), () => api.overview(), refreshing(refreshMs));
}

/** 30 days of run outcomes for one dealership, or all of them (`scope` null). */
export function useTrend(scope: string | null, refreshMs: number | false = false) {
  const api = useDashboardApi();
  return useQuery<TrendDay[]>(queryKeys.dashboard.trend(scope), () => api.trend(scope), refreshing(refreshMs));
}

export interface StartSync {
  dealership: string;
  type: 'stock' | 'leads';
}

/** "Sync now" from the dashboard; afterwards the dashboard and that dealership's page reload. */
export function useStartSync() {
  const api = useDashboardApi();
  const queryClient = useQueryClient();
  return useMutation(({ dealership, type }: StartSync) => api.sync(dealership, type), {
    onSettled: (_data, _error, { dealership, type }) => {
      void queryClient.invalidateQueries(queryKeys.dashboard.all());
      void queryClient.invalidateQueries(type === 'stock' ? queryKeys.stock.all(dealership) : queryKeys.leads.all(dealership));
    },
  });
}
