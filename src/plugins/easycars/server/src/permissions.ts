/** The plugin's RBAC actions (Settings → Roles → Plugins → EasyCars). */
export const ACTIONS = {
  readCredentials: 'credentials.read',
  manageCredentials: 'credentials.manage',
  triggerSync: 'sync.trigger',
  readSyncLogs: 'sync-logs.read',
  manageSyncSettings: 'sync-settings.manage',
  resolveConflicts: 'conflicts.resolve',
  manageManagers: 'dealerships.manage-managers',
  manageAlerts: 'alerts.manage',
} as const;

export type ActionKey = keyof typeof ACTIONS;

export const actionUid = (key: ActionKey) => `plugin::easycars.${ACTIONS[key]}`;

export const ACTION_DEFINITIONS: Array<{ uid: string; displayName: string; subCategory: string }> = [
  { uid: ACTIONS.readCredentials, displayName: 'Read credentials', subCategory: 'Credentials' },
  { uid: ACTIONS.manageCredentials, displayName: 'Manage credentials', subCategory: 'Credentials' },
  { uid: ACTIONS.triggerSync, displayName: 'Trigger syncs', subCategory: 'Sync' },
  { uid: ACTIONS.readSyncLogs, displayName: 'Read sync logs', subCategory: 'Sync' },
  { uid: ACTIONS.manageSyncSettings, displayName: 'Manage sync settings', subCategory: 'Sync' },
  { uid: ACTIONS.resolveConflicts, displayName: 'Resolve lead conflicts', subCategory: 'Leads' },
  { uid: ACTIONS.manageManagers, displayName: 'Manage dealership managers', subCategory: 'Dealerships' },
  { uid: ACTIONS.manageAlerts, displayName: 'Manage alerts (acknowledge, snooze, rules)', subCategory: 'Monitoring' },
];
