import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { FIELD_STRATEGIES } from '../../../shared/conflicts';
import { adminUser, conflict, requiredDealership } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const kind = z.enum(['vehicle', 'lead'], { errorMap: () => ({ message: 'kind must be vehicle or lead' }) });
const inboxQuery = z
  .object({
    dealership: z.string().min(1),
    kind: kind.optional(),
    state: z.enum(['open', 'resolved'], { errorMap: () => ({ message: 'state must be open or resolved' }) }).optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();
const choice = z
  .object({ kind, id: z.number().int().positive(), use: z.enum(['local', 'easycars', 'value'], { errorMap: () => ({ message: 'use must be local, easycars or value' }) }), value: z.unknown().optional() })
  .strict()
  .refine((c) => c.use !== 'value' || c.kind === 'vehicle', { message: 'a merged value is for vehicle conflicts; edit a lead itself instead', path: ['use'] })
  .refine((c) => c.use !== 'value' || 'value' in c, { message: 'value is required with use "value"', path: ['value'] });
const resolveBody = z.object({ dealership: z.string().min(1), choices: z.array(choice).min(1, 'choices must name at least one conflict').max(500) }).strict();
const resolveAllBody = z.object({ dealership: z.string().min(1), kind: kind.optional(), use: z.enum(['local', 'easycars'], { errorMap: () => ({ message: 'use must be local or easycars' }) }) }).strict();
const settingsBody = z
  .object({
    dealership: z.string().min(1),
    stockConflictStrategy: z.enum(FIELD_STRATEGIES, { errorMap: () => ({ message: `stockConflictStrategy must be one of ${FIELD_STRATEGIES.join(', ')}` }) }),
    stockFieldStrategies: z.record(z.string(), z.enum(FIELD_STRATEGIES, { errorMap: () => ({ message: `each field's strategy must be one of ${FIELD_STRATEGIES.join(', ')}` }) })).default({}),
  })
  .strict();
const pinBody = z.object({ field: z.string().min(1, 'field is required'), pinned: z.boolean({ required_error: 'pinned is required (true or false)' }) }).strict();

/** The conflict inbox (vehicles and leads), resolutions, and FR20's settings and pins. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const edits = () => getService(strapi, 'stockEdits');
  const actor = (ctx: any) => {
    const user = adminUser(ctx);
    return { id: user.id, name: getService(strapi, 'access').actorName(user) };
  };
  return {
    /** GET /easycars/conflicts?dealership&kind&state&page&pageSize */
    async inbox(ctx: any) {
      const { kind: k, state, page, pageSize } = parseInput(inboxQuery, ctx.query, 'query');
      ctx.body = { data: await edits().inbox(requiredDealership(ctx).documentId, { kind: k, state: state ?? 'open' }, page ?? 1, pageSize ?? 25, ctx.state.userAbility) };
    },
    /** POST /easycars/conflicts/resolve { dealership, choices: [{ kind, id, use, value? }] } */
    async resolve(ctx: any) {
      const { choices } = parseInput(resolveBody, ctx.request.body);
      ctx.body = { data: await edits().resolve(requiredDealership(ctx).documentId, choices as any, actor(ctx)) };
    },
    /** POST /easycars/conflicts/resolve-all { dealership, kind?, use } → 202 with the job's run, 409 when one runs. */
    async resolveAll(ctx: any) {
      const { kind: k, use } = parseInput(resolveAllBody, ctx.request.body);
      const dealership = requiredDealership(ctx);
      const result = await edits().queueResolveAll(dealership.documentId, k, use, actor(ctx));
      if (!result.accepted) return conflict(ctx, `A bulk resolution is already queued or running for ${dealership.name}.`, { syncLogId: result.syncLogId });
      ctx.status = 202;
      ctx.body = { data: { syncLogId: result.syncLogId, status: 'queued' } };
    },
    /** GET /easycars/stock/settings?dealership */
    async settings(ctx: any) {
      ctx.body = { data: await edits().settings(requiredDealership(ctx).documentId) };
    },
    /** PUT /easycars/stock/settings { dealership, stockConflictStrategy, stockFieldStrategies } */
    async saveSettings(ctx: any) {
      const { dealership: _d, ...input } = parseInput(settingsBody, ctx.request.body);
      ctx.body = { data: await edits().saveSettings(requiredDealership(ctx).documentId, input, actor(ctx)) };
    },
    /** PUT /easycars/vehicles/:documentId/pins { field, pinned } */
    async pin(ctx: any) {
      const { field, pinned } = parseInput(pinBody, ctx.request.body);
      ctx.body = { data: await edits().pin(String(ctx.params.documentId), field, pinned, actor(ctx)) };
    },
  };
};
