export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS', ['demoKeyA', 'demoKeyB']),
  },
  // No npm version check on start, build or test boot: these machines are offline.
  logger: { updates: { enabled: false } },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
