/**
 * Every react-query key of the plugin, under one 'easycars' root. Keys are nested so a mutation can
 * invalidate a whole subtree (e.g. everything about one dealership's leads) with one prefix.
 */
import type { HistoryFilters } from '../../../shared/history';

const ROOT = 'easycars';

export const queryKeys = {
  dealerships: () => [ROOT, 'dealerships'] as const,
  credential: (dealership: string) => [ROOT, 'credential', dealership] as const,
  dashboard: {
    all: () => [ROOT, 'dashboard'] as const,
    overview: () => [ROOT, 'dashboard', 'overview'] as const,
    trend: (scope: string | null) => [ROOT, 'dashboard', 'trend', scope ?? 'all'] as const,
    performance: (scope: string | null, days: number) => [ROOT, 'dashboard', 'performance', scope ?? 'all', days] as const,
  },
  conflicts: {
    all: (dealership: string) => [ROOT, 'conflicts', dealership] as const,
    inbox: (dealership: string, filter: Record<string, unknown>, page: number) => [ROOT, 'conflicts', dealership, 'inbox', filter, page] as const,
    settings: (dealership: string) => [ROOT, 'conflicts', dealership, 'settings'] as const,
  },
  reconciliation: {
    all: (dealership: string) => [ROOT, 'reconciliation', dealership] as const,
    report: (dealership: string, filter: Record<string, unknown>, page: number) => [ROOT, 'reconciliation', dealership, 'report', filter, page] as const,
  },
  setup: {
    report: () => [ROOT, 'setup', 'report'] as const,
    contentTypes: () => [ROOT, 'setup', 'content-types'] as const,
  },
  support: () => [ROOT, 'support'] as const,
  audit: (filters: Record<string, unknown>, page: number) => [ROOT, 'audit', filters, page] as const,
  alerts: {
    all: () => [ROOT, 'alerts'] as const,
    list: (filters: Record<string, unknown>) => [ROOT, 'alerts', 'list', filters] as const,
    count: () => [ROOT, 'alerts', 'count'] as const,
    settings: (dealership: string) => [ROOT, 'alerts', 'settings', dealership] as const,
    webhooks: () => [ROOT, 'alerts', 'webhooks'] as const,
  },
  stock: {
    all: (dealership: string) => [ROOT, 'stock', dealership] as const,
    status: (dealership: string) => [ROOT, 'stock', dealership, 'status'] as const,
    runs: (dealership: string, refreshKey?: unknown) => [ROOT, 'stock', dealership, 'runs', refreshKey] as const,
  },
  leads: {
    all: (dealership: string) => [ROOT, 'leads', dealership] as const,
    overview: (dealership: string) => [ROOT, 'leads', dealership, 'overview'] as const,
    conflicts: (dealership: string) => [ROOT, 'leads', dealership, 'conflicts'] as const,
    pushes: (dealership: string) => [ROOT, 'leads', dealership, 'pushes'] as const,
    runs: (dealership: string) => [ROOT, 'leads', dealership, 'runs'] as const,
  },
  lead: {
    panel: (documentId: string, version: unknown) => [ROOT, 'lead', documentId, 'panel', version] as const,
    column: (documentId: string) => [ROOT, 'lead', documentId, 'column'] as const,
  },
  vehicle: {
    column: (documentId: string) => [ROOT, 'vehicle', documentId, 'column'] as const,
    panel: (documentId: string) => [ROOT, 'vehicle', documentId, 'panel'] as const,
  },
  /** One sync log (any type): the stock, lead and history details all read GET /sync-logs/:id. */
  syncLog: (id: number) => [ROOT, 'sync-log', id] as const,
  history: {
    all: () => [ROOT, 'history'] as const,
    runs: (filters: HistoryFilters, page: number) => [ROOT, 'history', 'runs', filters, page] as const,
    items: (syncLogId: number, page: number) => [ROOT, 'history', 'items', syncLogId, page] as const,
    retention: () => [ROOT, 'history', 'retention'] as const,
  },
};
