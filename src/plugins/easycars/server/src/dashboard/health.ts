/** How one dealership's stock or lead sync is doing, from its last runs and schedule. Pure. */
import type { Health, ServiceHealth } from '../../../shared/dashboard';

export interface HealthInput {
  enabled: boolean;
  configured: boolean;
  active: boolean;
  last: { id: number; status: string; completedAt: string | null; errorMessage?: string | null; processed: number } | null;
  lastSuccessAt: string | null;
  nextRunAt: string | null;
  intervalHours: number | null;
  /** When the connection was made (a sync that never ran is stale only after two intervals). */
  connectedAt: string | null;
  now: Date;
}

const FAILED = new Set(['failed', 'interrupted']);
const hoursSince = (iso: string, now: Date) => (now.getTime() - new Date(iso).getTime()) / 3_600_000;
const span = (hours: number) => (hours >= 48 ? `${Math.floor(hours / 24)} days` : `${Math.max(1, Math.floor(hours))} hours`);

export function serviceHealth(input: HealthInput): ServiceHealth {
  const base = { lastRun: input.last ? { id: input.last.id, status: input.last.status, completedAt: input.last.completedAt, processed: input.last.processed } : null, lastSuccessAt: input.lastSuccessAt, nextRunAt: input.nextRunAt, intervalHours: input.intervalHours };
  const result = (health: Health, reason: string): ServiceHealth => ({ health, reason, ...base });
  if (!input.configured) return result('not_configured', 'Not connected to EasyCars');
  if (!input.enabled) return result('off', 'Switched off');
  if (input.active) return result('running', 'A sync is queued or running');
  if (input.last && FAILED.has(input.last.status)) {
    return result('failing', `Last run ${input.last.status}${input.last.errorMessage ? `: ${input.last.errorMessage}` : ''}`);
  }
  if (input.intervalHours) {
    const limit = input.intervalHours * 2;
    const since = input.lastSuccessAt ?? input.connectedAt;
    if (since && hoursSince(since, input.now) > limit) {
      return result('stale', input.lastSuccessAt ? `No successful sync for ${span(hoursSince(input.lastSuccessAt, input.now))} (more than twice the schedule)` : 'No successful sync since the connection was made');
    }
  }
  if (!input.last) return result('never', 'No sync yet');
  if (input.last.status === 'partial') return result('attention', `Last run partly failed${input.last.errorMessage ? `: ${input.last.errorMessage}` : ''}`);
  if (input.last.status === 'warning') return result('attention', `Last run needs attention${input.last.errorMessage ? `: ${input.last.errorMessage}` : ''}`);
  return result('ok', 'Healthy');
}
