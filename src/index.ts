import type { Core } from '@strapi/strapi';
import { seedDemo } from './demo/seed';
import { applyContentManagerLabels } from './content-manager-labels';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await applyContentManagerLabels(strapi);
    if (process.env.EASYCARS_DEMO_SEED === 'true') await seedDemo(strapi);
  },
};
