import type { Core } from '@strapi/strapi';
import type { EasyCarsCallEvent } from '../client';
import type { PluginConfig } from '../config/schema';
import type { PerformanceDay } from '../../../shared/dashboard';
import { lastSuccess } from '../dashboard/counts';
import { performanceSeries } from '../metrics/performance';
import type { ApiOutcome } from '../metrics/definitions';
import { createPrometheusRegistry, type PrometheusRegistry } from '../metrics/prometheus';
import { addApiCall, addImage, addRun, bucketStart, emptyRollup, mergeRollups, type Rollup } from '../metrics/rollup';
import { addToRollup, deleteRollupsBefore, readRollups, type Period, type RollupKey, type RollupType } from '../metrics/store';
import { createInstanceHeartbeat, type InstanceHeartbeat } from '../monitoring/instances';
import { getConfig, getService, pluginUid } from '../utils/plugin';
import { hostConfig } from '../host/config';

const PERIODS: Period[] = ['hour', 'day'];
/** Calls that are not any dealership's (a token request before the account is known). */
export const NO_DEALERSHIP = '';

const apiOutcome = (e: EasyCarsCallEvent): ApiOutcome => {
  if (e.outcome === 'success') return 'success';
  if (e.outcome === 'warning') return 'warning';
  if (e.errorKind === 'authentication' || e.code === 1 || e.httpStatus === 401 || e.httpStatus === 403) return 'auth_failed';
  if (e.httpStatus === 429) return 'throttled';
  if (e.errorKind === 'timeout') return 'timeout';
  if (e.errorKind === 'network') return 'network_error';
  if (e.code !== undefined) return 'easycars_error';
  return 'http_error';
};

/**
 * Measurements: every EasyCars call, finished run and image download is counted twice — in this
 * instance's Prometheus registry, and in hourly and daily rollups in the database that every
 * instance adds to (flushed every `monitoring.flushIntervalMs`) and that outlive the sync logs.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pending = new Map<string, { key: RollupKey; rollup: Rollup }>();
  const accounts = new Map<string, string>();
  const slugs = new Map<string, string>();
  const lastSuccessfulCall: Record<string, string> = {};
  let heartbeat: InstanceHeartbeat | undefined;
  let prometheus: PrometheusRegistry | undefined;
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const config = () => getConfig<PluginConfig['monitoring']>(strapi, 'monitoring');
  const label = (dealership: string) => (dealership === NO_DEALERSHIP ? 'none' : (slugs.get(dealership) ?? dealership));

  const pendingFor = (dealership: string, type: RollupType, at = Date.now()) =>
    PERIODS.map((period) => {
      const key: RollupKey = { period, bucketStart: bucketStart(period, at), dealership, type };
      const id = `${key.period}|${key.bucketStart}|${key.dealership}|${key.type}`;
      let entry = pending.get(id);
      if (!entry) pending.set(id, (entry = { key, rollup: emptyRollup() }));
      return entry.rollup;
    });

  const refreshSlugs = async () => {
    const { types, dealership: fields } = hostConfig(strapi);
    const select = fields.slug ? ['documentId', fields.slug] : ['documentId'];
    const rows = (await strapi.db.query(types.dealership as any).findMany({ select })) as Array<Record<string, string | null | undefined>>;
    for (const r of rows) slugs.set(r.documentId as string, (fields.slug && r[fields.slug]) || (r.documentId as string));
  };

  const knex = () => strapi.db.connection;
  const tableOf = (name: 'sync-log' | 'alert' | 'lead-record') => strapi.db.metadata.get(pluginUid(name)).tableName;

  const registry = () =>
    (prometheus ??= createPrometheusRegistry({
      lastSuccess: async () => {
        await refreshSlugs();
        const dealerships = [...slugs.keys()];
        const map = await lastSuccess(strapi, dealerships);
        return [...map.entries()].map(([k, iso]) => {
          const [dealership, type] = k.split(':');
          return { dealership: label(dealership), type, at: Date.parse(iso) };
        });
      },
      queue: async () => {
        const rows = (await knex()(tableOf('sync-log')).whereIn('status', ['queued', 'running']).select('status').count({ n: '*' }).groupBy('status')) as Array<{ status: string; n: number | string }>;
        const out: Record<string, number> = { queued: 0, running: 0 };
        for (const r of rows) out[r.status] = Number(r.n);
        return out;
      },
      openAlerts: async () => {
        const rows = (await knex()(tableOf('alert')).whereNot('status', 'resolved').select('rule').count({ n: '*' }).groupBy('rule')) as Array<{ rule: string; n: number | string }>;
        return Object.fromEntries(rows.map((r) => [r.rule, Number(r.n)]));
      },
      leadsNeedingAttention: async () => {
        const rows = (await knex()(tableOf('lead-record'))
          .whereIn('push_state', ['pending', 'failed', 'review'])
          .select('dealership', 'push_state')
          .count({ n: '*' })
          .groupBy('dealership', 'push_state')) as Array<{ dealership: string; push_state: string; n: number | string }>;
        return rows.map((r) => ({ dealership: label(r.dealership), state: r.push_state, count: Number(r.n) }));
      },
    }));

  const service = {
    /** Which dealership an account's calls belong to (the client only knows the account number). */
    rememberAccount(environment: string, accountNumber: string, dealership: string) {
      accounts.set(`${environment}:${accountNumber}`, dealership);
    },

    recordApiCall(event: EasyCarsCallEvent) {
      const dealership = (event.accountNumber && accounts.get(`${event.environment}:${event.accountNumber}`)) || NO_DEALERSHIP;
      const type: RollupType = event.service === 'LeadService' ? 'leads' : 'stock';
      const outcome = apiOutcome(event);
      if (outcome === 'success' || outcome === 'warning') lastSuccessfulCall[event.environment] = new Date().toISOString();
      const call = { error: event.outcome === 'error', durationMs: event.durationMs, throttled: event.throttled ?? 0, throttleWaitMs: event.waitedMs ?? 0 };
      for (const r of pendingFor(dealership, type)) addApiCall(r, call);
      const p = registry();
      const labels = { service: event.service, endpoint: event.endpoint };
      p.inc('easycars_api_requests_total', { ...labels, outcome });
      p.observe('easycars_api_request_duration_seconds', { ...labels, outcome }, event.durationMs / 1000);
      p.inc('easycars_api_throttled_requests_total', labels, event.throttled ?? 0);
      p.inc('easycars_api_throttle_wait_seconds_total', labels, (event.waitedMs ?? 0) / 1000);
    },

    recordRun(run: { dealership: string; type: string; status: string; durationMs: number; counts: Partial<Record<string, number>>; phases?: Array<{ phase: string; ms: number }> }) {
      if (run.type !== 'stock' && run.type !== 'leads') return;
      for (const r of pendingFor(run.dealership, run.type)) addRun(r, run);
      const p = registry();
      const dealership = label(run.dealership);
      p.inc('easycars_sync_runs_total', { dealership, type: run.type, status: run.status });
      p.observe('easycars_sync_run_duration_seconds', { dealership, type: run.type }, run.durationMs / 1000);
      for (const { phase, ms } of run.phases ?? []) p.observe('easycars_sync_phase_duration_seconds', { type: run.type, phase }, ms / 1000);
      for (const outcome of ['created', 'updated', 'removed', 'failed']) p.inc('easycars_sync_records_total', { dealership, type: run.type, outcome }, Number(run.counts[outcome] ?? 0));
    },

    recordImage(image: { dealership: string; ok: boolean; bytes: number; durationMs: number }) {
      for (const r of pendingFor(image.dealership, 'stock')) addImage(r, image);
      const p = registry();
      const dealership = label(image.dealership);
      p.inc('easycars_image_downloads_total', { dealership, outcome: image.ok ? 'success' : 'failed' });
      p.inc('easycars_image_download_bytes_total', { dealership }, image.bytes);
      if (image.ok) p.observe('easycars_image_download_duration_seconds', { dealership }, image.durationMs / 1000);
    },

    /** Adds this instance's counts to the shared rollups; what fails to write is kept for the next flush. */
    flush(): Promise<void> {
      flushing = flushing.then(async () => {
        const entries = [...pending.entries()];
        pending.clear();
        for (const [id, entry] of entries) {
          try {
            await addToRollup(strapi, entry.key, entry.rollup);
          } catch (error) {
            const again = pending.get(id);
            pending.set(id, { key: entry.key, rollup: again ? mergeRollups(entry.rollup, again.rollup) : entry.rollup });
            strapi.log.warn(`[easycars] metrics: could not write a rollup (${(error as Error).message}); kept for the next flush`);
          }
        }
      });
      return flushing;
    },

    async rollups(filter: { period: Period; since: number; dealerships: string[]; type?: RollupType }) {
      await service.flush();
      return readRollups(strapi, filter);
    },

    /** Per day and type over the last `days` days, for the dashboard's performance charts. */
    async performance(dealerships: string[], days: number, now = Date.now()): Promise<PerformanceDay[]> {
      const since = bucketStart('day', now - (days - 1) * 86_400_000);
      return performanceSeries(await service.rollups({ period: 'day', since, dealerships }), since, now);
    },

    /** Rollups past `monitoring.rollupRetentionDays`. */
    async prune(now = Date.now()): Promise<number> {
      return deleteRollupsBefore(strapi, now - config().rollupRetentionDays * 86_400_000);
    },

    prometheus: registry,

    /** This instance's heartbeat (health): written with every flush. */
    heartbeat(): InstanceHeartbeat {
      return (heartbeat ??= createInstanceHeartbeat(strapi, getService(strapi, 'syncLogs').instanceId));
    },

    async beat() {
      await service.heartbeat().beat({ ...lastSuccessfulCall });
    },

    async start() {
      service.heartbeat().start();
      await refreshSlugs().catch(() => undefined);
      await service.beat().catch((error) => strapi.log.warn(`[easycars] could not write this instance's heartbeat: ${(error as Error).message}`));
      timer = setInterval(() => {
        void service.flush();
        void refreshSlugs().catch(() => undefined);
        void service.beat().catch((error) => strapi.log.warn(`[easycars] could not write this instance's heartbeat: ${(error as Error).message}`));
      }, config().flushIntervalMs);
      timer.unref?.();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await service.flush().catch(() => undefined);
      heartbeat?.stop();
      await heartbeat?.remove().catch(() => undefined);
    },
  };
  return service;
};

