/** Calls behind the dashboard and the homepage widget (/easycars/dashboard, /dashboard/trend). */
import type { DashboardOverview, TrendDay } from '../../../shared/dashboard';
import { PLUGIN_ID } from '../pluginId';

export type { DashboardOverview, DashboardRow, DashboardStats, Health, ServiceHealth, TrendDay } from '../../../shared/dashboard';

export interface DashboardClient {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  post: (url: string, body?: unknown) => Promise<{ data: any }>;
}

export function dashboardApi(client: DashboardClient) {
  return {
    async overview(): Promise<DashboardOverview> {
      return (await client.get(`/${PLUGIN_ID}/dashboard`)).data.data;
    },
    async trend(dealership: string | null, days = 30): Promise<TrendDay[]> {
      return (await client.get(`/${PLUGIN_ID}/dashboard/trend`, { params: { days, ...(dealership ? { dealership } : {}) } })).data.data;
    },
    async sync(dealership: string, type: 'stock' | 'leads') {
      return (await client.post(`/${PLUGIN_ID}/sync/${type}`, { dealership })).data.data;
    },
  };
}
