import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { ALERT_RULES, WEBHOOK_EVENT_NAMES } from '../../../shared/alerts';
import { listSubscriptions, setSubscription } from '../alerts/webhook-subscriptions';
import { alertSettingsSchema } from '../alerts/settings';
import { adminUser, dealershipsInScope, requiredDealership } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const listQuery = z
  .object({
    dealership: z.string().trim().min(1).optional(),
    status: z.enum(['active', 'open', 'acknowledged', 'resolved']).optional(),
    rule: z.enum(ALERT_RULES).optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();
const settingsQuery = z.object({ dealership: z.string().trim().min(1) }).strict();
const settingsBody = z.object({ dealership: z.string().trim().min(1), settings: alertSettingsSchema }).strict();
const webhookParams = z.object({ id: z.coerce.number().int().positive('id must be a positive whole number') }).strict();
const webhookBody = z
  .object({ events: z.array(z.enum(WEBHOOK_EVENT_NAMES, { errorMap: () => ({ message: `events must be some of ${WEBHOOK_EVENT_NAMES.join(', ')}` }) })).max(WEBHOOK_EVENT_NAMES.length) })
  .strict();
const snoozeBody = z.object({ hours: z.number({ required_error: 'hours is required', invalid_type_error: 'hours must be a number' }).int('hours must be a whole number').min(1, 'hours must be at least 1').max(24 * 14, 'hours must be at most 336 (two weeks)') }).strict();

/** Alerts of the caller's dealerships; the route policies checked the dealership (or the alert's own). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const alerts = () => getService(strapi, 'alerts');
  const dealershipsOf = (ctx: any) => dealershipsInScope(strapi, ctx);
  const notFound = (id: unknown) => new errors.NotFoundError(`Alert ${id} was not found or is already resolved`);
  return {
    /** GET /easycars/alerts?dealership&status&rule&page&pageSize */
    async list(ctx: any) {
      const { status, rule, page, pageSize } = parseInput(listQuery, ctx.query, 'query');
      ctx.body = { data: await alerts().list(await dealershipsOf(ctx), { status, rule, page, pageSize }) };
    },
    /** GET /easycars/alerts/count: open, unacknowledged, unsnoozed alerts of the caller's dealerships (the menu badge). */
    async count(ctx: any) {
      const ids = (await getService(strapi, 'access').listDealerships(adminUser(ctx))).map((d) => d.documentId);
      ctx.body = { data: { open: await alerts().needingAttention(ids) } };
    },
    /** GET /easycars/alerts/settings?dealership */
    async settings(ctx: any) {
      parseInput(settingsQuery, ctx.query, 'query');
      ctx.body = { data: await alerts().settings(requiredDealership(ctx).documentId) };
    },
    /** PUT /easycars/alerts/settings { dealership, settings } */
    async saveSettings(ctx: any) {
      const { settings } = parseInput(settingsBody, ctx.request.body);
      ctx.body = { data: await alerts().saveSettings(requiredDealership(ctx).documentId, settings) };
    },
    /** POST /easycars/alerts/:id/acknowledge */
    async acknowledge(ctx: any) {
      const user = adminUser(ctx);
      const view = await alerts().acknowledge(Number(ctx.params.id), getService(strapi, 'access').actorName(user), requiredDealership(ctx));
      if (!view || view.status === 'resolved') throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },
    /** GET /easycars/alerts/webhooks: Strapi's webhooks and which plugin events each receives (Super Admins). */
    async webhooks(ctx: any) {
      ctx.body = { data: await listSubscriptions(strapi) };
    },
    /** PUT /easycars/alerts/webhooks/:id { events } */
    async setWebhook(ctx: any) {
      const { id } = parseInput(webhookParams, ctx.params, 'params');
      const { events } = parseInput(webhookBody, ctx.request.body);
      ctx.body = { data: await setSubscription(strapi, id, [...new Set(events)]) };
    },
    /** POST /easycars/alerts/:id/snooze { hours } */
    async snooze(ctx: any) {
      const { hours } = parseInput(snoozeBody, ctx.request.body);
      const view = await alerts().snooze(Number(ctx.params.id), hours, requiredDealership(ctx));
      if (!view) throw notFound(ctx.params.id);
      ctx.body = { data: view };
    },
  };
};
