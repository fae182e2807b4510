import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { historyExportSchema, historyListSchema } from '../history/filters';
import { readRetention, saveRetention } from '../history/retention';
import { adminUser, requiredDealership, scopedDealership, visibleDealershipIds } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const itemsQuery = z
  .object({
    page: z.coerce.number().int().min(1, 'page must be 1 or more').optional(),
    pageSize: z.coerce.number().int().min(1).max(200, 'pageSize must be at most 200').optional(),
  })
  .strict();

const retentionBody = z
  .object({
    days: z.number({ required_error: 'days is required', invalid_type_error: 'days must be a whole number of days' }).int('days must be a whole number of days').min(1, 'days must be at least 1').max(3650, 'days must be at most 3650 (10 years)'),
    mode: z.enum(['delete', 'archive'], { errorMap: () => ({ message: 'mode must be delete or archive' }) }),
  })
  .strict();

/**
 * Sync history routes. A `dealership` in the query was checked by the route's policy; without one,
 * the answer covers the caller's own dealerships (a Super Admin's: every dealership).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scopeOf = (ctx: any) => visibleDealershipIds(strapi, ctx);

  return {
    /** GET /easycars/history?dealership&type&status&trigger&from&to&q&page&pageSize */
    async list(ctx: any) {
      const { page, pageSize, ...filters } = parseInput(historyListSchema, ctx.query, 'query');
      const dealership = scopedDealership(ctx)?.documentId;
      ctx.body = await getService(strapi, 'history').list({ ...filters, dealership }, await scopeOf(ctx), { page, pageSize });
    },

    /** GET /easycars/history/export?format=csv|json&<the same filters>: streamed, as a download. */
    async export(ctx: any) {
      const { format, ...filters } = parseInput(historyExportSchema, ctx.query, 'query');
      const dealership = scopedDealership(ctx)?.documentId;
      const stream = await getService(strapi, 'history').export({ ...filters, dealership }, await scopeOf(ctx), format);
      const stamp = new Date().toISOString().slice(0, 10);
      ctx.set('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="easycars-sync-history-${stamp}.${format}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = stream;
    },

    /** GET /easycars/history/retention: how long runs are kept; `canEdit` for a Super Admin. */
    async retention(ctx: any) {
      const canEdit = getService(strapi, 'access').isSuperAdmin(adminUser(ctx));
      ctx.body = { data: { ...(await readRetention(strapi)), canEdit } };
    },

    /** PUT /easycars/history/retention { days, mode } (Super Admins: the route's site-wide policy). */
    async setRetention(ctx: any) {
      const value = parseInput(retentionBody, ctx.request.body, 'body');
      const saved = await saveRetention(strapi, value);
      await getService(strapi, 'audit').record({
        dealership: null,
        action: 'history.retention',
        actor: { id: adminUser(ctx).id, name: getService(strapi, 'access').actorName(adminUser(ctx)) },
        changedFields: ['days', 'mode'],
        result: 'success',
        message: `Sync history kept ${saved.days} days, then ${saved.mode === 'archive' ? 'archived to the media library and removed' : 'deleted'}`,
      });
      ctx.body = { data: { ...saved, canEdit: true } };
    },

    /** GET /easycars/sync-logs/:id/items?page&pageSize: every record the run touched. */
    async items(ctx: any) {
      requiredDealership(ctx);
      const paging = parseInput(itemsQuery, ctx.query, 'query');
      ctx.body = await getService(strapi, 'history').items(Number(ctx.params.id), paging);
    },
  };
};
