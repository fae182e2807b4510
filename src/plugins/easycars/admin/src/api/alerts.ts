/** Calls behind the Alerts page, the dashboard banner, the menu badge and the performance charts. */
import type { AlertList, AlertSettings, AlertStatus, AlertView, WebhookEventName, WebhookSubscription } from '../../../shared/alerts';
import type { PerformanceDay } from '../../../shared/dashboard';
import type { HealthReport } from '../../../shared/health';
import { PLUGIN_ID } from '../pluginId';

export type { AlertList, AlertRule, AlertSettings, AlertView } from '../../../shared/alerts';
export { ALERT_RULES, DEFAULT_ALERT_SETTINGS, WEBHOOK_EVENT_NAMES } from '../../../shared/alerts';
export type { WebhookEventName, WebhookSubscription } from '../../../shared/alerts';
export type { PerformanceDay } from '../../../shared/dashboard';
export type { HealthReport } from '../../../shared/health';

export interface AlertsClient {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  post?: (url: string, body?: unknown) => Promise<{ data: any }>;
  put?: (url: string, body?: unknown) => Promise<{ data: any }>;
}

const need = <T>(fn: T | undefined, name: string): T => {
  if (!fn) throw new Error(`The fetch client has no ${name}()`);
  return fn;
};

export function alertsApi(client: AlertsClient) {
  return {
    async list(filters: { dealership?: string | null; status?: AlertStatus | 'active'; page?: number; pageSize?: number } = {}): Promise<AlertList> {
      const params: Record<string, string | number> = {};
      if (filters.dealership) params.dealership = filters.dealership;
      if (filters.status) params.status = filters.status;
      if (filters.page) params.page = filters.page;
      if (filters.pageSize) params.pageSize = filters.pageSize;
      return (await client.get(`/${PLUGIN_ID}/alerts`, { params })).data.data;
    },
    async count(): Promise<number> {
      return (await client.get(`/${PLUGIN_ID}/alerts/count`)).data.data.open;
    },
    async settings(dealership: string): Promise<AlertSettings> {
      return (await client.get(`/${PLUGIN_ID}/alerts/settings`, { params: { dealership } })).data.data;
    },
    async saveSettings(dealership: string, settings: AlertSettings): Promise<AlertSettings> {
      return (await need(client.put, 'put')(`/${PLUGIN_ID}/alerts/settings`, { dealership, settings })).data.data;
    },
    async acknowledge(id: number): Promise<AlertView> {
      return (await need(client.post, 'post')(`/${PLUGIN_ID}/alerts/${id}/acknowledge`, {})).data.data;
    },
    async snooze(id: number, hours: number): Promise<AlertView> {
      return (await need(client.post, 'post')(`/${PLUGIN_ID}/alerts/${id}/snooze`, { hours })).data.data;
    },
    async webhooks(): Promise<WebhookSubscription[]> {
      return (await client.get(`/${PLUGIN_ID}/alerts/webhooks`)).data.data;
    },
    async setWebhookEvents(id: number, events: WebhookEventName[]): Promise<WebhookSubscription> {
      return (await need(client.put, 'put')(`/${PLUGIN_ID}/alerts/webhooks/${id}`, { events })).data.data;
    },
    async performance(dealership: string | null, days: number): Promise<PerformanceDay[]> {
      return (await client.get(`/${PLUGIN_ID}/dashboard/performance`, { params: { days, ...(dealership ? { dealership } : {}) } })).data.data;
    },
    async health(): Promise<HealthReport> {
      return (await client.get(`/${PLUGIN_ID}/health`)).data.data;
    },
  };
}
