/**
 * A second Strapi instance in a child process, on the same database as the test's own
 * instance (env comes from the parent). Used to prove that jobs are shared, not doubled.
 * Messages: parent → 'stop'; child → { ready: true, instanceId }.
 */
const path = require('node:path');
const { recordingSyncHandler } = require('./recording-sync-handler');

const root = path.resolve(__dirname, '..', '..');

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = 'error';
  await strapi.load();
  const easycars = strapi.plugin('easycars');
  easycars.service('jobs').registerSyncHandler('stock', recordingSyncHandler(strapi, { delayMs: Number(process.env.TEST_SYNC_DELAY_MS || 1500) }));
  process.send({ ready: true, instanceId: easycars.service('syncLogs').instanceId });
  process.on('message', async (message) => {
    if (message === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
