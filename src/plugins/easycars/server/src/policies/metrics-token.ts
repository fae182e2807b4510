/**
 * Route policy of GET /easycars/metrics: the scrape token (EASYCARS_METRICS_TOKEN) as a bearer
 * token, compared in constant time. Without a configured token the endpoint does not exist (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config/schema';
import { getConfig } from '../utils/plugin';

const digest = (value: string) => createHash('sha256').update(value).digest();

export const sameToken = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

export default (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const expected = getConfig<PluginConfig['monitoring']>(strapi, 'monitoring').metricsToken;
  if (!expected) throw new errors.NotFoundError('Not Found');
  const header = String(policyContext.request?.header?.authorization ?? '');
  const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
  if (!given || !sameToken(given, expected)) throw new errors.UnauthorizedError('A valid metrics token is required (Authorization: Bearer <EASYCARS_METRICS_TOKEN>)');
  return true;
};
