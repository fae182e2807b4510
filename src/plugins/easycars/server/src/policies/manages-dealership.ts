/**
 * Route policy: the caller manages the dealership the request acts on (Super Admins: every one).
 * `from` says where that dealership comes from (policies/dealership-sources.ts). The resolved
 * dealership is left on ctx.state for the controller (utils/admin-context.ts scopedDealership).
 * A dealership or record the caller does not manage answers 404 with the same words as one that
 * does not exist, so ids of other dealerships never show they exist.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/plugin';
import { DEALERSHIP_SOURCES, resolveDealership, type DealershipSource } from './dealership-sources';

export interface ManagesDealershipConfig {
  from: DealershipSource;
  /** The route also serves requests that name no dealership (the controller decides what that means). */
  optional?: boolean;
}

export const SCOPED_DEALERSHIP = 'easycarsDealership';

export default async (policyContext: any, config: ManagesDealershipConfig, { strapi }: { strapi: Core.Strapi }) => {
  if (!config || !DEALERSHIP_SOURCES.includes(config.from)) {
    throw new Error(`easycars manages-dealership policy: config.from must be one of ${DEALERSHIP_SOURCES.join(', ')}`);
  }
  const { dealership, what } = await resolveDealership(strapi, config.from, policyContext);
  if (dealership === undefined) {
    if (config.optional) {
      policyContext.state[SCOPED_DEALERSHIP] = null;
      return true;
    }
    throw new errors.ValidationError('dealership is required (the dealership documentId)', {
      errors: [{ path: ['dealership'], message: 'dealership is required', name: 'ValidationError' }],
    });
  }
  if (dealership === null) throw new errors.NotFoundError(`${what} not found.`);
  const access = getService(strapi, 'access');
  const summary = await access.managedDealership(policyContext.state.user, dealership);
  if (!summary) throw new errors.NotFoundError(`${what} not found.`);
  policyContext.state[SCOPED_DEALERSHIP] = summary;
  return true;
};
