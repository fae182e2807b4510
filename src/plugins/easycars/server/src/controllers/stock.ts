import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { ACTIONS, actionUid, type ActionKey } from '../permissions';
import { adminUser } from '../utils/admin-context';
import { getService } from '../utils/plugin';

const statusBody = z
  .object({ documentIds: z.array(z.string().min(1).max(64)).max(200) })
  .strict();

/** Any one of the plugin's actions is enough to see where a vehicle came from. */
function assertAnyPluginAction(ctx: any) {
  const ability = ctx.state.userAbility;
  const allowed = (Object.keys(ACTIONS) as ActionKey[]).some((key) => ability?.can(actionUid(key)));
  if (!allowed) throw new errors.ForbiddenError('You need an EasyCars permission (e.g. "Read sync logs") to see EasyCars details.');
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');

  /** Only links of dealerships the user manages (Super Admins: all). */
  const visible = async (ctx: any, dealership: string) => {
    try {
      await access().assertAccess(adminUser(ctx), dealership);
      return true;
    } catch {
      return false;
    }
  };

  return {
    /** GET /easycars/vehicles/:documentId/easycars → the vehicle's EasyCars link, or 404 (a manual vehicle). */
    async vehicleLink(ctx: any) {
      assertAnyPluginAction(ctx);
      const documentId = String(ctx.params.documentId ?? '');
      const link = await getService(strapi, 'stockSync').linkFor(documentId);
      if (!link || !(await visible(ctx, link.dealership))) {
        throw new errors.NotFoundError(`Vehicle ${documentId} did not come from EasyCars.`);
      }
      ctx.body = { data: link };
    },

    /** POST /easycars/vehicles/status { documentIds } → { data: { [documentId]: link | null } } for the list column. */
    async vehicleStatuses(ctx: any) {
      assertAnyPluginAction(ctx);
      const parsed = statusBody.safeParse(ctx.request.body ?? {});
      if (!parsed.success) {
        throw new errors.ValidationError(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), {
          errors: parsed.error.issues.map((i) => ({ path: i.path, message: i.message, name: 'ValidationError' })),
        });
      }
      const ids = [...new Set(parsed.data.documentIds)];
      const links = await getService(strapi, 'stockSync').linksFor(ids);
      const allowed = new Map<string, boolean>();
      const data: Record<string, unknown> = {};
      for (const id of ids) {
        const link = links.get(id);
        if (link && !allowed.has(link.dealership)) allowed.set(link.dealership, await visible(ctx, link.dealership));
        data[id] = link && allowed.get(link.dealership) ? link : null;
      }
      ctx.body = { data };
    },
  };
};
