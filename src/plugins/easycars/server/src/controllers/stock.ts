import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { adminUser } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';

const statusBody = z
  .object({ documentIds: z.array(z.string().min(1).max(64)).max(200) })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');

  /** Only links of dealerships the user manages (Super Admins: all); the route's policy wants any EasyCars action. */
  const visible = async (ctx: any, dealership: string) => (await access().managedDealership(adminUser(ctx), dealership)) !== null;

  return {
    /** GET /easycars/vehicles/:documentId/easycars → the vehicle's EasyCars link, or 404 (a manual vehicle). */
    async vehicleLink(ctx: any) {
      const documentId = String(ctx.params.documentId ?? '');
      const link = await getService(strapi, 'stockSync').linkFor(documentId);
      if (!link || !(await visible(ctx, link.dealership))) {
        throw new errors.NotFoundError(`Vehicle ${documentId} did not come from EasyCars.`);
      }
      ctx.body = { data: link };
    },

    /** POST /easycars/vehicles/status { documentIds } → { data: { [documentId]: link | null } } for the list column. */
    async vehicleStatuses(ctx: any) {
      const { documentIds } = parseInput(statusBody, ctx.request.body);
      const ids = [...new Set(documentIds)];
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
