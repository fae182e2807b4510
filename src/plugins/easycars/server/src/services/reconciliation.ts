import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FindingActionResult, ReconciliationFilters, ReconciliationReport, ReconciliationRun, ReconciliationSchedule } from '../../../shared/reconciliation';
import { nextRun } from '../schedule/cron-for';
import { reconciliationScheduleOf } from './scheduler';
import { ignoreKey } from '../reconciliation/ignores';
import { countFindings, runReconciliation } from '../reconciliation/run';
import { canPush, canSync, findingView, type FindingRow } from '../reconciliation/views';
import { getService, pluginUid } from '../utils/plugin';
import { maskName, maskValue, personalDataReader } from '../leads/personal-data';
import type { Finding } from '../../../shared/reconciliation';

type Actor = { id: number; name: string };

export const LEADS_NOTE = 'EasyCars offers no way to list an account’s leads: a lead that is in EasyCars but not here cannot be found by a reconciliation. Import it by its number on the Leads page.';

const RUN_FIELDS = ['id', 'status', 'phase', 'progressDone', 'progressTotal', 'trigger', 'triggeredByName', 'createdAt', 'completedAt', 'errorMessage'];

const toRun = (row: any): ReconciliationRun | null =>
  row
    ? {
        id: row.id,
        status: row.status,
        phase: row.phase ?? null,
        progressDone: row.progressDone ?? null,
        progressTotal: row.progressTotal ?? null,
        trigger: row.trigger,
        triggeredByName: row.triggeredByName ?? null,
        createdAt: new Date(row.createdAt).toISOString(),
        completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
        errorMessage: row.errorMessage ?? null,
      }
    : null;

/** The reconciliation report: runs (jobs), the latest findings, and what an admin does with them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scheduleOf = async (dealership: string): Promise<{ schedule: ReconciliationSchedule; nextRunAt: string | null }> => {
    const row = await getService(strapi, 'credentials').findByDealership(dealership);
    const schedule = (row?.reconciliationSchedule ?? 'off') as ReconciliationSchedule;
    const setting = row?.isActive ? reconciliationScheduleOf(row) : null;
    if (!setting || getService(strapi, 'scheduler').isGloballyDisabled()) return { schedule, nextRunAt: null };
    const timezone = (await getService(strapi, 'access').findDealership(dealership))?.timezone ?? 'Australia/Sydney';
    return { schedule, nextRunAt: nextRun(setting, timezone, new Date()).toISOString() };
  };
  const findings = () => strapi.db.query(pluginUid('reconciliation-finding'));
  const audit = (input: Parameters<ReturnType<typeof getService<'audit'>>['record']>[0]) =>
    getService(strapi, 'audit')
      .record({ entityType: 'reconciliation', ...input })
      .catch((e: Error) => strapi.log.error(`[easycars] could not write the audit entry ${input.action}: ${e.message}`));

  /** Lead rows show customer values only to admins who may read that lead (as on the Leads page). */
  const masked = async (rows: Finding[], ability: unknown): Promise<Finding[]> => {
    const leads = rows.filter((r) => r.subject === 'lead');
    if (!leads.length) return rows;
    const mayRead = await personalDataReader(strapi, ability, leads.map((r) => r.entryDocumentId).filter((id): id is string => Boolean(id)));
    return rows.map((r) => {
      if (r.subject !== 'lead') return r;
      const fields = r.details?.fields?.map((f) => (mayRead(r.entryDocumentId, f.field) ? f : { ...f, here: maskValue(f.here), easycars: maskValue(f.easycars) }));
      return { ...r, title: mayRead(r.entryDocumentId, 'customerName') ? r.title : maskName(r.title), details: r.details && fields ? { ...r.details, fields } : r.details };
    });
  };

  const where = (dealership: string, filter: ReconciliationFilters = {}) => ({
    dealership,
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    state: filter.state ?? 'open',
  });

  /** The rows an action applies to: the chosen ids, or every row of the filter; always this dealership's. */
  const chosen = async (dealership: string, ids: number[] | undefined, filter: ReconciliationFilters | undefined): Promise<FindingRow[]> => {
    const base = ids ? { dealership, id: { $in: ids }, state: 'open' } : where(dealership, { ...filter, state: 'open' });
    return (await findings().findMany({ where: base, orderBy: { id: 'asc' } })) as FindingRow[];
  };

  const service = {
    registerHandler() {
      getService(strapi, 'jobs').registerSyncHandler('reconciliation', ({ dealership, syncLogId }) => runReconciliation(strapi, { dealership, syncLogId }));
    },

    /** Queues a run (a job with progress); 409-style answer when one is already queued or running. */
    async run(dealership: { documentId: string; name: string }, actor: Actor | null, trigger: 'manual' | 'schedule' = 'manual') {
      const credential = await getService(strapi, 'credentials').findByDealership(dealership.documentId);
      if (!credential) throw new errors.ValidationError(`${dealership.name} has no EasyCars credentials yet: add them under EasyCars → Credentials.`);
      if (!credential.isActive) throw new errors.ValidationError(`${dealership.name}'s EasyCars connection is switched off (inactive).`);
      const result = await getService(strapi, 'jobs').enqueueSync({ dealership: dealership.documentId, type: 'reconciliation', trigger, actor });
      if (result.accepted) await audit({ dealership: dealership.documentId, action: 'reconciliation.run', actor, result: 'info', message: `Reconciliation ${result.syncLogId} queued.` });
      return result;
    },

    /** Scheduled runs: off (the default), daily or weekly, at 03:00 in the dealership's timezone. */
    async setSchedule(dealership: string, schedule: ReconciliationSchedule, actor: Actor) {
      const row = await getService(strapi, 'credentials').findByDealership(dealership);
      if (!row) throw new errors.NotFoundError('This dealership has no EasyCars credential yet.');
      await getService(strapi, 'credentials').update(row.id, { reconciliationSchedule: schedule });
      await audit({ dealership, action: 'reconciliation.schedule', entityType: 'credential', entityId: row.id, actor, result: 'success', changedFields: ['reconciliationSchedule'], message: `Scheduled reconciliation: ${schedule}.` });
      return { schedule };
    },

    async report(dealership: string, filter: ReconciliationFilters, page: number, pageSize: number, ability?: unknown): Promise<ReconciliationReport> {
      const logs = getService(strapi, 'syncLogs');
      const [last, active] = await Promise.all([
        strapi.db.query(pluginUid('sync-log')).findOne({ select: RUN_FIELDS, where: { dealership, type: 'reconciliation', status: { $notIn: ['queued', 'running'] } }, orderBy: { id: 'desc' } }),
        logs.findActive(dealership, 'reconciliation'),
      ]);
      const all = (await findings().findMany({ select: ['category', 'severity', 'state'], where: { dealership } })) as Array<{ category: any; severity: any; state: string }>;
      const total = await findings().count({ where: where(dealership, filter) });
      const rows = (await findings().findMany({ where: where(dealership, filter), orderBy: [{ severity: 'asc' }, { category: 'asc' }, { ref: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize })) as FindingRow[];
      return {
        run: toRun(last),
        active: toRun(active),
        counts: last ? countFindings(all) : null,
        findings: await masked(rows.map(findingView), ability),
        pagination: { page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) },
        notes: [LEADS_NOTE],
        ...(await scheduleOf(dealership)),
      };
    },

    /** Every row of a filter, for the exports (open and ignored rows unless the filter says). */
    async exportRows(dealership: string, filter: ReconciliationFilters, ability?: unknown) {
      const rows = (await findings().findMany({ where: { ...where(dealership, filter), ...(filter.state ? {} : { state: { $in: ['open', 'ignored'] } }) }, orderBy: [{ category: 'asc' }, { ref: 'asc' }] })) as FindingRow[];
      return masked(rows.map(findingView), ability);
    },

    /** "Sync from EasyCars" on chosen rows: one stock run limited to their stock numbers (a job with progress). */
    async sync(dealership: { documentId: string; name: string }, ids: number[] | undefined, filter: ReconciliationFilters | undefined, actor: Actor): Promise<FindingActionResult & { busySyncLogId?: number | null }> {
      const rows = await chosen(dealership.documentId, ids, filter);
      const syncable = rows.filter(canSync);
      const refs = [...new Set(syncable.map((r) => r.ref))];
      if (!refs.length) return { affected: 0, skipped: rows.length, syncLogId: null, message: 'None of these rows can be synced from EasyCars.' };
      const result = await getService(strapi, 'jobs').enqueueSync({ dealership: dealership.documentId, type: 'stock', trigger: 'manual', actor, only: refs });
      if (!result.accepted) {
        return { affected: 0, skipped: rows.length, syncLogId: null, busySyncLogId: result.syncLogId, message: `A stock sync is already queued or running for ${dealership.name}; try again when it has finished.` };
      }
      const now = new Date();
      await findings().updateMany({ where: { id: { $in: syncable.map((r) => r.id) } }, data: { actedBy: actor.name, actedAt: now } });
      await audit({ dealership: dealership.documentId, action: 'reconciliation.sync', actor, result: 'info', message: `Sync from EasyCars of ${refs.length} vehicle(s) queued as stock run ${result.syncLogId}.`, details: { stockNumbers: refs.slice(0, 100) } });
      return { affected: syncable.length, skipped: rows.length - syncable.length, syncLogId: result.syncLogId, message: `Stock run ${result.syncLogId} applies EasyCars to ${refs.length} vehicle(s).` };
    },

    /** "Push to EasyCars" on chosen lead rows: each failed or waiting lead is sent again by the push job. */
    async push(dealership: { documentId: string }, ids: number[] | undefined, filter: ReconciliationFilters | undefined, actor: Actor): Promise<FindingActionResult> {
      const rows = await chosen(dealership.documentId, ids, filter);
      const pushable = rows.filter(canPush);
      let affected = 0;
      const failures: string[] = [];
      for (const row of pushable) {
        try {
          await getService(strapi, 'leadSync').retry(row.recordId!, dealership.documentId, actor);
          await findings().update({ where: { id: row.id }, data: { actedBy: actor.name, actedAt: new Date() } });
          affected++;
        } catch (error) {
          failures.push(`${row.ref}: ${(error as Error).message}`);
        }
      }
      await audit({ dealership: dealership.documentId, action: 'reconciliation.push', actor, result: failures.length ? 'failure' : 'success', message: `${affected} lead(s) queued to be sent to EasyCars.${failures.length ? ` Not sent: ${failures.join('; ')}` : ''}` });
      return { affected, skipped: rows.length - affected, syncLogId: null, message: `${affected} lead(s) queued to be sent to EasyCars.${failures.length ? ` ${failures.length} could not be: ${failures.join('; ')}` : ''}` };
    },

    /** Ignore with a reason: the row stays ignored in later runs while its data (fingerprint) is unchanged. */
    async ignore(dealership: { documentId: string }, ids: number[] | undefined, filter: ReconciliationFilters | undefined, reason: string, actor: Actor): Promise<FindingActionResult> {
      const rows = (await chosen(dealership.documentId, ids, filter)) as Array<FindingRow & { fingerprint: string }>;
      const now = new Date();
      await strapi.db.transaction(async () => {
        const ignores = strapi.db.query(pluginUid('reconciliation-ignore'));
        for (const row of rows) {
          const key = ignoreKey(dealership.documentId, row.category, row.ref);
          const data = { dealership: dealership.documentId, category: row.category, ref: row.ref, fingerprint: row.fingerprint, ignoreKey: key, reason, actorName: actor.name, actorId: actor.id };
          const existing = await ignores.findOne({ where: { ignoreKey: key }, select: ['id'] });
          if (existing) await ignores.update({ where: { id: existing.id }, data });
          else await ignores.create({ data });
        }
        if (rows.length) await findings().updateMany({ where: { id: { $in: rows.map((r) => r.id) } }, data: { state: 'ignored', ignoredReason: reason, actedBy: actor.name, actedAt: now } });
      });
      await audit({ dealership: dealership.documentId, action: 'reconciliation.ignore', actor, result: 'success', message: `${rows.length} difference(s) ignored: ${reason}`, details: { refs: rows.map((r) => r.ref).slice(0, 100) } });
      return { affected: rows.length, skipped: 0, syncLogId: null, message: `${rows.length} difference(s) ignored.` };
    },

    /** A stock run limited to these vehicles finished: their vehicle rows are fixed (the next reconciliation re-checks). */
    async markApplied(dealership: string, refs: string[], syncLogId: number) {
      if (!refs.length) return;
      for (let i = 0; i < refs.length; i += 500) {
        await findings().updateMany({
          where: { dealership, subject: 'vehicle', state: 'open', ref: { $in: refs.slice(i, i + 500) }, actedAt: { $notNull: true } },
          data: { state: 'fixed', actedAt: new Date() },
        });
      }
    },
  };
  return service;
};
