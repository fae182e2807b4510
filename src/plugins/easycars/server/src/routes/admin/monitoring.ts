import { adminRoute } from '../../utils/route';

export default [
  // Without a dealership: the caller's own dealerships (the handler scopes the answer).
  adminRoute('GET', '/health', 'monitoring.health', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/dashboard/performance', 'monitoring.performance', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/alerts', 'alerts.list', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/alerts/count', 'alerts.count', [], 'own-dealerships'),
  adminRoute('GET', '/alerts/settings', 'alerts.settings', ['readSyncLogs'], { from: 'query' }),
  adminRoute('PUT', '/alerts/settings', 'alerts.saveSettings', ['manageAlerts'], { from: 'body' }),
  adminRoute('POST', '/alerts/:id/acknowledge', 'alerts.acknowledge', ['manageAlerts'], { from: 'alert' }),
  adminRoute('POST', '/alerts/:id/snooze', 'alerts.snooze', ['manageAlerts'], { from: 'alert' }),
];
