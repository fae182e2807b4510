/**
 * Alert delivery through Strapi's own channels: events on Strapi's event hub (delivered by Strapi's
 * webhook runner to the webhooks subscribed to them) and mail through Strapi's email plugin.
 * Payloads carry the alert and the dealership's name, never secrets or customer data.
 */
import type { Core } from '@strapi/strapi';
import type { AlertRule } from '../../../shared/alerts';
import type { PluginConfig } from '../config/schema';
import { getConfig } from '../utils/plugin';
import type { AlertRow } from './lifecycle';

export const WEBHOOK_EVENTS = {
  EASYCARS_ALERT_OPENED: 'easycars.alert.opened',
  EASYCARS_ALERT_RESOLVED: 'easycars.alert.resolved',
  EASYCARS_SYNC_FAILED: 'easycars.sync.failed',
} as const;

export const RULE_TITLES: Record<AlertRule, string> = {
  consecutive_failures: 'Consecutive failed syncs',
  stale_sync: 'Stock sync overdue',
  auth_failure: 'EasyCars refused the credentials',
  slow_run: 'Slow sync',
  api_error_rate: 'EasyCars API errors',
  throttling: 'EasyCars rate limiting',
  leads_stuck: 'Leads not reaching EasyCars',
  new_conflicts: 'Conflicts waiting',
  reconciliation_differences: 'Reconciliation found differences',
};

export interface DealershipRef {
  documentId: string;
  name: string;
  slug?: string | null;
}

export type Notice = 'opened' | 'resolved' | 'reminder';

const alertPayload = (alert: AlertRow, dealership: DealershipRef) => ({
  alert: {
    id: alert.id,
    rule: alert.rule,
    title: RULE_TITLES[alert.rule],
    severity: alert.severity,
    status: alert.status,
    message: alert.message,
    openedAt: alert.openedAt ? new Date(alert.openedAt).toISOString() : null,
    resolvedAt: alert.resolvedAt ? new Date(alert.resolvedAt).toISOString() : null,
  },
  dealership: { documentId: dealership.documentId, name: dealership.name, slug: dealership.slug ?? null },
});

/** Registers the plugin's events with Strapi's webhook store (allowed events of webhooks). */
export function registerWebhookEvents(strapi: Core.Strapi): void {
  const store = strapi.get('webhookStore') as { addAllowedEvent(key: string, value: string): void };
  for (const [key, value] of Object.entries(WEBHOOK_EVENTS)) store.addAllowedEvent(key, value);
}

export function emitAlertEvent(strapi: Core.Strapi, notice: 'opened' | 'resolved', alert: AlertRow, dealership: DealershipRef): void {
  strapi.eventHub.emit(notice === 'opened' ? WEBHOOK_EVENTS.EASYCARS_ALERT_OPENED : WEBHOOK_EVENTS.EASYCARS_ALERT_RESOLVED, alertPayload(alert, dealership));
}

export function emitSyncFailed(strapi: Core.Strapi, run: { id: number; type: string; trigger: string; errorMessage: string | null }, dealership: DealershipRef): void {
  strapi.eventHub.emit(WEBHOOK_EVENTS.EASYCARS_SYNC_FAILED, {
    run: { id: run.id, type: run.type, trigger: run.trigger, status: 'failed', errorMessage: run.errorMessage },
    dealership: { documentId: dealership.documentId, name: dealership.name, slug: dealership.slug ?? null },
  });
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const adminLink = (strapi: Core.Strapi) => {
  const configured = getConfig<PluginConfig['monitoring']>(strapi, 'monitoring').adminUrl;
  const base = configured ?? (strapi.config.get('admin.absoluteUrl') as string | undefined) ?? '';
  return `${base.replace(/\/$/, '')}/plugins/easycars/alerts`;
};

export function alertMail(strapi: Core.Strapi, notice: Notice, alert: AlertRow, dealership: DealershipRef) {
  const title = RULE_TITLES[alert.rule];
  const prefix = notice === 'resolved' ? 'Resolved' : notice === 'reminder' ? 'Still open' : alert.severity === 'critical' ? 'Critical' : 'Warning';
  const subject = `[EasyCars] ${prefix}: ${title} - ${dealership.name}`;
  const link = `${adminLink(strapi)}`;
  const lines = [
    `${dealership.name}: ${title}`,
    '',
    notice === 'resolved' ? `Resolved: ${alert.message}` : alert.message,
    '',
    `Opened: ${new Date(alert.openedAt).toISOString()}`,
    ...(notice === 'resolved' && alert.resolvedAt ? [`Resolved: ${new Date(alert.resolvedAt).toISOString()}`] : []),
    '',
    `See the alert in the admin panel: ${link}`,
  ];
  const html = lines
    .slice(0, -1)
    .map((line) => (line ? `<p>${escapeHtml(line)}</p>` : ''))
    .join('')
    .concat(`<p><a href="${escapeHtml(link)}">See the alert in the admin panel</a></p>`);
  return { subject, text: lines.join('\n'), html };
}

/** Sends one mail per recipient list; a failing mail server is logged, never thrown at the sync. */
export async function sendAlertMail(strapi: Core.Strapi, to: string[], notice: Notice, alert: AlertRow, dealership: DealershipRef): Promise<boolean> {
  if (!to.length) return false;
  const { subject, text, html } = alertMail(strapi, notice, alert, dealership);
  const from = getConfig<PluginConfig['monitoring']>(strapi, 'monitoring').emailFrom;
  try {
    await strapi.plugin('email').service('email').send({ to: to.join(', '), ...(from ? { from } : {}), subject, text, html });
    return true;
  } catch (error) {
    strapi.log.warn(`[easycars] could not mail the "${alert.rule}" alert of ${dealership.name} (${(error as Error).message}); it stays on the dashboard`);
    return false;
  }
}
