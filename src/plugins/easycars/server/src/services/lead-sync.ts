/**
 * Lead sync (issue 6): wires the leads/ modules into Strapi — the Document Service middleware,
 * the durable push job, the 'leads' sync handler — and offers what the admin routes need.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ConflictStrategy } from '../credentials/types';
import { leadDeps, PUSH_JOB, type LeadDeps } from '../leads/deps';
import { importLead } from '../leads/import';
import { localLeads } from '../leads/local-leads';
import { registerLeadMiddleware } from '../leads/middleware';
import { createPuller } from '../leads/pull';
import { createPusher } from '../leads/push';
import { refreshDealership } from '../leads/refresh-all';
import { resolveConflict } from '../leads/resolve';
import { columnView, conflictView, panelView, pushView } from '../leads/views';
import { maskConflict, maskPush } from '../leads/masked-views';
import { canReadLeadField, readableLeadIds } from '../leads/personal-data';
import { getConfig, getService } from '../utils/plugin';
import { abandonedKeys } from '../locks/db-lock';
import { leadLockKey } from '../leads/lead-lock';
import type { PluginConfig } from '../config/schema';

const STRATEGIES: ConflictStrategy[] = ['manual', 'local_wins', 'easycars_wins'];
type Actor = { id: number; name: string };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let deps: LeadDeps | undefined;
  const d = () => (deps ??= leadDeps(strapi));
  const pusher = () => createPusher(d());
  const puller = () => createPuller(d());

  return {
    /** register(): the middleware must be in place before any lead is written. */
    registerMiddleware() {
      registerLeadMiddleware(strapi, d);
    },

    /** bootstrap(), before the job queue starts: the push job and the 'leads' sync handler. */
    registerJobs() {
      const jobs = getService(strapi, 'jobs');
      jobs.registerJob<{ leadDocumentId: string }>(PUSH_JOB, (data) => pusher().push(data.leadDocumentId), {
        concurrency: getConfig<PluginConfig['sync']>(strapi, 'sync').leadPushConcurrency,
      });
      jobs.registerSyncHandler('leads', (job) => refreshDealership(d(), puller(), job));
    },

    /** bootstrap(), after the queue started: every push still pending survives a restart (and old customer copies go). */
    async resumePending() {
      const cleared = await d().records.clearLegacyCustomerColumns();
      if (cleared) strapi.log.info(`[easycars] emptied the old customer columns of ${cleared} lead-record(s) (they are no longer kept)`);
      const pending = await d().records.pending();
      for (const rec of pending) if (rec.leadDocumentId) await d().enqueuePush(rec.leadDocumentId);
      if (pending.length) strapi.log.info(`[easycars] re-queued ${pending.length} pending lead push(es)`);
    },

    /**
     * The scheduler tick, on every instance: a push still pending and untouched for `sync.staleRunMs` whose lead lock was
     * left behind by its holder (a lease that ran out) lost its job with the instance that ran it (a job pg-boss handed
     * to a killed worker stays "active" until it expires). It is queued again; the push takes over the lead's lock and,
     * when a CreateLead had been claimed, sends nothing and sets the lead to review: EasyCars may already have it.
     * Pushes merely waiting in a long queue hold no lock, so they are not queued twice (pg-boss does not de-duplicate
     * a singletonKey on a standard queue).
     */
    async resumeStalePushes(): Promise<number> {
      const staleMs = getConfig<PluginConfig['sync']>(strapi, 'sync').staleRunMs;
      const pending = (await d().records.pending(new Date(Date.now() - staleMs))).filter((rec) => rec.leadDocumentId);
      const abandoned = new Set(await abandonedKeys(strapi, pending.map((rec) => leadLockKey(rec.leadDocumentId!))));
      const stale = pending.filter((rec) => abandoned.has(leadLockKey(rec.leadDocumentId!)));
      for (const rec of stale) await d().enqueuePush(rec.leadDocumentId!);
      if (stale.length) strapi.log.warn(`[easycars] re-queued ${stale.length} lead push(es) left pending for more than ${Math.round(staleMs / 1000)} s`);
      return stale.length;
    },

    push: (leadDocumentId: string) => pusher().push(leadDocumentId),

    async overview(dealership: string) {
      const credential = await getService(strapi, 'credentials').findByDealership(dealership);
      const logs = getService(strapi, 'syncLogs');
      const [counts, openConflicts, lastRun, activeRun] = await Promise.all([
        d().records.countBy(dealership),
        d().conflicts.countOpen(dealership),
        logs.latest(dealership, 'leads', ['success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled']),
        logs.findActive(dealership, 'leads'),
      ]);
      return {
        credential: credential
          ? { configured: true, isActive: credential.isActive, leadSyncEnabled: credential.leadSyncEnabled, leadConflictStrategy: credential.leadConflictStrategy, leadSchedule: credential.leadSchedule }
          : { configured: false },
        counts: { ...counts, openConflicts },
        lastRun: lastRun ?? null,
        activeRun: activeRun ?? null,
        nextRunAt: credential ? ((await getService(strapi, 'scheduler').nextRunFor(credential, 'leads'))?.toISOString() ?? null) : null,
      };
    },

    /** `ability`: the caller's admin ability; customer names are masked unless it may read the lead. */
    async listPushes(dealership: string, states: string[], ability?: unknown) {
      const rows = await d().records.list({ dealership, pushState: { $in: states } }, 200);
      const ids = rows.map((r) => r.leadDocumentId).filter((x): x is string => Boolean(x));
      const leads = ids.length
        ? await localLeads(strapi).summaries(ids)
        : [];
      const byId = new Map((leads as any[]).map((l) => [l.documentId, l]));
      const readable = canReadLeadField(strapi, ability, 'customerName') ? await readableLeadIds(strapi, ability, ids) : new Set<string>();
      return rows.map((r) => maskPush(pushView(r, r.leadDocumentId ? byId.get(r.leadDocumentId) ?? null : null), readable));
    },

    /** Admin "retry": for review this is the explicit decision that a new CreateLead is safe. */
    async retry(recordId: number, dealership: string, actor: Actor, opts: { confirmResend?: boolean; mayResolveConflicts?: boolean } = {}) {
      const rec = await d().records.byId(recordId);
      if (!rec || rec.dealership !== dealership) throw new errors.NotFoundError(`Lead push ${recordId} not found for this dealership.`);
      if (!['failed', 'review', 'pending'].includes(rec.pushState)) throw new errors.ApplicationError(`This lead is ${rec.pushState}; there is nothing to retry.`);
      if (!rec.leadDocumentId) throw new errors.ApplicationError('The local lead of this push no longer exists.');
      if (rec.pushState === 'review') {
        if (!opts.mayResolveConflicts) {
          // PolicyError (403) keeps its message; Strapi replaces a ForbiddenError's with "Forbidden".
          throw new errors.PolicyError('Sending again a lead that may already be in EasyCars needs the "Resolve lead conflicts" permission.', {
            missingPermission: 'plugin::easycars.conflicts.resolve',
          });
        }
        if (opts.confirmResend !== true) {
          const message = `This lead may already be in EasyCars (look for ExternalID ${rec.leadDocumentId}). Sending it again may create a second lead: confirm with "confirmResend": true.`;
          throw new errors.ValidationError(message, { errors: [{ path: ['confirmResend'], message, name: 'ValidationError' }] });
        }
      }
      await d().records.update(rec.id, { pushState: 'pending', pushAttempts: 0, pushError: null, ...(rec.LeadNumber ? {} : { createRequestedAt: null }) });
      await d().audit({ dealership, action: 'lead.push.retry', entityId: rec.leadDocumentId, actor, result: 'info', message: rec.pushState === 'review' ? 'Sent again by hand after review: the admin confirmed the lead was not in EasyCars.' : `Push retried by hand (was ${rec.pushState}).` });
      await d().enqueuePush(rec.leadDocumentId);
      return { id: rec.id, pushState: 'pending' };
    },

    async listConflicts(dealership: string, state?: 'open' | 'resolved', ability?: unknown) {
      const rows = await d().conflicts.list(dealership, state);
      const readable = await readableLeadIds(strapi, ability, [...new Set(rows.map((r) => r.leadDocumentId).filter((x): x is string => Boolean(x)))]);
      const none = new Set<string>();
      return rows.map((r) => maskConflict(conflictView(r), canReadLeadField(strapi, ability, r.field) ? readable : none));
    },

    async resolve(conflictId: number, dealership: string, choice: unknown, actor: Actor) {
      const conflict = await d().conflicts.get(conflictId);
      if (!conflict || conflict.dealership !== dealership) throw new errors.NotFoundError(`Conflict ${conflictId} not found for this dealership.`);
      return conflictView(await resolveConflict(d(), pusher(), conflictId, choice, actor));
    },

    importLead: (dealership: string, leadNumber: unknown, actor: Actor) => importLead(d(), dealership, leadNumber, actor),

    async setStrategy(dealership: string, strategy: unknown, actor: Actor) {
      if (!STRATEGIES.includes(strategy as ConflictStrategy)) {
        const message = `leadConflictStrategy must be one of ${STRATEGIES.join(', ')}`;
        throw new errors.ValidationError(message, { errors: [{ path: ['leadConflictStrategy'], message, name: 'ValidationError' }] });
      }
      const repo = getService(strapi, 'credentials');
      const row = await repo.findByDealership(dealership);
      if (!row) throw new errors.NotFoundError('This dealership has no EasyCars credential yet.');
      await repo.update(row.id, { leadConflictStrategy: strategy as ConflictStrategy });
      await d().audit({ dealership, action: 'lead.strategy.update', entityType: 'credential', entityId: row.id, actor, result: 'success', changedFields: ['leadConflictStrategy'], message: `Lead conflicts (status and fields): ${strategy}.` });
      return { leadConflictStrategy: strategy };
    },

    /** CM list column: documentId → badge, for the dealerships the caller may see. */
    async columnStatuses(documentIds: string[], dealerships: Set<string> | null) {
      const rows = await d().records.byLeads(documentIds);
      const out: Record<string, ReturnType<typeof columnView>> = {};
      for (const id of documentIds) out[id] = columnView(null);
      for (const r of rows) if (r.leadDocumentId && (!dealerships || dealerships.has(r.dealership))) out[r.leadDocumentId] = columnView(r);
      return out;
    },

    /** The panel of a lead that belongs to no dealership (or does not exist): nothing from EasyCars. */
    emptyPanel: () => panelView(null, []),

    async panel(documentId: string, ability?: unknown) {
      const rec = await d().records.byLead(documentId);
      const conflicts = await d().conflicts.allOpenFor(documentId);
      const lead = rec ? null : await localLeads(strapi).find(documentId);
      const view = panelView(rec, conflicts);
      const fieldsReadable = conflicts.some((c) => canReadLeadField(strapi, ability, c.field));
      const readable = fieldsReadable ? await readableLeadIds(strapi, ability, [documentId]) : new Set<string>();
      const none = new Set<string>();
      const mask = (c: NonNullable<typeof view.conflict>) => maskConflict(c, canReadLeadField(strapi, ability, c.field) ? readable : none);
      return {
        dealership: rec?.dealership ?? lead?.dealership?.documentId ?? null,
        view: { ...view, conflict: view.conflict ? mask(view.conflict) : null, conflicts: view.conflicts.map(mask) },
      };
    },
  };
};
