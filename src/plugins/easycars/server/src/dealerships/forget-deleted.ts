/**
 * When a dealership is deleted (content manager, API or code), its EasyCars connection goes with it:
 * syncs are cancelled, the credential (and its cached tokens) removed, and the removal audited.
 * Without this, the orphan credential kept being scheduled and no admin route could reach it.
 */
import type { Core } from '@strapi/strapi';
import { hostConfig } from '../host/config';
import { actingAdmin } from '../tenancy/acting-admin';
import { getService } from '../utils/plugin';
import { skippableByBulkCreate } from '../utils/document-middlewares';

export const DEALERSHIP_DELETED_REASON = 'the dealership was deleted';

/** Removes the EasyCars connection of a dealership that no longer exists. Answers whether there was one. */
export async function forgetDealership(strapi: Core.Strapi, dealership: string, actor: { id: number; name: string } | null): Promise<boolean> {
  const cancelled = await getService(strapi, 'jobs').cancelForDealership(dealership, DEALERSHIP_DELETED_REASON);
  await getService(strapi, 'alerts').resolveAll(dealership);
  await getService(strapi, 'alerts').forgetSettings(dealership);
  const credential = await getService(strapi, 'credentials').findByDealership(dealership);
  if (!credential) return false;
  await getService(strapi, 'credentials').delete(credential.id);
  await getService(strapi, 'audit').record({
    dealership,
    action: 'credentials.delete',
    entityType: 'credential',
    entityId: credential.id,
    actor,
    changedFields: [],
    result: 'success',
    message: `EasyCars credentials removed because the dealership was deleted${cancelled ? ` (${cancelled} sync(s) cancelled)` : ''}`,
  });
  strapi.log.info(`[easycars] dealership ${dealership} was deleted: its EasyCars credential ${credential.id} was removed`);
  return true;
}

export function registerDealershipDeletion(strapi: Core.Strapi) {
  // Skippable by the sync's bulk create: dealership deletes only.
  strapi.documents.use(skippableByBulkCreate(async (ctx: any, next: () => Promise<any>) => {
    const uid = hostConfig(strapi).types.dealership;
    if (ctx.uid !== uid || ctx.action !== 'delete') return next();
    const result = await next();
    const documentId: string | undefined = ctx.params?.documentId;
    // A delete may remove one locale or version only; the connection goes when no version is left.
    if (documentId && !(await strapi.db.query(uid as any).findOne({ where: { documentId }, select: ['id'] }))) {
      const actor = actingAdmin(strapi);
      const who = actor.kind === 'admin' ? { id: actor.admin.id, name: actor.admin.name } : null;
      await forgetDealership(strapi, documentId, who);
    }
    return result;
  }));
}
