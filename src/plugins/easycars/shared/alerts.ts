/** Alert rules, alerts and their settings: the request/response types of /easycars/alerts*, shared by server and admin. */

export const ALERT_RULES = [
  'consecutive_failures',
  'stale_sync',
  'auth_failure',
  'slow_run',
  'api_error_rate',
  'throttling',
  'leads_stuck',
  'new_conflicts',
  'reconciliation_differences',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export type AlertSeverity = 'critical' | 'warning';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface AlertRuleSettings {
  consecutive_failures: { enabled: boolean; runs: number };
  /** Hours without a successful stock sync; null: the schedule's interval + 2 h (26 h for a daily sync). */
  stale_sync: { enabled: boolean; hours: number | null };
  auth_failure: { enabled: boolean };
  slow_run: { enabled: boolean; minutes: number };
  api_error_rate: { enabled: boolean; percent: number; minCalls: number };
  throttling: { enabled: boolean; perHour: number };
  leads_stuck: { enabled: boolean; minutes: number };
  new_conflicts: { enabled: boolean };
  /** A scheduled reconciliation found differences between the site and EasyCars. */
  reconciliation_differences: { enabled: boolean };
}

export interface AlertSettings {
  rules: AlertRuleSettings;
  /** Extra addresses mailed besides the dealership's managers. */
  emails: string[];
  /** Whether managers (admin users linked to the dealership) are mailed. */
  emailManagers: boolean;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  rules: {
    consecutive_failures: { enabled: true, runs: 2 },
    stale_sync: { enabled: true, hours: null },
    auth_failure: { enabled: true },
    slow_run: { enabled: true, minutes: 30 },
    api_error_rate: { enabled: true, percent: 20, minCalls: 10 },
    throttling: { enabled: true, perHour: 50 },
    leads_stuck: { enabled: true, minutes: 15 },
    new_conflicts: { enabled: true },
    reconciliation_differences: { enabled: true },
  },
  emails: [],
  emailManagers: true,
};

export const RULE_SEVERITY: Record<AlertRule, AlertSeverity> = {
  consecutive_failures: 'critical',
  stale_sync: 'warning',
  auth_failure: 'critical',
  slow_run: 'warning',
  api_error_rate: 'warning',
  throttling: 'warning',
  leads_stuck: 'warning',
  new_conflicts: 'warning',
  reconciliation_differences: 'warning',
};

export interface AlertView {
  id: number;
  dealership: { documentId: string; name: string };
  rule: AlertRule;
  severity: AlertSeverity;
  status: AlertStatus;
  message: string;
  openedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  snoozedUntil: string | null;
  resolvedAt: string | null;
}

export interface AlertList {
  results: AlertView[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/** The plugin's events on Strapi's webhooks (Settings → Webhooks cannot list a plugin's events, so they are picked here). */
export const WEBHOOK_EVENT_NAMES = ['easycars.alert.opened', 'easycars.alert.resolved', 'easycars.sync.failed'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];

export interface WebhookSubscription {
  id: number;
  name: string;
  /** The receiving host only (the full URL may carry a token). */
  host: string;
  isEnabled: boolean;
  /** Which of the plugin's events this webhook receives. */
  events: WebhookEventName[];
}
