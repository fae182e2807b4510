import { useQueryFetchClient } from './fetch-client';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { AlertStatus } from '../../../shared/alerts';
import { alertsApi, type AlertList, type AlertSettings, type PerformanceDay, type WebhookEventName, type WebhookSubscription } from './alerts';
import { queryKeys } from './query-keys';
import { NO_RETRY, pollWhileVisible } from './query-options';

const useAlertsApi = () => alertsApi(useQueryFetchClient());
const refreshing = (refreshMs: number | false) => (refreshMs ? pollWhileVisible(refreshMs) : NO_RETRY);

export interface AlertFilters {
  dealership?: string | null;
  status?: AlertStatus | 'active';
  page?: number;
  pageSize?: number;
}

/** Alerts of the caller's dealerships (the banner, the widget and the Alerts page share the cache). */
export function useAlertList(filters: AlertFilters, refreshMs: number | false = false) {
  const api = useAlertsApi();
  return useQuery<AlertList>(queryKeys.alerts.list({ ...filters }), () => api.list(filters), { ...refreshing(refreshMs), keepPreviousData: true });
}

/** Open alerts nobody acknowledged or snoozed: the count on the EasyCars menu. */
export function useAlertCount(refreshMs: number) {
  const api = useAlertsApi();
  return useQuery<number>(queryKeys.alerts.count(), () => api.count(), pollWhileVisible(refreshMs));
}

export function useAlertSettings(dealership: string | null) {
  const api = useAlertsApi();
  return useQuery<AlertSettings>(queryKeys.alerts.settings(dealership ?? ''), () => api.settings(dealership!), { ...NO_RETRY, enabled: Boolean(dealership) });
}

/** Per day and type from the metric rollups, for one dealership or all (`scope` null). */
export function usePerformance(scope: string | null, days: number, refreshMs: number | false = false) {
  const api = useAlertsApi();
  return useQuery<PerformanceDay[]>(queryKeys.dashboard.performance(scope, days), () => api.performance(scope, days), { ...refreshing(refreshMs), keepPreviousData: true });
}

/** After any alert change: every list, the menu count and the dashboard (whose banner shows alerts). */
const useAlertsChanged = () => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries(queryKeys.alerts.all());
    void queryClient.invalidateQueries(queryKeys.dashboard.overview());
  };
};

export function useAcknowledgeAlert() {
  const api = useAlertsApi();
  const changed = useAlertsChanged();
  return useMutation((id: number) => api.acknowledge(id), { onSettled: changed });
}

export function useSnoozeAlert() {
  const api = useAlertsApi();
  const changed = useAlertsChanged();
  return useMutation(({ id, hours }: { id: number; hours: number }) => api.snooze(id, hours), { onSettled: changed });
}

/** Saving rules evaluates them at once on the server: alerts may open or resolve. */
export function useSaveAlertSettings() {
  const api = useAlertsApi();
  const queryClient = useQueryClient();
  const changed = useAlertsChanged();
  return useMutation(({ dealership, settings }: { dealership: string; settings: AlertSettings }) => api.saveSettings(dealership, settings), {
    onSuccess: (saved, { dealership }) => {
      queryClient.setQueryData(queryKeys.alerts.settings(dealership), saved);
    },
    onSettled: changed,
  });
}

/** Strapi's webhooks and which EasyCars events each receives (Super Admins; others get a 403). */
export function useWebhookSubscriptions() {
  const api = useAlertsApi();
  return useQuery<WebhookSubscription[]>(queryKeys.alerts.webhooks(), () => api.webhooks(), NO_RETRY);
}

export function useSetWebhookEvents() {
  const api = useAlertsApi();
  const queryClient = useQueryClient();
  return useMutation(({ id, events }: { id: number; events: WebhookEventName[] }) => api.setWebhookEvents(id, events), {
    onSettled: () => void queryClient.invalidateQueries(queryKeys.alerts.webhooks()),
  });
}
