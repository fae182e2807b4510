import type { AdminUser } from '../services/access';

/** The admin user Strapi's admin auth put on the request. */
export function adminUser(ctx: any): AdminUser {
  return ctx.state.user as AdminUser;
}

/** Answers 409 in Strapi's error format, with details (e.g. the running sync log's id). */
export function conflict(ctx: any, message: string, details: Record<string, unknown> = {}) {
  ctx.status = 409;
  ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message, details } };
}
