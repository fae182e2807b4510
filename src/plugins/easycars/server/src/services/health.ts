import type { Core } from '@strapi/strapi';
import type { ComponentStatus, HealthReport, InstanceHealth, LivenessReport } from '../../../shared/health';
import type { PluginConfig } from '../config/schema';
import { dealershipStatus } from '../monitoring/dealership-status';
import type { DealershipSummary } from './access';
import { getConfig, getService, pluginUid } from '../utils/plugin';

const RANK: Record<ComponentStatus, number> = { ok: 0, degraded: 1, failing: 2 };
const worst = (...statuses: ComponentStatus[]) => statuses.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok' as ComponentStatus);
const ageSeconds = (at: unknown, now: Date) => (at ? Math.max(0, Math.round((now.getTime() - new Date(at as string).getTime()) / 1000)) : null);
/** A queued sync older than this means no worker is taking jobs. */
const QUEUE_STUCK_SECONDS = 15 * 60;
/** The scheduler ticks every minute by default: five silent minutes is a stopped scheduler. */
const SCHEDULER_SILENT_SECONDS = 5 * 60;
const DATABASE_TIMEOUT_MS = 2000;

/**
 * Who the report is for. `siteWide` (a Super Admin): every dealership's queue, the instances and
 * the EasyCars calls. Otherwise only the given dealerships' runs are counted and site data is left out.
 */
export interface HealthScope {
  siteWide: boolean;
}

/** Health of the integration: the platform (database, queue, scheduler, instances) and each dealership in scope. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pingDatabase = async (): Promise<{ ok: boolean; latencyMs: number | null; error?: string }> => {
    const started = Date.now();
    try {
      await Promise.race([
        strapi.db.connection.raw('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS).unref()),
      ]);
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, latencyMs: null, error: (error as Error).message.split('\n')[0].slice(0, 200) };
    }
  };

  const service = {
    /** For load balancers: no tenant data, only whether this instance can reach its database. */
    async liveness(): Promise<LivenessReport> {
      return { status: (await pingDatabase()).ok ? 'ok' : 'unavailable' };
    },

    async report(dealerships: DealershipSummary[], { siteWide }: HealthScope, now = new Date()): Promise<HealthReport> {
      const scope = siteWide ? ('site' as const) : ('dealerships' as const);
      const db = await pingDatabase();
      const database = { status: (db.ok ? 'ok' : 'failing') as ComponentStatus, client: String(strapi.db.dialect.client), latencyMs: db.latencyMs, ...(db.error ? { error: db.error } : {}) };
      if (!db.ok) {
        return { scope, status: 'failing', checkedAt: now.toISOString(), database, queue: { status: 'failing', kind: getService(strapi, 'jobs').queueKind() ?? null, queued: 0, running: 0, oldestQueuedAgeSeconds: null }, scheduler: { status: 'failing', enabled: true, lastTickAgeSeconds: null }, easycars: [], instances: [], dealerships: [] };
      }

      const logs = strapi.db.query(pluginUid('sync-log'));
      const ofScope = siteWide ? {} : { dealership: { $in: dealerships.map((d) => d.documentId) } };
      const [queued, running, oldest] = await Promise.all([
        logs.count({ where: { ...ofScope, status: 'queued' } }),
        logs.count({ where: { ...ofScope, status: 'running' } }),
        logs.findOne({ where: { ...ofScope, status: 'queued' }, orderBy: { id: 'asc' }, select: ['createdAt'] }),
      ]);
      const oldestQueuedAgeSeconds = ageSeconds(oldest?.createdAt, now);
      const queue = {
        status: (oldestQueuedAgeSeconds !== null && oldestQueuedAgeSeconds > QUEUE_STUCK_SECONDS ? 'degraded' : 'ok') as ComponentStatus,
        kind: getService(strapi, 'jobs').queueKind() ?? null,
        queued,
        running,
        oldestQueuedAgeSeconds,
      };

      await getService(strapi, 'metrics').beat().catch(() => undefined);
      const rows = (await strapi.db.query(pluginUid('instance')).findMany({ orderBy: { startedAt: 'asc' } })) as Array<Record<string, any>>;
      const silentAfter = (3 * getConfig<PluginConfig['monitoring']>(strapi, 'monitoring').flushIntervalMs) / 1000;
      const instances: InstanceHealth[] = rows.map((r) => {
        const age = ageSeconds(r.heartbeatAt, now);
        const stats = (r.stats ?? {}) as Record<string, number>;
        return {
          instanceId: r.instanceId,
          hostname: r.hostname,
          pid: r.pid,
          startedAt: r.startedAt ? new Date(r.startedAt).toISOString() : null,
          heartbeatAgeSeconds: age,
          status: age === null || age > silentAfter ? 'failing' : 'ok',
          rssBytes: stats.rssBytes ?? null,
          heapUsedBytes: stats.heapUsedBytes ?? null,
          heapTotalBytes: stats.heapTotalBytes ?? null,
          eventLoopLagMs: stats.eventLoopLagMs ?? null,
          eventLoopLagP99Ms: stats.eventLoopLagP99Ms ?? null,
        };
      });
      const live = rows.filter((_, i) => instances[i].status === 'ok');

      const cronEnabled = Boolean(strapi.config.get('server.cron.enabled', true));
      const ticks = live.map((r) => r.schedulerTickAt).filter(Boolean).map((t) => new Date(t).getTime());
      const lastTickAgeSeconds = ticks.length ? ageSeconds(new Date(Math.max(...ticks)), now) : null;
      const scheduler = {
        status: (!cronEnabled ? 'ok' : lastTickAgeSeconds === null || lastTickAgeSeconds > SCHEDULER_SILENT_SECONDS ? 'degraded' : 'ok') as ComponentStatus,
        enabled: cronEnabled,
        lastTickAgeSeconds,
      };

      const overview = await getService(strapi, 'dashboard').overview(dealerships, now);
      const alerts = (await strapi.db.query(pluginUid('alert')).findMany({
        where: { dealership: { $in: dealerships.map((d) => d.documentId) }, status: { $ne: 'resolved' } },
        select: ['dealership', 'severity', 'message'],
        orderBy: { id: 'asc' },
      })) as Array<{ dealership: string; severity: string; message: string }>;
      const dealershipHealth = overview.rows.map((row) => {
        const mine = alerts.filter((a) => a.dealership === row.dealership.documentId);
        const critical = mine.filter((a) => a.severity === 'critical');
        return dealershipStatus(row, { critical: critical.length, warning: mine.length - critical.length, firstMessage: (critical[0] ?? mine[0])?.message ?? null });
      });
      const tenantStatus: ComponentStatus = dealershipHealth.some((d) => d.status !== 'ok') ? 'degraded' : 'ok';
      const common = { checkedAt: now.toISOString(), database, queue, scheduler, dealerships: dealershipHealth };
      if (!siteWide) {
        // Instances are the site's: left out, and so is their status (queue and scheduler still show a stalled platform).
        return { scope: 'dealerships', status: worst(database.status, queue.status, scheduler.status, tenantStatus), ...common, easycars: [], instances: [] };
      }
      const lastCall = (env: 'test' | 'production') => {
        const times = rows.map((r) => (r.stats as { lastSuccessfulCall?: Record<string, string> } | null)?.lastSuccessfulCall?.[env]).filter(Boolean) as string[];
        return times.length ? new Date(Math.max(...times.map((t) => Date.parse(t)))).toISOString() : null;
      };
      const easycars = (['test', 'production'] as const).map((environment) => ({ environment, lastSuccessfulCallAt: lastCall(environment) }));
      const instanceStatus: ComponentStatus = instances.length && instances.every((i) => i.status === 'failing') ? 'failing' : instances.some((i) => i.status === 'failing') ? 'degraded' : 'ok';
      return { scope: 'site', status: worst(database.status, queue.status, scheduler.status, instanceStatus, tenantStatus), ...common, easycars, instances };
    },
  };
  return service;
};
