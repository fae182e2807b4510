/** Public routes (under /api/easycars): the Prometheus scrape (token policy) and a liveness probe without tenant data. */
export default [
  {
    method: 'GET',
    path: '/metrics',
    handler: 'monitoring.metrics',
    config: { auth: false, policies: ['plugin::easycars.metrics-token'] },
  },
  {
    method: 'GET',
    path: '/health/live',
    handler: 'monitoring.live',
    config: { auth: false },
  },
];
