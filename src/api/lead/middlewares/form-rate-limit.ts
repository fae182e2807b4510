/**
 * Per-IP limit on the website lead form (POST /api/leads). Counted in the database, so every
 * Strapi instance shares one budget. Behind a proxy, set `proxy: true` in config/server.ts so
 * the client's address (X-Forwarded-For) is used, not the proxy's.
 */
import type { Core } from '@strapi/strapi';
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LeadFormRateLimit {
  points: number;
  durationSeconds: number;
}

function createLimiter(strapi: Core.Strapi, limit: LeadFormRateLimit): Promise<RateLimiterAbstract> {
  const opts = {
    storeClient: strapi.db.connection,
    storeType: 'knex',
    tableName: 'easycars_lead_form_limits',
    keyPrefix: 'lead-form',
    points: limit.points,
    duration: limit.durationSeconds,
    clearExpiredByTimeout: false,
  };
  return new Promise((resolve, reject) => {
    const ready = (error?: Error) => (error ? reject(error) : resolve(limiter));
    const limiter: RateLimiterAbstract =
      strapi.db.dialect.client === 'postgres' ? new RateLimiterPostgres(opts as any, ready) : new RateLimiterSQLite(opts as any, ready);
  });
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let limiter: Promise<RateLimiterAbstract> | undefined;
  return async (ctx: any, next: () => Promise<unknown>) => {
    const limit = strapi.config.get<LeadFormRateLimit>('api.leadForm.rateLimit');
    limiter ??= createLimiter(strapi, limit);
    try {
      await (await limiter).consume(ctx.request.ip || 'unknown');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: { status: 429, name: 'RateLimitError', message: `Too many enquiries from this address. Try again in ${seconds} seconds.`, details: {} },
      };
      return;
    }
    return next();
  };
};
