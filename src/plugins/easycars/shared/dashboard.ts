/** The integration dashboard (GET /easycars/dashboard, /dashboard/trend): shared by the server and the admin. */
export type Health = 'ok' | 'attention' | 'running' | 'failing' | 'stale' | 'off' | 'never' | 'not_configured';

export interface ServiceHealth {
  health: Health;
  /** Why, in words ("Last run failed: …", "No successful sync for 3 days (daily schedule)"). */
  reason: string;
  lastRun: { id: number; status: string; completedAt: string | null; processed: number } | null;
  lastSuccessAt: string | null;
  nextRunAt: string | null;
  /** Hours between scheduled runs, when scheduled. */
  intervalHours: number | null;
}

export interface DashboardRow {
  dealership: { documentId: string; name: string; timezone: string };
  connection: 'active' | 'off' | 'auth_failing' | 'not_configured';
  stock: ServiceHealth;
  leads: ServiceHealth;
  openConflicts: number;
  leadsWaiting: number;
  leadsInReview: number;
}

export interface DashboardStats {
  vehiclesInFeed: number;
  vehiclesRemoved: number;
  leadsLinked: number;
  connections: { active: number; off: number; authFailing: number; notConfigured: number };
  dealerships: { healthy: number; attention: number; failing: number; stale: number };
}

export interface DashboardOverview {
  generatedAt: string;
  rows: DashboardRow[];
  stats: DashboardStats;
}

export interface TrendDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  type: 'stock' | 'leads';
  success: number;
  warning: number;
  failed: number;
  other: number;
  total: number;
  /** success + warning over finished runs, 0–100; null without finished runs. */
  successRate: number | null;
}

/** One day of one sync type from the metric rollups (GET /easycars/dashboard/performance), kept 400 days. */
export interface PerformanceDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  type: 'stock' | 'leads';
  runs: number;
  /** success + warning over finished runs, 0–100; null without runs. */
  successRate: number | null;
  avgDurationMs: number | null;
  p95DurationMs: number | null;
  apiCalls: number;
  apiErrors: number;
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  throttled: number;
}
