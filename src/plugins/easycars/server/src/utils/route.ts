import type { ManagesDealershipConfig } from '../policies/manages-dealership';
import { actionUid, type ActionKey } from '../permissions';

/**
 * How a route is scoped to dealerships — required for every admin route, so none can be added
 * without saying who may act on which dealership:
 *  - `{ from, optional? }`: the caller must manage the dealership found there (policies/manages-dealership.ts);
 *  - `'own-dealerships'`: the handler answers only about the caller's own dealerships (policies/lists-own-dealerships.ts);
 *  - `'site-wide'`: a setting of every dealership at once, Super Admins only (policies/site-wide.ts).
 */
export type RouteScope = ManagesDealershipConfig | 'own-dealerships' | 'site-wide';

export const MANAGES_DEALERSHIP_POLICY = 'plugin::easycars.manages-dealership';
export const OWN_DEALERSHIPS_POLICY = 'plugin::easycars.lists-own-dealerships';
export const SITE_WIDE_POLICY = 'plugin::easycars.site-wide';

const scopePolicy = (scope: RouteScope) =>
  scope === 'own-dealerships' ? OWN_DEALERSHIPS_POLICY : scope === 'site-wide' ? SITE_WIDE_POLICY : { name: MANAGES_DEALERSHIP_POLICY, config: scope };

/**
 * An admin route: login, then the plugin's RBAC action(s) (none for an 'own-dealerships' route,
 * whose policy accepts any EasyCars action), then the dealership scope.
 */
export function adminRoute(method: string, path: string, handler: string, actions: ActionKey[], scope: RouteScope, extraPolicies: string[] = []) {
  const permissions = actions.length ? [{ name: 'admin::hasPermissions', config: { actions: actions.map(actionUid) } }] : [];
  return {
    method,
    path,
    handler,
    config: { policies: ['admin::isAuthenticatedAdmin', ...permissions, ...extraPolicies, scopePolicy(scope)] },
  };
}

/**
 * A route without admin login, for machines (a Prometheus scrape, a load balancer's probe): it carries
 * no tenant data, and whatever guards it (the scrape token) is declared here as policies.
 */
export function publicRoute(method: string, path: string, handler: string, policies: string[]) {
  return { method, path, handler, config: { auth: false, policies } };
}
