/** Words for run states and phases: status is always written, never shown by colour alone. */
import type { RunStatus } from '../../api/stock';

type T = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

export const statusText = (t: T, status: RunStatus | string) =>
  ({
    queued: t('stock.status.queued', 'Queued'),
    running: t('stock.status.running', 'Running'),
    success: t('stock.status.success', 'Success'),
    warning: t('stock.status.warning', 'Needs attention'),
    partial: t('stock.status.partial', 'Partly failed'),
    failed: t('stock.status.failed', 'Failed'),
    interrupted: t('stock.status.interrupted', 'Interrupted'),
    cancelled: t('stock.status.cancelled', 'Cancelled'),
  })[status as RunStatus] ?? status;

export const statusVariant = (status: RunStatus | string): 'success' | 'warning' | 'danger' | 'secondary' | 'neutral' =>
  status === 'success' ? 'success' : status === 'warning' || status === 'partial' ? 'warning' : status === 'failed' || status === 'interrupted' ? 'danger' : status === 'running' || status === 'queued' ? 'secondary' : 'neutral';

export const phaseText = (t: T, phase: string | null) =>
  ({
    starting: t('stock.phase.starting', 'Starting'),
    fetching: t('stock.phase.fetching', 'Fetching stock from EasyCars'),
    saving: t('stock.phase.saving', 'Saving vehicles'),
    removing: t('stock.phase.removing', 'Unpublishing sold or removed stock'),
    images: t('stock.phase.images', 'Downloading images'),
  })[phase ?? 'starting'] ?? phase ?? '';

/** One vehicle's outcome in a run (sync-log items). */
export const outcomeText = (t: T, outcome: string) =>
  (({
    created: t('stock.outcome.created', 'Created'),
    updated: t('stock.outcome.updated', 'Updated'),
    linked: t('stock.outcome.linked', 'Linked to an existing vehicle'),
    restored: t('stock.outcome.restored', 'Back in the feed'),
    removed: t('stock.outcome.removed', 'Removed'),
    failed: t('stock.outcome.failed', 'Failed'),
  }) as Record<string, string>)[outcome] ?? outcome;

export const triggerText = (t: T, trigger: string, by: string | null) =>
  trigger === 'schedule'
    ? t('stock.trigger.schedule', 'Schedule')
    : trigger === 'retry'
      ? t('stock.trigger.retry', 'Retry')
      : by
        ? t('stock.trigger.manualBy', 'Manual ({name})', { name: by })
        : t('stock.trigger.manual', 'Manual');

export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
export const duration = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '—' : ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
