import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { dealershipsInScope } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const overviewQuery = z.object({ dealership: z.string().trim().min(1).optional() }).strict();
const trendQuery = z
  .object({
    dealership: z.string().trim().min(1).optional(),
    days: z.coerce.number().int().min(1, 'days must be 1 or more').max(90, 'days must be at most 90').optional(),
  })
  .strict();

/** The dashboard routes: a dealership named in the query was checked by the policy; without one, the caller's own. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dealershipsOf = (ctx: any) => dealershipsInScope(strapi, ctx);
  return {
    /** GET /easycars/dashboard?dealership */
    async overview(ctx: any) {
      parseInput(overviewQuery, ctx.query, 'query');
      ctx.body = { data: await getService(strapi, 'dashboard').overview(await dealershipsOf(ctx)) };
    },
    /** GET /easycars/dashboard/trend?dealership&days=30 */
    async trend(ctx: any) {
      const { days } = parseInput(trendQuery, ctx.query, 'query');
      const ids = (await dealershipsOf(ctx)).map((d) => d.documentId);
      ctx.body = { data: await getService(strapi, 'dashboard').trend(ids, days ?? 30) };
    },
  };
};
