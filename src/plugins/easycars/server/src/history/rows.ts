import type { HistoryRun } from '../../../shared/history';

export const RUN_FIELDS = [
  'id', 'dealership', 'type', 'direction', 'trigger', 'triggeredByName', 'status', 'createdAt', 'startedAt', 'completedAt', 'durationMs',
  'fetched', 'created', 'updated', 'removed', 'restored', 'failed', 'errorMessage',
] as const;

/** A sync-log row as the history shows it; pure. */
export function toHistoryRun(row: Record<string, any>, names: Map<string, string>): HistoryRun {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    id: row.id,
    dealership: row.dealership,
    dealershipName: names.get(row.dealership) ?? null,
    type: row.type,
    direction: row.direction,
    trigger: row.trigger,
    triggeredByName: row.triggeredByName ?? null,
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    startedAt: row.startedAt ? new Date(row.startedAt).toISOString() : null,
    completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
    durationMs: row.durationMs ?? null,
    processed: n(row.created) + n(row.updated) + n(row.removed) + n(row.restored) + n(row.failed),
    fetched: n(row.fetched),
    created: n(row.created),
    updated: n(row.updated),
    removed: n(row.removed),
    failed: n(row.failed),
    errorMessage: row.errorMessage ?? null,
  };
}
