import { adminRoute } from '../../utils/route';

export default [
  adminRoute('GET', '/leads/overview', 'leads.overview', ['readSyncLogs']),
  adminRoute('GET', '/leads/pushes', 'leads.pushes', ['readSyncLogs']),
  adminRoute('POST', '/leads/pushes/:id/retry', 'leads.retry', ['triggerSync']),
  adminRoute('GET', '/leads/conflicts', 'leads.conflicts', ['readSyncLogs']),
  adminRoute('POST', '/leads/conflicts/:id/resolve', 'leads.resolve', ['resolveConflicts']),
  adminRoute('POST', '/leads/import', 'leads.import', ['triggerSync']),
  adminRoute('PUT', '/leads/settings', 'leads.settings', ['manageSyncSettings']),
  adminRoute('GET', '/leads/status', 'leads.statuses', ['readSyncLogs']),
  adminRoute('GET', '/leads/status/:documentId', 'leads.panel', ['readSyncLogs']),
];
