const action = (name: string) => ({ action: `plugin::easycars.${name}`, subject: null });

export const PERMISSIONS = {
  readCredentials: [action('credentials.read')],
  manageCredentials: [action('credentials.manage')],
  triggerSync: [action('sync.trigger')],
  readSyncLogs: [action('sync-logs.read')],
  manageSyncSettings: [action('sync-settings.manage')],
  resolveConflicts: [action('conflicts.resolve')],
  manageAlerts: [action('alerts.manage')],
  /** The menu entry shows for a user with any of the plugin's actions. */
  any: [
    action('credentials.read'),
    action('credentials.manage'),
    action('sync.trigger'),
    action('sync-logs.read'),
    action('sync-settings.manage'),
    action('conflicts.resolve'),
    action('alerts.manage'),
  ],
};
