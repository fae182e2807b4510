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

export interface HealthReport {
  status: ComponentStatus;
  checkedAt: string;
  database: { status: ComponentStatus; client: string; latencyMs: number | null; error?: string };
  queue: { status: ComponentStatus; kind: 'pg-boss' | 'memory' | null; queued: number; running: number; oldestQueuedAgeSeconds: number | null };
  scheduler: { status: ComponentStatus; enabled: boolean; lastTickAgeSeconds: number | null };
  easycars: Array<{ environment: 'test' | 'production'; lastSuccessfulCallAt: string | null }>;
  instances: InstanceHealth[];
  dealerships: DealershipHealth[];
}

export interface LivenessReport {
  status: 'ok' | 'unavailable';
}
