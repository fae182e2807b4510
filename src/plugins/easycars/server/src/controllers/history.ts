import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { historyExportSchema, historyListSchema } from '../history/filters';
import { adminUser, requiredDealership, scopedDealership } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const itemsQuery = z
  .object({
    page: z.coerce.number().int().min(1, 'page must be 1 or more').optional(),
    pageSize: z.coerce.number().int().min(1).max(200, 'pageSize must be at most 200').optional(),
  })
  .strict();

/**
 * Sync history routes. A `dealership` in the query was checked by the route's policy; without one,
 * the answer covers the caller's own dealerships (a Super Admin's: every dealership).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scopeOf = async (ctx: any): Promise<string[] | null> => {
    const user = adminUser(ctx);
    const access = getService(strapi, 'access');
    if (access.isSuperAdmin(user)) return null;
    return (await access.listDealerships(user)).map((d) => d.documentId);
  };

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

    /** GET /easycars/sync-logs/:id/items?page&pageSize: every record the run touched. */
    async items(ctx: any) {
      requiredDealership(ctx);
      const paging = parseInput(itemsQuery, ctx.query, 'query');
      ctx.body = await getService(strapi, 'history').items(Number(ctx.params.id), paging);
    },
  };
};
