import { adminRoute } from '../../utils/route';

export default [
  adminRoute('POST', '/sync/:type', 'sync.trigger', ['triggerSync'], { from: 'body' }),
  adminRoute('GET', '/sync/status', 'sync.status', ['readSyncLogs'], { from: 'query' }),
  // Without a dealership: every dealership's logs, which the controller allows Super Admins only.
  adminRoute('GET', '/sync-logs', 'sync.listLogs', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/sync-logs/:id', 'sync.getLog', ['readSyncLogs'], { from: 'sync-log' }),
];
