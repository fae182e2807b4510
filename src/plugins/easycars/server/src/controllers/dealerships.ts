import type { Core } from '@strapi/strapi';
import { adminUser } from '../utils/admin-context';
import { getService } from '../utils/plugin';

/**
 * GET /dealerships: the dealerships the caller may act on, each with its credential status and
 * a sync summary per type (last finished run, active run).
 * Open to any admin holding at least one EasyCars action (policy lists-own-dealerships: every
 * plugin page needs the picker); the list itself is scoped by access.listDealerships.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const dealerships = await getService(strapi, 'access').listDealerships(adminUser(ctx));
    const repo = getService(strapi, 'credentials');
    const rows = dealerships.length ? await repo.findAll({ dealership: { $in: dealerships.map((d) => d.documentId) } }) : [];
    const byDealership = new Map(rows.map((row) => [row.dealership, row]));
    const sync = await getService(strapi, 'syncLogs').summaries(dealerships.map((d) => d.documentId));

    ctx.body = {
      data: dealerships.map((dealership) => {
        const row = byDealership.get(dealership.documentId);
        if (!row) return { ...dealership, credential: { configured: false }, sync: sync[dealership.documentId] };
        return {
          ...dealership,
          credential: repo.toListSummary(row),
          sync: sync[dealership.documentId],
        };
      }),
    };
  },
});
