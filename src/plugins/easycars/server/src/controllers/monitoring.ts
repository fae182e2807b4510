import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { adminUser, dealershipsInScope } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const healthQuery = z.object({ dealership: z.string().trim().min(1).optional() }).strict();
const performanceQuery = z
  .object({
    dealership: z.string().trim().min(1).optional(),
    days: z.coerce.number().int().min(1, 'days must be 1 or more').max(400, 'days must be at most 400').optional(),
  })
  .strict();

/** Health (admin), liveness and the Prometheus scrape (public, the scrape token's policy), performance series. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dealershipsOf = (ctx: any) => dealershipsInScope(strapi, ctx);
  return {
    /** GET /easycars/health?dealership: site-wide parts (every run queued, the instances) for Super Admins only. */
    async health(ctx: any) {
      parseInput(healthQuery, ctx.query, 'query');
      const siteWide = getService(strapi, 'access').isSuperAdmin(adminUser(ctx));
      ctx.body = { data: await getService(strapi, 'health').report(await dealershipsOf(ctx), { siteWide }) };
    },
    /** GET /easycars/dashboard/performance?dealership&days=30 */
    async performance(ctx: any) {
      const { days } = parseInput(performanceQuery, ctx.query, 'query');
      const ids = (await dealershipsOf(ctx)).map((d) => d.documentId);
      ctx.body = { data: await getService(strapi, 'metrics').performance(ids, days ?? 30) };
    },
    /** GET /easycars/health/live: 200 {status: ok} or 503 {status: unavailable}. */
    async live(ctx: any) {
      const report = await getService(strapi, 'health').liveness();
      ctx.status = report.status === 'ok' ? 200 : 503;
      ctx.body = report;
    },
    /** GET /easycars/metrics (Prometheus text format). */
    async metrics(ctx: any) {
      const registry = getService(strapi, 'metrics').prometheus();
      ctx.set('Content-Type', registry.contentType);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await registry.text();
    },
  };
};
