import type { Core } from '@strapi/strapi';
import { runStockSync } from '../stock/sync-engine';
import { findVehicleLinks } from '../stock/vehicle-link';
import { getService } from '../utils/plugin';

/**
 * The 'stock' sync handler (run by the jobs service, never in a request) and the vehicle
 * link look-ups behind the content-manager badge and side panel.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  registerHandler() {
    getService(strapi, 'jobs').registerSyncHandler('stock', async ({ dealership, syncLogId, trigger, only }) => {
      await runStockSync({ strapi, dealership, syncLogId, trigger, only });
    });
  },

  run(args: { dealership: string; syncLogId: number; trigger: 'schedule' | 'manual' | 'retry' | 'event'; only?: string[] }) {
    return runStockSync({ strapi, ...args });
  },

  async linkFor(vehicleDocumentId: string) {
    return (await findVehicleLinks(strapi, [vehicleDocumentId])).get(vehicleDocumentId) ?? null;
  },

  linksFor(vehicleDocumentIds: string[]) {
    return findVehicleLinks(strapi, vehicleDocumentIds);
  },
});
