import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { LeadStateConflict } from '../leads/errors';
import { adminUser, conflict, requiredDealership, scopedDealership } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';
import { actionUid } from '../permissions';
import { throttle } from '../utils/throttle';

const PUSH_STATES = ['pending', 'failed', 'review'];
/** confirmResend: the admin confirmed that a lead in review is not in EasyCars (required to resend it). */
const retryBody = z.object({ confirmResend: z.boolean({ invalid_type_error: 'must be true or false' }).optional() }).passthrough();

/** Admin API of the lead sync (routes/admin/leads.ts). Every route is scoped to a dealership the caller manages. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');
  const leads = () => getService(strapi, 'leadSync');
  const actor = (ctx: any) => {
    const user = adminUser(ctx);
    return { id: user.id, name: access().actorName(user) };
  };
  /** Checked by the route's manages-dealership policy (routes/admin/leads.ts). */
  const dealershipOf = (ctx: any) => requiredDealership(ctx).documentId;
  const idParam = (ctx: any) => {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id <= 0) throw new errors.ValidationError('id must be a positive whole number');
    return id;
  };
  const asConflict = async (ctx: any, fn: () => Promise<unknown>) => {
    try {
      ctx.body = { data: await fn() };
    } catch (error) {
      if (error instanceof LeadStateConflict) return conflict(ctx, error.message, error.details);
      throw error;
    }
  };

  return {
    /** GET /leads/overview?dealership= */
    async overview(ctx: any) {
      ctx.body = { data: await leads().overview(dealershipOf(ctx)) };
    },

    /** GET /leads/pushes?dealership=&state=pending,failed,review */
    async pushes(ctx: any) {
      const dealership = dealershipOf(ctx);
      const requested = typeof ctx.query.state === 'string' && ctx.query.state ? ctx.query.state.split(',') : PUSH_STATES;
      const bad = requested.filter((s: string) => !PUSH_STATES.includes(s));
      if (bad.length) throw new errors.ValidationError(`state must be among ${PUSH_STATES.join(', ')} (got ${bad.join(', ')})`);
      ctx.body = { data: await leads().listPushes(dealership, requested, ctx.state.userAbility) };
    },

    /** POST /leads/pushes/:id/retry { dealership, confirmResend? } — a lead in review also needs resolveConflicts and confirmResend: true. */
    async retry(ctx: any) {
      const dealership = dealershipOf(ctx);
      const { confirmResend } = parseInput(retryBody, ctx.request.body);
      await throttle(ctx, strapi, 'pushRetry', dealership);
      const mayResolveConflicts = Boolean(ctx.state.userAbility?.can(actionUid('resolveConflicts')));
      ctx.body = { data: await leads().retry(idParam(ctx), dealership, actor(ctx), { confirmResend, mayResolveConflicts }) };
    },

    /** GET /leads/conflicts?dealership=&state=open|resolved */
    async conflicts(ctx: any) {
      const dealership = dealershipOf(ctx);
      const state = ctx.query.state;
      if (state !== undefined && state !== 'open' && state !== 'resolved') throw new errors.ValidationError('state must be open or resolved');
      ctx.body = { data: await leads().listConflicts(dealership, state, ctx.state.userAbility) };
    },

    /** POST /leads/conflicts/:id/resolve { dealership, choice: 'local' | 'easycars' } */
    async resolve(ctx: any) {
      const dealership = dealershipOf(ctx);
      const id = idParam(ctx);
      await asConflict(ctx, () => leads().resolve(id, dealership, ctx.request.body?.choice, actor(ctx)));
    },

    /** POST /leads/import { dealership, leadNumber } */
    async import(ctx: any) {
      const dealership = dealershipOf(ctx);
      await throttle(ctx, strapi, 'leadImport', dealership);
      await asConflict(ctx, () => leads().importLead(dealership, ctx.request.body?.leadNumber, actor(ctx)));
      if (ctx.status === 200) ctx.status = 201;
    },

    /** PUT /leads/settings { dealership, leadConflictStrategy } */
    async settings(ctx: any) {
      const dealership = dealershipOf(ctx);
      ctx.body = { data: await leads().setStrategy(dealership, ctx.request.body?.leadConflictStrategy, actor(ctx)) };
    },

    /** GET /leads/status?documentIds=a,b,c → badge per lead (content-manager list column). */
    async statuses(ctx: any) {
      const raw = typeof ctx.query.documentIds === 'string' ? ctx.query.documentIds : '';
      const ids = raw.split(',').map((s: string) => s.trim()).filter(Boolean);
      if (ids.length > 200) throw new errors.ValidationError('documentIds: at most 200 per request');
      const user = adminUser(ctx);
      const scope = access().isSuperAdmin(user) ? null : new Set((await access().listDealerships(user)).map((d) => d.documentId));
      ctx.body = { data: await leads().columnStatuses(ids, scope) };
    },

    /** GET /leads/status/:documentId → the edit-view side panel. */
    async panel(ctx: any) {
      const scoped = scopedDealership(ctx);
      const { dealership, view } = scoped
        ? await leads().panel(String(ctx.params.documentId), ctx.state.userAbility)
        : { dealership: null, view: leads().emptyPanel() };
      // The dealership lets the panel link to its Leads page (e.g. to resolve an open conflict).
      ctx.body = { data: { ...view, dealership: dealership ?? null } };
    },
  };
};
