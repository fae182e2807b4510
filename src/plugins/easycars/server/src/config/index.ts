import { pluginConfigSchema } from './schema';
import { resolveHostConfig } from '../host/config';

type Env = ((key: string, fallback?: string) => string | undefined) & {
  bool: (key: string, fallback?: boolean) => boolean;
  int: (key: string, fallback?: number) => number;
  array: (key: string, fallback?: string[]) => string[];
};

export default {
  default: ({ env }: { env: Env }) => ({
    encryptionKey: env('EASYCARS_ENCRYPTION_KEY'),
    oldEncryptionKeys: env('EASYCARS_ENCRYPTION_OLD_KEYS'),
    devKey: env('EASYCARS_DEV_KEY'),
    devKeyFile: env('EASYCARS_DEV_KEY_FILE', '.tmp/easycars-dev-encryption.key') as string,
    baseUrls: {
      test: env('EASYCARS_TEST_BASE_URL', 'https://testmy.easycars.com.au/TestECService') as string,
      production: env('EASYCARS_PRODUCTION_BASE_URL', 'https://my.easycars.net.au/ECService') as string,
    },
    client: {
      timeoutMs: env.int('EASYCARS_TIMEOUT_MS', 10000),
      stockListTimeoutMs: env.int('EASYCARS_STOCK_LIST_TIMEOUT_MS', 120000),
      maxRetries: env.int('EASYCARS_MAX_RETRIES', 3),
      allowInsecureHosts: env.bool('EASYCARS_ALLOW_INSECURE_HOSTS', false),
      rateLimit: {
        maxConcurrent: env.int('EASYCARS_MAX_CONCURRENT', 4),
        minTimeMs: env.int('EASYCARS_MIN_TIME_MS', 50),
        // maxConcurrent is one budget for all instances sharing a PostgreSQL database (locks/request-slots.ts).
        sharedAcrossInstances: env.bool('EASYCARS_SHARED_RATE_LIMIT', true),
      },
    },
    testConnection: { timeoutMs: 10000 },
    limits: {
      testConnection: { perUserPerMinute: 10, perDealershipPerMinute: 20, globalPerMinute: 100 },
      leadImport: { perUserPerMinute: 20, perDealershipPerMinute: 40, globalPerMinute: 200 },
      pushRetry: { perUserPerMinute: 30, perDealershipPerMinute: 60, globalPerMinute: 300 },
      testBackoff: { afterFailures: 3, baseSeconds: 30, maxSeconds: 900 },
    },
    sync: {
      disabled: env.bool('EASYCARS_SYNC_DISABLED', false),
      concurrency: env.int('EASYCARS_SYNC_CONCURRENCY', 2),
      batchSize: env.int('EASYCARS_SYNC_BATCH_SIZE', 25),
      maxMissingShare: 0.5,
      bulkCreate: env.bool('EASYCARS_SYNC_BULK_CREATE', true),
      schedulerCron: env('EASYCARS_SCHEDULER_CRON', '* * * * *') as string,
      queue: (env('EASYCARS_QUEUE', 'auto') ?? 'auto') as 'auto' | 'pg-boss' | 'memory',
      logRetentionDays: 90,
      leadClosedDays: env.int('EASYCARS_LEAD_CLOSED_DAYS', 30),
      leadPushConcurrency: env.int('EASYCARS_LEAD_PUSH_CONCURRENCY', 4),
      heartbeatMs: env.int('EASYCARS_SYNC_HEARTBEAT_MS', 20000),
      staleRunMs: env.int('EASYCARS_SYNC_STALE_AFTER_MS', 90000),
    },
    images: {
      enabled: env.bool('EASYCARS_IMAGES_ENABLED', true),
      allowedHosts: env.array('EASYCARS_IMAGE_HOSTS', ['*.easycars.com.au', '*.easycars.net.au']),
      allowPrivateAddresses: env.bool('EASYCARS_IMAGES_ALLOW_PRIVATE', false),
      // Plain http only from these hosts (the local sandbox); everything else https.
      allowHttpHosts: env.array('EASYCARS_IMAGE_HTTP_HOSTS', []),
      maxPerVehicle: env.int('EASYCARS_IMAGES_MAX_PER_VEHICLE', 50),
      // A number of megabytes, fractions allowed (validated by the config schema).
      maxMegabytesPerRun: Number(env('EASYCARS_IMAGES_MAX_MB_PER_RUN') || 500),
      maxBytes: 10 * 1024 * 1024,
      timeoutMs: 15000,
      // Per image host and process: downloads at once, and the least time between two.
      concurrency: env.int('EASYCARS_IMAGES_CONCURRENCY', 4),
      minTimeMs: env.int('EASYCARS_IMAGES_MIN_TIME_MS', 10),
      // Images in the upload plugin at once (sharp's work and the provider's writes), overlapping the downloads.
      uploadConcurrency: env.int('EASYCARS_IMAGES_UPLOAD_CONCURRENCY', 2),
    },
    monitoring: {
      metricsToken: env('EASYCARS_METRICS_TOKEN') || undefined,
      rollupRetentionDays: env.int('EASYCARS_METRICS_RETENTION_DAYS', 400),
      flushIntervalMs: env.int('EASYCARS_METRICS_FLUSH_MS', 15000),
      emailRepeatHours: env.int('EASYCARS_ALERT_EMAIL_REPEAT_HOURS', 4),
      emailFrom: env('EASYCARS_ALERT_EMAIL_FROM') || undefined,
      adminUrl: env('EASYCARS_ADMIN_URL') || undefined,
    },
    // Who the site's admins ask for help: shown at the bottom of the plugin's pages when set.
    support: {
      contact: env('EASYCARS_SUPPORT_CONTACT')?.trim() || undefined,
      url: env('EASYCARS_SUPPORT_URL')?.trim() || undefined,
    },
    contentTypes: {
      dealership: 'api::dealership.dealership',
      vehicle: 'api::vehicle.vehicle',
      lead: 'api::lead.lead',
    },
    // Attributes of the dealership type (see docs/installing.md); slug may be false.
    dealershipFields: { name: 'name', timezone: 'timezone', managers: 'managers', slug: 'slug' },
  }),
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new Error(`EasyCars plugin configuration is invalid: ${problems}`);
    }
    // Unknown or switched-off essential field-map keys, named (the schema only knows they are records).
    resolveHostConfig(result.data);
  },
};
