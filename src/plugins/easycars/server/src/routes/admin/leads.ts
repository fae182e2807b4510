import { adminRoute } from '../../utils/route';

export default [
  adminRoute('GET', '/leads/overview', 'leads.overview', ['readSyncLogs'], { from: 'query' }),
  adminRoute('GET', '/leads/pushes', 'leads.pushes', ['readSyncLogs'], { from: 'query' }),
  adminRoute('POST', '/leads/pushes/:id/retry', 'leads.retry', ['triggerSync'], { from: 'lead-push' }),
  adminRoute('GET', '/leads/conflicts', 'leads.conflicts', ['readSyncLogs'], { from: 'query' }),
  adminRoute('POST', '/leads/conflicts/:id/resolve', 'leads.resolve', ['resolveConflicts'], { from: 'lead-conflict' }),
  adminRoute('POST', '/leads/import', 'leads.import', ['triggerSync'], { from: 'body' }),
  adminRoute('PUT', '/leads/settings', 'leads.settings', ['manageSyncSettings'], { from: 'body' }),
  adminRoute('GET', '/leads/status', 'leads.statuses', ['readSyncLogs'], 'own-dealerships'),
  adminRoute('GET', '/leads/status/:documentId', 'leads.panel', ['readSyncLogs'], { from: 'lead', optional: true }),
];
