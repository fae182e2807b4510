import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { LimitedAction } from '../limits/policy';
import { adminUser } from './admin-context';
import { getService } from './plugin';

/** Consumes the caller's share of a shared limit; a refusal answers 429 with Retry-After. */
export async function throttle(ctx: any, strapi: Core.Strapi, action: LimitedAction, dealership?: string | null): Promise<void> {
  try {
    await getService(strapi, 'rateLimiter').consume(action, { userId: adminUser(ctx).id, dealership });
  } catch (err) {
    if (err instanceof errors.RateLimitError) {
      const seconds = (err.details as { retryAfterSeconds?: number })?.retryAfterSeconds;
      if (seconds) ctx.set('Retry-After', String(seconds));
    }
    throw err;
  }
}
