import { z } from 'zod';

const positiveInt = z.number().int().positive();

/** Calls a minute per admin, per dealership and for the whole site (shared by all instances). */
const actionLimits = z.object({ perUserPerMinute: positiveInt, perDealershipPerMinute: positiveInt, globalPerMinute: positiveInt }).strict();

/** The plugin's configuration, as merged from its defaults and the app's config/plugins.ts. */
export const pluginConfigSchema = z
  .object({
    encryptionKey: z.string().optional(),
    oldEncryptionKeys: z.union([z.string(), z.array(z.string())]).optional(),
    devKey: z.enum(['generate']).optional(),
    devKeyFile: z.string(),
    baseUrls: z.object({ test: z.string().url(), production: z.string().url() }),
    client: z.object({
      timeoutMs: positiveInt,
      /** GetAdvertisementStocks' own per-attempt timeout: the whole list comes in one answer. */
      stockListTimeoutMs: positiveInt,
      maxRetries: z.number().int().min(0).max(10),
      allowInsecureHosts: z.boolean(),
      rateLimit: z.object({ maxConcurrent: positiveInt, minTimeMs: z.number().int().min(0), sharedAcrossInstances: z.boolean().default(true) }),
    }),
    testConnection: z.object({ timeoutMs: positiveInt }),
    limits: z
      .object({
        testConnection: actionLimits,
        leadImport: actionLimits,
        pushRetry: actionLimits,
        /** Pause connection tests after consecutive failures: baseSeconds, doubling each further failure, up to maxSeconds. */
        testBackoff: z
          .object({ afterFailures: positiveInt, baseSeconds: positiveInt, maxSeconds: positiveInt })
          .strict()
          .refine((b) => b.maxSeconds >= b.baseSeconds, { message: 'maxSeconds must be at least baseSeconds', path: ['maxSeconds'] }),
      })
      .strict(),
    sync: z.object({
      disabled: z.boolean(),
      concurrency: positiveInt,
      batchSize: positiveInt,
      /** Share of known stock that may vanish from one feed before the sync refuses to remove any. */
      maxMissingShare: z.number().min(0).max(1),
      /** Create new vehicles of a batch in bulk (same rows as the Document Service; see docs/stock-sync.md). */
      bulkCreate: z.boolean(),
      schedulerCron: z.string(),
      queue: z.enum(['auto', 'pg-boss', 'memory']),
      logRetentionDays: positiveInt,
      /** A won/lost lead closed longer than this is refreshed weekly, not every lead run (leads/refresh-due.ts). */
      leadClosedDays: positiveInt,
      /** Lead pushes one instance runs at once (each takes about three EasyCars calls). */
      leadPushConcurrency: positiveInt.default(4),
      /** How often an instance stamps the heartbeat of the runs it is working on. */
      heartbeatMs: positiveInt,
      /** A running run whose heartbeat is older than this was left by a stopped instance (see services/jobs.ts recoverInterrupted). */
      staleRunMs: positiveInt,
    }).refine((s) => s.staleRunMs >= 3 * s.heartbeatMs, { message: 'staleRunMs must be at least three heartbeats (3 × heartbeatMs)', path: ['staleRunMs'] }),
    images: z.object({
      enabled: z.boolean(),
      allowedHosts: z.array(z.string()),
      allowPrivateAddresses: z.boolean(),
      allowHttpHosts: z.array(z.string()),
      maxPerVehicle: z.number({ invalid_type_error: 'images.maxPerVehicle must be a whole number' }).int('images.maxPerVehicle must be a whole number').min(1, 'images.maxPerVehicle must be at least 1'),
      maxMegabytesPerRun: z.number({ invalid_type_error: 'images.maxMegabytesPerRun must be a number' }).positive('images.maxMegabytesPerRun must be more than 0'),
      maxBytes: positiveInt,
      timeoutMs: positiveInt,
      concurrency: z.number({ invalid_type_error: 'images.concurrency must be a whole number' }).int('images.concurrency must be a whole number').min(1, 'images.concurrency must be at least 1').max(32, 'images.concurrency must be at most 32'),
      minTimeMs: z.number({ invalid_type_error: 'images.minTimeMs must be a whole number' }).int('images.minTimeMs must be a whole number').min(0, 'images.minTimeMs must be 0 or more'),
      uploadConcurrency: z
        .number({ invalid_type_error: 'images.uploadConcurrency must be a whole number' })
        .int('images.uploadConcurrency must be a whole number')
        .min(1, 'images.uploadConcurrency must be at least 1')
        .max(16, 'images.uploadConcurrency must be at most 16'),
    }),
    contentTypes: z.object({
      dealership: z.string(),
      vehicle: z.string(),
      lead: z.string(),
    }),
    monitoring: z
      .object({
        /** Bearer token of GET /easycars/metrics; the endpoint answers 404 while it is unset. */
        metricsToken: z.string().min(16, 'monitoring.metricsToken must be at least 16 characters').optional(),
        /** Hourly and daily rollups older than this are deleted (independent of the sync-log retention). */
        rollupRetentionDays: positiveInt,
        /** How often each instance adds its counts to the shared rollups and writes its heartbeat. */
        flushIntervalMs: positiveInt,
        /** Hours between two mails about the same open alert. */
        emailRepeatHours: positiveInt,
        /** Sender of alert mails (default: the email plugin's defaultFrom). */
        emailFrom: z.string().optional(),
        /** The admin panel's public URL, for links in alert mails (default: Strapi's admin URL). */
        adminUrl: z.string().optional(),
      })
      .strict(),
    /** Internal support shown to admins ("Need help? …"); nothing is shown while both are unset. */
    support: z
      .object({
        contact: z.string().trim().min(1).max(200, 'support.contact must be at most 200 characters').optional(),
        url: z
          .string()
          .url('support.url must be a URL')
          .refine((u) => /^https?:\/\//i.test(u), 'support.url must start with https:// or http://')
          .optional(),
      })
      .strict(),
    dealershipFields: z
      .object({ name: z.string().min(1), timezone: z.string().min(1), managers: z.string().min(1), slug: z.union([z.string().min(1), z.literal(false)]) })
      .strict(),
    /** Vehicle sync target -> attribute of contentTypes.vehicle, or false (stock/field-map.ts). */
    vehicleFieldMap: z.record(z.string(), z.union([z.string(), z.literal(false)])).optional(),
    /** Lead field -> attribute of contentTypes.lead, or false (host/lead-field-map.ts). */
    leadFieldMap: z.record(z.string(), z.union([z.string(), z.literal(false)])).optional(),
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
