import { adminRoute, publicRoute } from '../../utils/route';

export default [
  // For machines, without admin login: the Prometheus scrape (bearer EASYCARS_METRICS_TOKEN) and a liveness probe.
  publicRoute('GET', '/metrics', 'monitoring.metrics', ['plugin::easycars.metrics-token']),
  publicRoute('GET', '/health/live', 'monitoring.live', []),
  // Without a dealership: the caller's own dealerships (the handler scopes the answer).
  adminRoute('GET', '/health', 'monitoring.health', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/dashboard/performance', 'monitoring.performance', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/alerts', 'alerts.list', ['readSyncLogs'], { from: 'query', optional: true }),
  adminRoute('GET', '/alerts/count', 'alerts.count', [], 'own-dealerships'),
  // Strapi's webhooks are the site's: Super Admins pick which receive EasyCars events.
  adminRoute('GET', '/alerts/webhooks', 'alerts.webhooks', ['manageAlerts'], 'site-wide'),
  adminRoute('PUT', '/alerts/webhooks/:id', 'alerts.setWebhook', ['manageAlerts'], 'site-wide'),
  adminRoute('GET', '/alerts/settings', 'alerts.settings', ['readSyncLogs'], { from: 'query' }),
  adminRoute('PUT', '/alerts/settings', 'alerts.saveSettings', ['manageAlerts'], { from: 'body' }),
  adminRoute('POST', '/alerts/:id/acknowledge', 'alerts.acknowledge', ['manageAlerts'], { from: 'alert' }),
  adminRoute('POST', '/alerts/:id/snooze', 'alerts.snooze', ['manageAlerts'], { from: 'alert' }),
];
