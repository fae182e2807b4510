import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { AUDIT_RESULTS } from '../../../shared/audit';
import { dateParam } from '../history/filters';
import { scopedDealership, visibleDealershipIds } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const auditQuery = z
  .object({
    dealership: z.string().trim().min(1).optional(),
    action: z.string().trim().min(1).max(100, 'action must be at most 100 characters').regex(/^[a-z0-9.-]+$/, 'action must be an action name such as credentials.update, or a family such as lead.').optional(),
    actor: z.string().trim().min(1).max(100, 'actor must be at most 100 characters').optional(),
    result: z.enum(AUDIT_RESULTS, { errorMap: () => ({ message: `result must be one of ${AUDIT_RESULTS.join(', ')}` }) }).optional(),
    from: dateParam('from').optional(),
    to: dateParam('to').optional(),
    page: z.coerce.number().int().min(1, 'page must be 1 or more').optional(),
    pageSize: z.coerce.number().int().min(1).max(100, 'pageSize must be at most 100').optional(),
  })
  .strict();

/** The audit trail: a dealership named in the query was checked by the policy; without one, the caller's own (Super Admin: all, site-wide entries too). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /easycars/audit?dealership&action&actor&result&from&to&page&pageSize */
  async list(ctx: any) {
    const { page, pageSize, ...filters } = parseInput(auditQuery, ctx.query, 'query');
    const scope = await visibleDealershipIds(strapi, ctx);
    ctx.body = { data: await getService(strapi, 'audit').page({ ...filters, dealership: scopedDealership(ctx)?.documentId }, scope, { page, pageSize }) };
  },
});
