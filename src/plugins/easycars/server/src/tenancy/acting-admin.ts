import type { Core } from '@strapi/strapi';
import { CONDITION_UID } from './condition';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

export interface ActingAdmin {
  id: number;
  name: string;
  isSuperAdmin: boolean;
  can(action: string, subject?: string): boolean;
}

interface RequestState {
  user?: { id: number; firstname?: string; lastname?: string; email?: string; roles?: Array<{ code?: string }> };
  auth?: { strategy?: { name?: string } };
  userAbility?: { can(action: string, subject?: string): boolean };
}

/** Who is writing: 'none' outside a request (code, jobs, seed), 'other' for content API callers. */
export type Actor = { kind: 'none' } | { kind: 'other' } | { kind: 'admin'; admin: ActingAdmin };

export function actingAdmin(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  if (!ctx) return { kind: 'none' };
  const state = ctx.state ?? {};
  if (state.auth?.strategy?.name !== 'admin' || !state.user) return { kind: 'other' };
  const user = state.user;
  const ability = state.userAbility;
  return {
    kind: 'admin',
    admin: {
      id: user.id,
      name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `admin #${user.id}`,
      isSuperAdmin: (user.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE),
      can: (action, subject) => Boolean(ability?.can(action, subject)),
    },
  };
}

/** True when one of the admin's permissions on the type is limited by the dealership condition. */
export async function isDealershipScoped(strapi: Core.Strapi, admin: ActingAdmin, subject: string): Promise<boolean> {
  if (admin.isSuperAdmin) return false;
  const permissions: Array<{ subject?: string | null; conditions?: string[] }> = await strapi
    .service('admin::permission')
    .findUserPermissions({ id: admin.id });
  return permissions.some((p) => p.subject === subject && (p.conditions ?? []).includes(CONDITION_UID));
}
