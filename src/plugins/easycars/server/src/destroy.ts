import type { Core } from '@strapi/strapi';
import { getService } from './utils/plugin';
import { releaseHeldLocks } from './locks/db-lock';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'scheduler').unregister();
  await getService(strapi, 'jobs').stop();
  await releaseHeldLocks(strapi);
  await getService(strapi, 'alerts').idle();
  await getService(strapi, 'metrics').stop();
};

export default destroy;
