import type { Core } from '@strapi/strapi';
import { requireEnv } from '../src/required-env';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: requireEnv(env, ['APP_KEYS']).APP_KEYS.split(',').map((key) => key.trim()),
  },
  // No npm version check on start, build or test boot: these machines are offline.
  logger: { updates: { enabled: false } },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
