import type { AlertRule, AlertView } from '../../api/alerts';
import type { useT } from '../../utils/useT';

type T = ReturnType<typeof useT>;

export const ruleTitle = (t: T, rule: AlertRule): string =>
  ({
    consecutive_failures: t('alerts.rule.consecutive_failures', 'Consecutive failed syncs'),
    stale_sync: t('alerts.rule.stale_sync', 'Stock sync overdue'),
    auth_failure: t('alerts.rule.auth_failure', 'EasyCars refused the credentials'),
    slow_run: t('alerts.rule.slow_run', 'Slow sync'),
    api_error_rate: t('alerts.rule.api_error_rate', 'EasyCars API errors'),
    throttling: t('alerts.rule.throttling', 'EasyCars rate limiting'),
    leads_stuck: t('alerts.rule.leads_stuck', 'Leads not reaching EasyCars'),
    new_conflicts: t('alerts.rule.new_conflicts', 'Conflicts waiting'),
    reconciliation_differences: t('alerts.rule.reconciliation_differences', 'Reconciliation found differences'),
  })[rule];

export const statusText = (t: T, alert: Pick<AlertView, 'status' | 'snoozedUntil'>, now = Date.now()): string => {
  if (alert.status === 'resolved') return t('alerts.status.resolved', 'Resolved');
  if (alert.snoozedUntil && Date.parse(alert.snoozedUntil) > now) return t('alerts.status.snoozed', 'Snoozed');
  return alert.status === 'acknowledged' ? t('alerts.status.acknowledged', 'Acknowledged') : t('alerts.status.open', 'Open');
};

export const severityText = (t: T, severity: AlertView['severity']) =>
  severity === 'critical' ? t('alerts.severity.critical', 'Critical') : t('alerts.severity.warning', 'Warning');

export const severityVariant = (severity: AlertView['severity']) => (severity === 'critical' ? 'danger' : 'warning');
