import { adminRoute } from '../../utils/route';

export default [
  adminRoute('POST', '/sync/:type', 'sync.trigger', ['triggerSync']),
  adminRoute('GET', '/sync/status', 'sync.status', ['readSyncLogs']),
  adminRoute('GET', '/sync-logs', 'sync.listLogs', ['readSyncLogs']),
  adminRoute('GET', '/sync-logs/:id', 'sync.getLog', ['readSyncLogs']),
];
