/**
 * A Strapi instance in a child process that runs the plugin's REAL sync handlers and lead pushes, for tests that
 * kill an instance (SIGKILL) or cut its database connections, and for the fleet benchmark (EASYCARS_TEST_QUIET_OUTGOING
 * then turns the per-request messages off). Its environment (database, sandbox base URLs, cron,
 * heartbeat) comes from the parent; the parent drives it with commands and watches its calls to EasyCars.
 * Messages: parent → { id, cmd, args }; child → { ready, instanceId, pid } | { id, result } | { id, error } |
 * { outgoing: path } (every HTTP request this process starts, seen through node:diagnostics_channel).
 */
const path = require('node:path');
const diagnostics = require('node:diagnostics_channel');
const { recordTicks } = require('./tick-recorder');

const root = path.resolve(__dirname, '..', '..');
const VEHICLE = 'api::vehicle.vehicle';

if (!process.env.EASYCARS_TEST_QUIET_OUTGOING) {
  diagnostics.subscribe('http.client.request.start', ({ request }) => {
    if (process.connected) process.send({ outgoing: request.path });
  });
}

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = process.env.TEST_VERBOSE ? 'info' : 'error';
  await strapi.load();
  const easycars = strapi.plugin('easycars');
  const ticks = recordTicks(strapi);

  const commands = {
    /** A dealership with an active credential for the sandbox account; answers its documentId. */
    async connectDealership({ name, client, account, fields = {} }) {
      const d = await strapi.documents('api::dealership.dealership').create({ data: { name, timezone: 'Australia/Sydney' } });
      await easycars.service('credentials').create({ dealership: d.documentId, environment: 'test', isActive: true, ...fields }, { ...client, ...account });
      return d.documentId;
    },
    enqueueSync: ({ dealership, type }) => easycars.service('jobs').enqueueSync({ dealership, type, trigger: 'manual' }),
    /** As an admin or a scheduler on this instance would ask for each: answers how many runs were queued (not already queued). */
    async enqueueSyncs({ dealerships, type }) {
      const results = await Promise.all(dealerships.map((dealership) => easycars.service('jobs').enqueueSync({ dealership, type, trigger: 'manual' })));
      return results.filter((r) => r.accepted).length;
    },
    /** Vehicle documents per dealership and stock number (a second document for one is a duplicate), and the stock runs. */
    async fleetReport({ dealerships }) {
      const rows = await strapi.db.query(VEHICLE).findMany({ select: ['documentId', 'stockNumber'], populate: { dealership: { select: ['documentId'] } } });
      const documents = new Map();
      for (const v of rows) {
        const key = `${v.dealership?.documentId}:${v.stockNumber}`;
        documents.set(key, (documents.get(key) ?? new Set()).add(v.documentId));
      }
      const perDealership = new Map(dealerships.map((d) => [d, 0]));
      let duplicates = 0;
      for (const [key, ids] of documents) {
        duplicates += ids.size - 1;
        const dealership = key.slice(0, key.indexOf(':'));
        if (perDealership.has(dealership)) perDealership.set(dealership, perDealership.get(dealership) + 1);
      }
      const logs = await strapi.db.query('plugin::easycars.sync-log').findMany({ select: ['dealership', 'status', 'instanceId'], where: { type: 'stock' } });
      return { vehicles: documents.size, duplicates, perDealership: [...perDealership.values()], logs };
    },
    async createLead({ data, dealership }) {
      const lead = await strapi.documents('api::lead.lead').create({ data: { ...data, dealership: { connect: [{ documentId: dealership }] } } });
      return lead.documentId;
    },
    ticks: () => ticks.ticks,
    /** The dealership's vehicles (published and draft rows) and stock records, as stored. */
    async stockState({ dealership }) {
      const rows = (status) =>
        strapi.documents(VEHICLE).findMany({ filters: { dealership: { documentId: dealership } }, status, fields: ['stockNumber'], limit: -1 });
      const [published, drafts, records] = await Promise.all([
        rows('published'),
        rows('draft'),
        strapi.db.query('plugin::easycars.stock-record').findMany({ where: { dealership }, select: ['StockNumber', 'vehicleDocumentId', 'removedAt'] }),
      ]);
      const pick = (v) => ({ documentId: v.documentId, stockNumber: v.stockNumber });
      return { published: published.map(pick), drafts: drafts.map(pick), records };
    },
  };

  process.on('message', async (message) => {
    if (message === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
    const command = commands[message?.cmd];
    if (!command) return;
    try {
      process.send({ id: message.id, result: (await command(message.args ?? {})) ?? null });
    } catch (error) {
      process.send({ id: message.id, error: error?.message ?? String(error) });
    }
  });
  process.send({ ready: true, instanceId: easycars.service('syncLogs').instanceId, pid: process.pid });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
