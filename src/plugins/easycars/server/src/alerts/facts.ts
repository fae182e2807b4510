/** What the alert rules look at for one dealership, read from the sync logs, rollups and lead records. */
import type { Core } from '@strapi/strapi';
import type { AlertSettings } from '../../../shared/alerts';
import type { CredentialRow } from '../credentials/types';
import * as counts from '../dashboard/counts';
import { bucketStart } from '../metrics/rollup';
import { scheduleIntervalHours } from '../schedule/interval-hours';
import { getService, pluginUid } from '../utils/plugin';
import type { AlertFacts, RunFact } from './rules';

const FINISHED = ['success', 'warning', 'partial', 'failed', 'interrupted'];
const RUNS_READ = 20;

async function recentRuns(strapi: Core.Strapi, dealership: string, type: 'stock' | 'leads'): Promise<RunFact[]> {
  const rows = (await strapi.db.query(pluginUid('sync-log')).findMany({
    where: { dealership, type, status: { $in: FINISHED } },
    select: ['status', 'errorClass', 'errorMessage', 'durationMs', 'completedAt'],
    orderBy: { id: 'desc' },
    limit: RUNS_READ,
  })) as Array<Record<string, any>>;
  return rows.map((r) => ({ status: r.status, errorClass: r.errorClass ?? null, errorMessage: r.errorMessage ?? null, durationMs: r.durationMs ?? null, completedAt: r.completedAt ? new Date(r.completedAt).toISOString() : null }));
}

async function stuckLeads(strapi: Core.Strapi, dealership: string, olderThan: Date) {
  const table = strapi.db.metadata.get(pluginUid('lead-record')).tableName;
  const rows = (await strapi.db
    .connection(table)
    .where('dealership', dealership)
    .whereIn('push_state', ['pending', 'failed', 'review'])
    .where('updated_at', '<', olderThan)
    .select('push_state')
    .count({ n: '*' })
    .groupBy('push_state')) as Array<{ push_state: string; n: number | string }>;
  const of = (state: string) => Number(rows.find((r) => r.push_state === state)?.n ?? 0);
  return { failed: of('failed'), review: of('review'), pending: of('pending') };
}

/** `credential`: the dealership's connection, already read by the caller. */
/** The latest finished reconciliation of a dealership and how many of its differences are still open. */
async function reconciliationFact(strapi: Core.Strapi, dealership: string): Promise<AlertFacts['reconciliation']> {
  const last = await strapi.db.query(pluginUid('sync-log')).findOne({ select: ['trigger'], where: { dealership, type: 'reconciliation', status: { $in: ['success', 'warning'] } }, orderBy: { id: 'desc' } });
  if (!last) return null;
  const open = await strapi.db.query(pluginUid('reconciliation-finding')).count({ where: { dealership, state: 'open' } });
  return { scheduled: last.trigger === 'schedule', open };
}

export async function gatherFacts(strapi: Core.Strapi, dealership: { documentId: string; timezone?: string | null }, credential: CredentialRow, settings: AlertSettings, now = new Date()): Promise<AlertFacts> {
  const id = dealership.documentId;
  const stockEnabled = Boolean(credential.isActive && credential.stockSyncEnabled);
  const [stock, leads, lastSuccess, conflicts, leadsStuck, rollups] = await Promise.all([
    recentRuns(strapi, id, 'stock'),
    recentRuns(strapi, id, 'leads'),
    counts.lastSuccess(strapi, [id]),
    counts.openConflicts(strapi, [id]),
    stuckLeads(strapi, id, new Date(now.getTime() - settings.rules.leads_stuck.minutes * 60_000)),
    getService(strapi, 'metrics').rollups({ period: 'hour', since: bucketStart('hour', now.getTime() - 3_600_000), dealerships: [id] }),
  ]);
  const api = rollups.reduce((sum, r) => ({ calls: sum.calls + r.data.apiCalls, errors: sum.errors + r.data.apiErrors, throttled: sum.throttled + r.data.throttled }), { calls: 0, errors: 0, throttled: 0 });
  return {
    now,
    runs: { stock, leads },
    stock: {
      enabled: stockEnabled,
      intervalHours: stockEnabled ? scheduleIntervalHours(credential, 'stock', dealership.timezone ?? 'Australia/Sydney', now) : null,
      lastSuccessAt: lastSuccess.get(`${id}:stock`) ?? null,
      connectedAt: credential.createdAt ? new Date(credential.createdAt).toISOString() : null,
    },
    api,
    leadsStuck,
    openConflicts: conflicts.get(id) ?? 0,
    reconciliation: await reconciliationFact(strapi, id),
  };
}
