import type { Core } from '@strapi/strapi';
import { hostConfig } from '../host/config';

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
 * dealerships whose managers relation (dealershipFields.managers) lists them. Routes use it through their
 * manages-dealership / lists-own-dealerships policies (policies/), never by hand in controllers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dealershipUid = () => hostConfig(strapi).types.dealership as any;
  const fields = () => hostConfig(strapi).dealership;
  const managedBy = (userId: number) => ({ [fields().managers]: { id: userId } });

  const toSummary = (d: any): DealershipSummary => {
    const f = fields();
    return {
      documentId: d.documentId,
      name: d[f.name] ?? d.documentId,
      slug: (f.slug ? d[f.slug] : null) ?? null,
      timezone: d[f.timezone] || 'Australia/Sydney',
    };
  };

  const service = {
    isSuperAdmin(user: AdminUser): boolean {
      return Boolean(user.roles?.some((role) => role.code === SUPER_ADMIN_CODE));
    },

    actorName(user: AdminUser): string {
      const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
      return name || user.username || user.email || `admin #${user.id}`;
    },

    async listDealerships(user: AdminUser): Promise<DealershipSummary[]> {
      const filters = service.isSuperAdmin(user) ? {} : managedBy(user.id);
      const rows = await strapi.documents(dealershipUid()).findMany({ filters, sort: `${fields().name}:asc`, limit: -1 } as any);
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
        .findFirst({ filters: { documentId, ...managedBy(user.id) } } as any);
      return managed ? toSummary(managed) : null;
    },
  };
  return service;
};
