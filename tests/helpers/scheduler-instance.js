/**
 * A second Strapi instance in a child process for the scheduler tests: the parent's database and
 * environment (cron on, a fast scheduler tick), both sync types recorded instead of run, and what
 * its own ticks enqueued, reported on request.
 * Messages: parent → 'report' | 'stop'; child → { ready: true, instanceId } | { report: { ticks, enqueued } }.
 */
const path = require('node:path');
const { recordingSyncHandler } = require('./recording-sync-handler');
const { recordTicks } = require('./tick-recorder');

const root = path.resolve(__dirname, '..', '..');

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = 'error';
  await strapi.load();
  const easycars = strapi.plugin('easycars');
  const delayMs = Number(process.env.TEST_SYNC_DELAY_MS || 500);
  for (const type of ['stock', 'leads']) easycars.service('jobs').registerSyncHandler(type, recordingSyncHandler(strapi, { delayMs }));
  const ticks = recordTicks(strapi);
  process.send({ ready: true, instanceId: easycars.service('syncLogs').instanceId });
  process.on('message', async (message) => {
    if (message === 'report') process.send({ report: ticks });
    if (message === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
