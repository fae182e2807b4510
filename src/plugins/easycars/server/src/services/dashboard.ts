import type { Core } from '@strapi/strapi';
import type { DashboardOverview, DashboardRow, TrendDay } from '../../../shared/dashboard';
import type { CredentialRow } from '../credentials/types';
import { serviceHealth } from '../dashboard/health';
import * as counts from '../dashboard/counts';
import { scheduleIntervalHours } from '../schedule/interval-hours';
import type { DealershipSummary } from './access';
import { getService } from '../utils/plugin';

type SyncKind = 'stock' | 'leads';
const AUTH_FAILURE = /rejected|authentication|Code 1\b|AuthenticationFail/i;

/**
 * The dashboard: every dealership in scope with the state of its stock and lead syncs, quick stats,
 * and the runs-per-day trend. Built from a few grouped queries plus each dealership's last runs.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(dealerships: DealershipSummary[], now = new Date()): Promise<DashboardOverview> {
    const ids = dealerships.map((d) => d.documentId);
    const credentials = new Map((await getService(strapi, 'credentials').findAll({ dealership: { $in: ids } })).map((c) => [c.dealership, c]));
    const [summaries, lastSuccess, conflicts, waiting, review, linked, inFeed, removed] = await Promise.all([
      getService(strapi, 'syncLogs').summaries(ids),
      counts.lastSuccess(strapi, ids),
      counts.openConflicts(strapi, ids),
      counts.leadsWaiting(strapi, ids),
      counts.leadsInReview(strapi, ids),
      counts.leadsLinked(strapi, ids),
      counts.vehiclesInFeed(strapi, ids),
      counts.vehiclesRemoved(strapi, ids),
    ]);
    const scheduler = getService(strapi, 'scheduler');
    const rows: DashboardRow[] = [];
    for (const d of dealerships) {
      const credential = credentials.get(d.documentId) ?? null;
      const service = async (type: SyncKind) => {
        const summary = (summaries[d.documentId]?.[type] ?? { last: null, active: null }) as { last: any; active: any };
        const last = summary.last as { id: number; status: string; completedAt: string | null; errorMessage: string | null; created?: number; updated?: number; removed?: number; failed?: number } | null;
        const enabled = Boolean(credential?.isActive && (type === 'stock' ? credential.stockSyncEnabled : credential.leadSyncEnabled));
        return serviceHealth({
          configured: Boolean(credential),
          enabled,
          active: Boolean(summary.active),
          last: last
            ? {
                id: last.id,
                status: last.status,
                completedAt: last.completedAt ? new Date(last.completedAt).toISOString() : null,
                errorMessage: last.errorMessage,
                processed: Number(last.created ?? 0) + Number(last.updated ?? 0) + Number(last.removed ?? 0) + Number(last.failed ?? 0),
              }
            : null,
          lastSuccessAt: lastSuccess.get(`${d.documentId}:${type}`) ?? null,
          nextRunAt: credential ? (await scheduler.nextRunFor(credential, type, now))?.toISOString() ?? null : null,
          intervalHours: credential && enabled ? scheduleIntervalHours(credential, type, d.timezone, now) : null,
          connectedAt: credential ? new Date(credential.createdAt).toISOString() : null,
          now,
        });
      };
      const stock = await service('stock');
      const leads = await service('leads');
      const authFailing =
        credential?.lastTestOk === false ||
        [stock, leads].some((s) => s.health === 'failing' && AUTH_FAILURE.test(s.reason));
      rows.push({
        dealership: { documentId: d.documentId, name: d.name, timezone: d.timezone },
        connection: !credential ? 'not_configured' : !credential.isActive ? 'off' : authFailing ? 'auth_failing' : 'active',
        stock,
        leads,
        openConflicts: conflicts.get(d.documentId) ?? 0,
        leadsWaiting: waiting.get(d.documentId) ?? 0,
        leadsInReview: review.get(d.documentId) ?? 0,
      });
    }
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const worst = (r: DashboardRow) => [r.stock.health, r.leads.health];
    return {
      generatedAt: now.toISOString(),
      rows,
      stats: {
        vehiclesInFeed: sum(inFeed),
        vehiclesRemoved: sum(removed),
        leadsLinked: sum(linked),
        connections: {
          active: rows.filter((r) => r.connection === 'active').length,
          off: rows.filter((r) => r.connection === 'off').length,
          authFailing: rows.filter((r) => r.connection === 'auth_failing').length,
          notConfigured: rows.filter((r) => r.connection === 'not_configured').length,
        },
        dealerships: {
          failing: rows.filter((r) => worst(r).includes('failing')).length,
          stale: rows.filter((r) => !worst(r).includes('failing') && worst(r).includes('stale')).length,
          attention: rows.filter((r) => !worst(r).some((h) => h === 'failing' || h === 'stale') && worst(r).includes('attention')).length,
          healthy: rows.filter((r) => r.connection === 'active' && worst(r).every((h) => ['ok', 'running', 'off', 'never'].includes(h))).length,
        },
      },
    };
  },

  /** Runs per UTC day and type over the last `days` days, by outcome, with the success rate. */
  async trend(dealerships: string[], days: number, now = new Date()): Promise<TrendDay[]> {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
    const runs = await counts.runsPerDay(strapi, dealerships, start);
    const out = new Map<string, TrendDay>();
    for (let i = 0; i < days; i++) {
      const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
      for (const type of ['stock', 'leads'] as const) out.set(`${day}:${type}`, { day, type, success: 0, warning: 0, failed: 0, other: 0, total: 0, successRate: null });
    }
    for (const run of runs) {
      const entry = out.get(`${run.at.toISOString().slice(0, 10)}:${run.type}`);
      if (!entry) continue;
      entry.total++;
      if (run.status === 'success') entry.success++;
      else if (run.status === 'warning' || run.status === 'partial') entry.warning++;
      else if (run.status === 'failed' || run.status === 'interrupted') entry.failed++;
      else entry.other++;
    }
    for (const entry of out.values()) {
      const finished = entry.success + entry.warning + entry.failed;
      entry.successRate = finished ? Math.round(((entry.success + entry.warning) / finished) * 1000) / 10 : null;
    }
    return [...out.values()];
  },
});
