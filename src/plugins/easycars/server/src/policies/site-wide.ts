/**
 * Route policy for settings that apply to every dealership of the site (history retention): only a
 * Super Admin may change them, whatever plugin permissions a dealership's manager holds.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/plugin';

export const SITE_WIDE_REFUSED = 'Only a Super Admin may change site-wide EasyCars settings (they apply to every dealership).';

export default (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  if (!getService(strapi, 'access').isSuperAdmin(policyContext.state.user)) throw new errors.PolicyError(SITE_WIDE_REFUSED);
  return true;
};
