import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, FINDING_STATES, RECONCILIATION_SCHEDULES } from '../../../shared/reconciliation';
import { findingsCsv, findingsPdf } from '../reconciliation/export';
import { adminUser, conflict, requiredDealership } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const filterShape = {
  category: z.enum(FINDING_CATEGORIES, { errorMap: () => ({ message: `category must be one of ${FINDING_CATEGORIES.join(', ')}` }) }).optional(),
  severity: z.enum(FINDING_SEVERITIES, { errorMap: () => ({ message: `severity must be one of ${FINDING_SEVERITIES.join(', ')}` }) }).optional(),
  state: z.enum(FINDING_STATES, { errorMap: () => ({ message: `state must be one of ${FINDING_STATES.join(', ')}` }) }).optional(),
};
const reportQuery = z
  .object({
    dealership: z.string().min(1),
    ...filterShape,
    page: z.coerce.number().int().min(1, 'page must be 1 or more').optional(),
    pageSize: z.coerce.number().int().min(1).max(200, 'pageSize must be at most 200').optional(),
  })
  .strict();
const exportQuery = z.object({ dealership: z.string().min(1), format: z.enum(['csv', 'pdf'], { errorMap: () => ({ message: 'format must be csv or pdf' }) }), ...filterShape }).strict();
const runBody = z.object({ dealership: z.string().min(1) }).strict();
const scheduleBody = z.object({ dealership: z.string().min(1), schedule: z.enum(RECONCILIATION_SCHEDULES, { errorMap: () => ({ message: `schedule must be one of ${RECONCILIATION_SCHEDULES.join(', ')}` }) }) }).strict();
const actionBody = z
  .object({
    dealership: z.string().min(1),
    ids: z.array(z.number().int().positive(), { invalid_type_error: 'ids must be a list of finding ids' }).min(1, 'ids must name at least one finding').max(5000).optional(),
    filter: z.object(filterShape).strict().optional(),
    reason: z.string().trim().max(500, 'reason must be at most 500 characters').optional(),
  })
  .strict()
  .refine((b) => b.ids || b.filter, { message: 'give ids (chosen rows) or filter (every row it matches)', path: ['ids'] });
const ignoreBody = actionBody.refine((b) => Boolean(b.reason), { message: 'reason is required: say why this difference is fine', path: ['reason'] });

/** Reconciliation: run it, read the report, act on rows (sync, push, ignore), export it. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'reconciliation');
  const actor = (ctx: any) => {
    const user = adminUser(ctx);
    return { id: user.id, name: getService(strapi, 'access').actorName(user) };
  };

  return {
    /** POST /easycars/reconciliation/run { dealership } → 202 with the run's sync log id, 409 when one is active. */
    async run(ctx: any) {
      parseInput(runBody, ctx.request.body);
      const dealership = requiredDealership(ctx);
      const result = await service().run(dealership, actor(ctx));
      if (!result.accepted) return conflict(ctx, `A reconciliation is already queued or running for ${dealership.name}.`, { syncLogId: result.syncLogId });
      ctx.status = 202;
      ctx.body = { data: { syncLogId: result.syncLogId, status: 'queued' } };
    },

    /** PUT /easycars/reconciliation/settings { dealership, schedule: off | daily | weekly } */
    async settings(ctx: any) {
      const { schedule } = parseInput(scheduleBody, ctx.request.body);
      ctx.body = { data: await service().setSchedule(requiredDealership(ctx).documentId, schedule, actor(ctx)) };
    },

    /** GET /easycars/reconciliation?dealership&category&severity&state&page&pageSize */
    async report(ctx: any) {
      const { page, pageSize, dealership: _d, ...filter } = parseInput(reportQuery, ctx.query, 'query');
      ctx.body = { data: await service().report(requiredDealership(ctx).documentId, filter, page ?? 1, pageSize ?? 50, ctx.state.userAbility) };
    },

    /** GET /easycars/reconciliation/export?dealership&format=csv|pdf&<filters>: a download. */
    async export(ctx: any) {
      const { format, dealership: _d, ...filter } = parseInput(exportQuery, ctx.query, 'query');
      const dealership = requiredDealership(ctx);
      const rows = await service().exportRows(dealership.documentId, filter, ctx.state.userAbility);
      const stamp = new Date().toISOString().slice(0, 10);
      const name = `easycars-reconciliation-${dealership.slug ?? dealership.documentId}-${stamp}.${format}`;
      ctx.set('Content-Disposition', `attachment; filename="${name}"`);
      ctx.set('Cache-Control', 'no-store');
      if (format === 'csv') {
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.body = findingsCsv(rows);
        return;
      }
      const report = await service().report(dealership.documentId, {}, 1, 1);
      ctx.set('Content-Type', 'application/pdf');
      ctx.body = findingsPdf({ dealership: dealership.name, generatedAt: new Date(), runAt: report.run?.completedAt ?? null, timezone: dealership.timezone, counts: report.counts, notes: report.notes }, rows);
    },

    /** POST /easycars/reconciliation/sync { dealership, ids | filter }: one stock run for those vehicles. */
    async sync(ctx: any) {
      const { ids, filter } = parseInput(actionBody, ctx.request.body);
      const dealership = requiredDealership(ctx);
      const { busySyncLogId, ...result } = await service().sync(dealership, ids, filter, actor(ctx));
      if (busySyncLogId !== undefined) return conflict(ctx, result.message, { syncLogId: busySyncLogId });
      ctx.body = { data: result };
    },

    /** POST /easycars/reconciliation/push { dealership, ids | filter } */
    async push(ctx: any) {
      const { ids, filter } = parseInput(actionBody, ctx.request.body);
      ctx.body = { data: await service().push(requiredDealership(ctx), ids, filter, actor(ctx)) };
    },

    /** POST /easycars/reconciliation/ignore { dealership, ids | filter, reason } */
    async ignore(ctx: any) {
      const { ids, filter, reason } = parseInput(ignoreBody, ctx.request.body);
      ctx.body = { data: await service().ignore(requiredDealership(ctx), ids, filter, reason!, actor(ctx)) };
    },
  };
};
