/**
 * Route policy for an editor's own choices about a vehicle (pinning a field): the caller may update
 * the host's vehicle type in the content manager. Which dealership's vehicle is the scope policy's job.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hostConfig } from '../host/config';

export const CM_UPDATE = 'plugin::content-manager.explorer.update';

export default (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  if (policyContext.state.userAbility?.can(CM_UPDATE, hostConfig(strapi).types.vehicle)) return true;
  throw new errors.PolicyError('You need permission to edit vehicles in the Content Manager for this.');
};
