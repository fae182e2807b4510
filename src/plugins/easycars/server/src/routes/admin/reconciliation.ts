import { adminRoute } from '../../utils/route';

export default [
  adminRoute('POST', '/reconciliation/run', 'reconciliation.run', ['triggerSync'], { from: 'body' }),
  adminRoute('GET', '/reconciliation', 'reconciliation.report', ['readSyncLogs'], { from: 'query' }),
  adminRoute('PUT', '/reconciliation/settings', 'reconciliation.settings', ['manageSyncSettings'], { from: 'body' }),
  adminRoute('GET', '/reconciliation/export', 'reconciliation.export', ['readSyncLogs'], { from: 'query' }),
  adminRoute('POST', '/reconciliation/sync', 'reconciliation.sync', ['triggerSync'], { from: 'body' }),
  adminRoute('POST', '/reconciliation/push', 'reconciliation.push', ['triggerSync'], { from: 'body' }),
  // Deciding a difference is fine is a judgement, like resolving a lead conflict.
  adminRoute('POST', '/reconciliation/ignore', 'reconciliation.ignore', ['resolveConflicts'], { from: 'body' }),
];
