import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';
import { PLUGIN_ID, getService } from './utils/plugin';
import { registerWebhookEvents } from './alerts/notify';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.admin.services.permission.actionProvider.registerMany(
    ACTION_DEFINITIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })),
  );

  const devKeyFile = getService(strapi, 'cipher').devKeyFile();
  if (devKeyFile) {
    strapi.log.warn(
      `[easycars] EASYCARS_ENCRYPTION_KEY is not set: using the development key in ${devKeyFile}. ` +
        'Set EASYCARS_ENCRYPTION_KEY before going to production (see docs/encryption.md).',
    );
  }

  registerWebhookEvents(strapi);
  const metrics = getService(strapi, 'metrics');
  getService(strapi, 'easycarsClient').onCall((event) => metrics.recordApiCall(event));
  await metrics.start();

  getService(strapi, 'stockSync').registerHandler();
  getService(strapi, 'reconciliation').registerHandler();
  getService(strapi, 'stockEdits').registerHandler();
  getService(strapi, 'leadSync').registerJobs();
  await getService(strapi, 'jobs').start();
  await getService(strapi, 'leadSync').resumePending();
  getService(strapi, 'scheduler').register();
};

export default bootstrap;
