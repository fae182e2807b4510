/**
 * Which of Strapi's webhooks receive the plugin's events. Strapi's Settings → Webhooks page shows only
 * Strapi's own events as checkboxes, so the Alerts page offers these; the webhook's other events are kept.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { WEBHOOK_EVENT_NAMES, type WebhookEventName, type WebhookSubscription } from '../../../shared/alerts';

interface StoredWebhook {
  id: number | string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

const store = (strapi: Core.Strapi) =>
  strapi.get('webhookStore') as {
    findWebhooks(): Promise<StoredWebhook[]>;
    findWebhook(id: number | string): Promise<StoredWebhook | null>;
    updateWebhook(id: number | string, data: Omit<StoredWebhook, 'id'>): Promise<StoredWebhook | null>;
  };

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

const isOurs = (event: string): event is WebhookEventName => (WEBHOOK_EVENT_NAMES as readonly string[]).includes(event);

const view = (w: StoredWebhook): WebhookSubscription => ({ id: Number(w.id), name: w.name, host: hostOf(w.url), isEnabled: w.isEnabled, events: w.events.filter(isOurs) });

export async function listSubscriptions(strapi: Core.Strapi): Promise<WebhookSubscription[]> {
  return (await store(strapi).findWebhooks()).map(view).sort((a, b) => a.name.localeCompare(b.name));
}

/** Sets which plugin events webhook `id` receives; its Strapi events stay as they are. */
export async function setSubscription(strapi: Core.Strapi, id: number, events: WebhookEventName[]): Promise<WebhookSubscription> {
  const existing = await store(strapi).findWebhook(id);
  if (!existing) throw new errors.NotFoundError(`Webhook ${id} not found.`);
  const { id: _id, ...rest } = existing;
  const updated = await store(strapi).updateWebhook(id, { ...rest, events: [...existing.events.filter((e) => !isOurs(e)), ...events] });
  if (!updated) throw new errors.NotFoundError(`Webhook ${id} not found.`);
  // This instance delivers with the new events at once (as Strapi's own webhook page does).
  (strapi.get('webhookRunner') as { update(webhook: StoredWebhook): void }).update(updated);
  return view(updated);
}
