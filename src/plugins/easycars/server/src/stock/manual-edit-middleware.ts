/**
 * "Manual edit" resolution: when an admin saves a vehicle field that has an open conflict, the saved
 * value is the resolution. The plugin's own writes (sync, resolutions) are not manual edits.
 */
import type { Core } from '@strapi/strapi';
import { hostConfig } from '../host/config';
import { isSyncWrite } from '../leads/sync-context';
import { actingAdmin } from '../tenancy/acting-admin';
import { skippableByBulkCreate } from '../utils/document-middlewares';
import { getService } from '../utils/plugin';

export function registerManualEditResolution(strapi: Core.Strapi) {
  strapi.documents.use(skippableByBulkCreate(async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid !== hostConfig(strapi).types.vehicle || ctx.action !== 'update' || isSyncWrite() || !ctx.params?.documentId || !ctx.params?.data) return next();
    const result = await next();
    const actor = actingAdmin(strapi);
    if (actor.kind === 'admin') {
      await getService(strapi, 'stockEdits')
        .closeByManualEdit(ctx.params.documentId, ctx.params.data, { id: actor.admin.id, name: actor.admin.name })
        .catch((e: Error) => strapi.log.error(`[easycars] could not close the conflicts of vehicle ${ctx.params.documentId}: ${e.message}`));
    }
    return result;
  }));
}
