import { adminRoute } from '../../utils/route';

export default [
  // Without a dealership: the caller's own dealerships (the handler scopes the answer).
  adminRoute('GET', '/history', 'history.list', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/history/retention', 'history.retention', ['readSyncLogs'], 'own-dealerships'),
  adminRoute('PUT', '/history/retention', 'history.setRetention', ['manageSyncSettings'], 'site-wide'),
  adminRoute('GET', '/history/export', 'history.export', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/sync-logs/:id/items', 'history.items', ['readSyncLogs'], { from: 'sync-log' }),
  adminRoute('GET', '/audit', 'audit.list', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/dashboard', 'dashboard.overview', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/dashboard/trend', 'dashboard.trend', ['readSyncLogs'], { from: 'query', optional: true }),
];
