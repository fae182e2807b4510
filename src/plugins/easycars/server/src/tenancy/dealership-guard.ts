/**
 * Document Service middleware: an admin whose content-manager permission on vehicles or leads is
 * limited by the "manages the entry's dealership" condition may only link an entry to a
 * dealership they manage. The condition itself only filters existing entries, so without this
 * a manager could create a lead for another dealership (pushed to that dealership's EasyCars)
 * or move their own entry into one.
 */
import type { Core } from '@strapi/strapi';
import { skippableByBulkCreate } from '../utils/document-middlewares';
import { errors } from '@strapi/utils';
import { actingAdmin, isDealershipScoped } from './acting-admin';
import { hostConfig } from '../host/config';
import { linkedTargets, parseRelationInput, type RelationTarget } from './relation-targets';

export const OTHER_DEALERSHIP_REFUSED = 'You can only assign this entry to a dealership you manage.';

export const OTHER_VEHICLE_REFUSED = 'You can only link a lead to a vehicle of a dealership you manage.';

const WRITES = new Set(['create', 'update', 'clone']);

export function registerDealershipGuard(strapi: Core.Strapi) {
  // Skippable by the sync's bulk create: the sync links new vehicles only to the dealership it
  // runs for, which the route that started it already checked the admin manages.
  strapi.documents.use(skippableByBulkCreate(async (ctx: any, next: () => Promise<any>) => {
    const host = hostConfig(strapi);
    const { types } = host;
    if ((ctx.uid !== types.vehicle && ctx.uid !== types.lead) || !WRITES.has(ctx.action)) return next();
    const data = ctx.params?.data;
    const dealershipAttr = ctx.uid === types.lead ? host.lead.dealership : host.vehicle.dealership;
    const vehicleAttr = ctx.uid === types.lead ? host.lead.vehicle : undefined;
    const linksVehicle = Boolean(vehicleAttr && data && vehicleAttr in data);
    if (!data || (!(dealershipAttr in data) && !linksVehicle)) return next();
    const actor = actingAdmin(strapi);
    if (actor.kind !== 'admin' || !(await isDealershipScoped(strapi, actor.admin, ctx.uid))) return next();
    for (const target of linkedTargets(parseRelationInput(data[dealershipAttr]))) {
      if (!(await managesDealership(strapi, target, actor.admin.id))) {
        throw new errors.PolicyError(OTHER_DEALERSHIP_REFUSED, { path: [dealershipAttr] });
      }
    }
    // A lead's vehicle details (and EasyCars vehicle type) come from the linked vehicle.
    if (linksVehicle && vehicleAttr) {
      for (const target of linkedTargets(parseRelationInput(data[vehicleAttr]))) {
        if (!(await managesVehicle(strapi, target, actor.admin.id))) {
          throw new errors.PolicyError(OTHER_VEHICLE_REFUSED, { path: [vehicleAttr] });
        }
      }
    }
    return next();
  }));
}

async function managesDealership(strapi: Core.Strapi, target: RelationTarget, adminId: number) {
  const { types, dealership } = hostConfig(strapi);
  const where = target.id !== undefined ? { id: target.id } : { documentId: target.documentId };
  const found = await strapi.db.query(types.dealership as any).findOne({ where: { ...where, [dealership.managers]: { id: adminId } }, select: ['id'] });
  return Boolean(found);
}

async function managesVehicle(strapi: Core.Strapi, target: RelationTarget, adminId: number) {
  const { types, dealership, vehicle } = hostConfig(strapi);
  const where = target.id !== undefined ? { id: target.id } : { documentId: target.documentId };
  const found = await strapi.db.query(types.vehicle as any).findOne({ where: { ...where, [vehicle.dealership]: { [dealership.managers]: { id: adminId } } }, select: ['id'] });
  return Boolean(found);
}
