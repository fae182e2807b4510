import type { Core } from '@strapi/strapi';
import { getConfig } from '../utils/plugin';

export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
  roles?: Array<{ id: number; code?: string }>;
}

export interface DealershipSummary {
  documentId: string;
  name: string;
  slug: string | null;
  timezone: string;
}

const SUPER_ADMIN_CODE = 'strapi-super-admin';

/**
 * Dealership scoping: a Super Admin acts on every dealership; any other admin only on the
 * dealerships whose `managers` relation lists them. Routes use it through their
 * manages-dealership / lists-own-dealerships policies (policies/), never by hand in controllers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dealershipUid = () => getConfig<{ dealership: string }>(strapi, 'contentTypes').dealership as any;

  const toSummary = (d: any): DealershipSummary => ({
    documentId: d.documentId,
    name: d.name,
    slug: d.slug ?? null,
    timezone: d.timezone || 'Australia/Sydney',
  });

  const service = {
    isSuperAdmin(user: AdminUser): boolean {
      return Boolean(user.roles?.some((role) => role.code === SUPER_ADMIN_CODE));
    },

    actorName(user: AdminUser): string {
      const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
      return name || user.username || user.email || `admin #${user.id}`;
    },

    async listDealerships(user: AdminUser): Promise<DealershipSummary[]> {
      const filters = service.isSuperAdmin(user) ? {} : { managers: { id: user.id } };
      const rows = await strapi.documents(dealershipUid()).findMany({ filters, sort: 'name:asc', limit: -1 } as any);
      return (rows as any[]).map(toSummary);
    },

    async findDealership(documentId: string): Promise<DealershipSummary | null> {
      const row = await strapi.documents(dealershipUid()).findOne({ documentId } as any);
      return row ? toSummary(row) : null;
    },

    /** The dealership if the user may act on it (Super Admin: any that exists), else null. */
    async managedDealership(user: AdminUser, documentId: string): Promise<DealershipSummary | null> {
      if (service.isSuperAdmin(user)) return service.findDealership(documentId);
      const managed = await strapi
        .documents(dealershipUid())
        .findFirst({ filters: { documentId, managers: { id: user.id } } } as any);
      return managed ? toSummary(managed) : null;
    },
  };
  return service;
};
