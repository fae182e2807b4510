import type { Core } from '@strapi/strapi';
import type { AdminUser, DealershipSummary } from '../services/access';
import { getService } from './plugin';
import { SCOPED_DEALERSHIP } from '../policies/manages-dealership';

/** The admin user Strapi's admin auth put on the request. */
export function adminUser(ctx: any): AdminUser {
  return ctx.state.user as AdminUser;
}

/** Answers 409 in Strapi's error format, with details (e.g. the running sync log's id). */
export function conflict(ctx: any, message: string, details: Record<string, unknown> = {}) {
  ctx.status = 409;
  ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message, details } };
}

/** The dealership the route's manages-dealership policy resolved and checked (null: the request named none). */
export function scopedDealership(ctx: any): DealershipSummary | null {
  if (!(SCOPED_DEALERSHIP in ctx.state)) throw new Error('This route has no manages-dealership policy (utils/route.ts): its dealership was never checked.');
  return ctx.state[SCOPED_DEALERSHIP] as DealershipSummary | null;
}

/** As scopedDealership, for routes whose policy is not optional. */
export function requiredDealership(ctx: any): DealershipSummary {
  const dealership = scopedDealership(ctx);
  if (!dealership) throw new Error('The manages-dealership policy let a request through without a dealership.');
  return dealership;
}

/**
 * For routes whose dealership is optional: the one the policy checked, or else every dealership the
 * caller manages (a Super Admin's: all).
 */
export async function dealershipsInScope(strapi: Core.Strapi, ctx: any): Promise<DealershipSummary[]> {
  const scoped = scopedDealership(ctx);
  return scoped ? [scoped] : getService(strapi, 'access').listDealerships(adminUser(ctx));
}

/** The dealerships a caller may see rows of: null for a Super Admin (every row, site-wide ones too). */
export async function visibleDealershipIds(strapi: Core.Strapi, ctx: any): Promise<string[] | null> {
  const access = getService(strapi, 'access');
  const user = adminUser(ctx);
  return access.isSuperAdmin(user) ? null : (await access.listDealerships(user)).map((d) => d.documentId);
}
