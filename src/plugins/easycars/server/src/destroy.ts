import type { Core } from '@strapi/strapi';
import { getService } from './utils/plugin';
import { releaseHeldLocks } from './locks/db-lock';
import { releaseConnectionLossGuard } from './utils/connection-loss-guard';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'scheduler').unregister();
  await getService(strapi, 'jobs').stop();
  await releaseHeldLocks(strapi);
  await getService(strapi, 'alerts').idle();
  await getService(strapi, 'metrics').stop();
  releaseConnectionLossGuard();
};

export default destroy;
