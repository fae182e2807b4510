/** GET /easycars/health (admin) and GET /easycars/health/live (load balancers): shared by server and admin. */
import type { Health } from './dashboard';

export type ComponentStatus = 'ok' | 'degraded' | 'failing';
export type DealershipStatus = 'ok' | 'degraded' | 'failing' | 'stale';

export interface InstanceHealth {
  instanceId: string;
  hostname: string;
  pid: number;
  startedAt: string | null;
  heartbeatAgeSeconds: number | null;
  status: ComponentStatus;
  rssBytes: number | null;
  heapUsedBytes: number | null;
  heapTotalBytes: number | null;
  eventLoopLagMs: number | null;
  eventLoopLagP99Ms: number | null;
}

export interface DealershipHealth {
  documentId: string;
  name: string;
  status: DealershipStatus;
  reason: string;
  stock: Health;
  leads: Health;
  openAlerts: number;
}

export interface EasyCarsCallHealth {
  environment: 'test' | 'production';
  /** The last successful EasyCars call of any instance, for any dealership (null: none yet). */
  lastSuccessfulCallAt: string | null;
}

interface HealthReportBase {
  /** The worst of the components the report shows (a 'dealerships' report has no instances to count). */
  status: ComponentStatus;
  checkedAt: string;
  database: { status: ComponentStatus; client: string; latencyMs: number | null; error?: string };
  /** Sync runs queued and running: every dealership's ('site') or only the caller's ('dealerships'). */
  queue: { status: ComponentStatus; kind: 'pg-boss' | 'memory' | null; queued: number; running: number; oldestQueuedAgeSeconds: number | null };
  scheduler: { status: ComponentStatus; enabled: boolean; lastTickAgeSeconds: number | null };
  dealerships: DealershipHealth[];
}

/** A Super Admin's report: the whole site, the platform's instances and EasyCars calls included. */
export interface SiteHealthReport extends HealthReportBase {
  scope: 'site';
  easycars: EasyCarsCallHealth[];
  instances: InstanceHealth[];
}

/**
 * Any other admin's report: only their own dealerships. Instances (hosts, pids, memory) and the last
 * EasyCars call of any dealership are site data, so these lists are always empty and leave `status` alone.
 */
export interface DealershipsHealthReport extends HealthReportBase {
  scope: 'dealerships';
  easycars: [];
  instances: [];
}

export type HealthReport = SiteHealthReport | DealershipsHealthReport;

export interface LivenessReport {
  status: 'ok' | 'unavailable';
}
