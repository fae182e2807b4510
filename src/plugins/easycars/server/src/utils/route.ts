import { actionUid, type ActionKey } from '../permissions';

/** An admin route guarded by login and by the plugin's RBAC action(s). */
export function adminRoute(method: string, path: string, handler: string, actions: ActionKey[]) {
  return {
    method,
    path,
    handler,
    config: {
      policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: actions.map(actionUid) } }],
    },
  };
}
