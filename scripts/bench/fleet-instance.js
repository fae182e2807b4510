/**
 * One Strapi instance of the fleet benchmark, in its own process, on the database and EasyCars
 * sandbox named by the environment it inherits (real sync handlers, the shared pg-boss queue).
 * Messages: parent → { trigger: dealershipIds } | { report: dealershipIds } | 'stop';
 * child → { ready, instanceId } | { triggered } | { report }.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

async function report(strapi, dealerships) {
  // Draft and published rows share a documentId: count documents, and a duplicate is a second document.
  const rows = await strapi.db.query('api::vehicle.vehicle').findMany({ select: ['documentId', 'stockNumber'], populate: { dealership: { select: ['documentId'] } } });
  const documents = new Map();
  for (const v of rows) {
    const key = `${v.dealership?.documentId}:${v.stockNumber}`;
    documents.set(key, (documents.get(key) ?? new Set()).add(v.documentId));
  }
  let duplicates = 0;
  const perDealership = new Map(dealerships.map((d) => [d, 0]));
  for (const [key, ids] of documents) {
    duplicates += ids.size - 1;
    const dealership = key.slice(0, key.indexOf(':'));
    if (perDealership.has(dealership)) perDealership.set(dealership, perDealership.get(dealership) + 1);
  }
  const logs = await strapi.db.query('plugin::easycars.sync-log').findMany({ select: ['dealership', 'status', 'instanceId', 'durationMs', 'created'], where: { type: 'stock' } });
  return { vehicles: documents.size, duplicates, perDealership: [...perDealership.values()], logs };
}

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = 'error';
  await strapi.load();
  const easycars = strapi.plugin('easycars');
  process.send({ ready: true, instanceId: easycars.service('syncLogs').instanceId });
  process.on('message', async (message) => {
    if (message && message.trigger) {
      // As an admin or a scheduler on this instance would: one queued run per dealership, unless one is queued already.
      const results = await Promise.all(message.trigger.map((dealership) => easycars.service('jobs').enqueueSync({ dealership, type: 'stock', trigger: 'manual' })));
      process.send({ triggered: results.filter((r) => r.accepted).length });
    }
    if (message && message.report) process.send({ report: await report(strapi, message.report) });
    if (message === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
