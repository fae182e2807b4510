import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getService, pluginUid } from '../utils/plugin';
import { isUniqueViolation } from '../utils/db-errors';
import { createPhaseClock, runTimings, type PhaseClock, type PhaseTiming } from '../sync-logs/phase-clock';
import { redactText, redactValue } from '../utils/redact';
import {
  COUNT_FIELDS,
  MAX_LISTED_ITEMS,
  type FinishInput,
  type ItemOutcome,
  type SyncDirection,
  type SyncStatus,
  type SyncTrigger,
  type SyncType,
  SyncCancelled,
} from '../sync-logs/types';

const ACTIVE: SyncStatus[] = ['queued', 'running'];

/** A run closed as interrupted, with what is needed to run it again. */
export interface InterruptedRun {
  id: number;
  status: SyncStatus;
  dealership: string;
  type: SyncType;
  trigger: SyncTrigger;
  instanceId: string | null;
}
const INTERRUPTED_RUN_FIELDS: Array<keyof InterruptedRun> = ['id', 'status', 'dealership', 'type', 'trigger', 'instanceId'];

/** The class and (redacted, shortened) stack of the error that stopped a run. */
const errorDetails = (error: unknown) => {
  if (!(error instanceof Error)) return {};
  const stack = error.stack ? redactText(error.stack, { personal: true }).slice(0, 4000) : null;
  return { errorClass: error.name && error.name !== 'Error' ? error.name : error.constructor?.name ?? 'Error', errorStack: stack };
};
const ITEM_CHUNK = 500;
const PROGRESS_WRITE_INTERVAL_MS = 1000;

export interface CreateLogInput {
  dealership: string;
  type: SyncType;
  direction?: SyncDirection;
  trigger: SyncTrigger;
  actor?: { id: number; name: string } | null;
  scheduleSlot?: string | null;
}

const activeKey = (dealership: string, type: SyncType) => `${type}:${dealership}`;

const capList = <T>(list: T[] | undefined) => {
  if (!list || list.length === 0) return null;
  return list.length > MAX_LISTED_ITEMS ? [...list.slice(0, MAX_LISTED_ITEMS), { ref: '…', message: `${list.length - MAX_LISTED_ITEMS} more not listed` }] : list;
};

/**
 * Sync logs: one row per run. The `activeKey` column (unique, cleared when the run ends)
 * guarantees at most one queued-or-running sync per (dealership, type) across every
 * Strapi instance sharing the database.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(pluginUid('sync-log'));
  const items_ = () => strapi.db.query(pluginUid('sync-item'));
  const lastProgressWrite = new Map<number, number>();
  const phases = new Map<number, PhaseClock>();
  const instanceId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  /** Every touched record of a run, uncapped and queryable (history search by stock number, VIN, lead number). */
  const storeItems = async (log: { id: number; dealership: string; type: string }, items: ItemOutcome[]) => {
    const rows = items
      .filter((item) => item.ref && item.ref !== '…')
      .map((item) => ({
        syncLogId: log.id,
        dealership: log.dealership,
        type: log.type,
        ref: String(item.ref).slice(0, 255),
        vin: item.vin ? String(item.vin).slice(0, 255) : null,
        entryDocumentId: item.entry ?? null,
        outcome: item.outcome,
        message: item.message ?? null,
        changes: item.changes && Object.keys(item.changes).length ? item.changes : null,
      }));
    for (let i = 0; i < rows.length; i += ITEM_CHUNK) await items_().createMany({ data: rows.slice(i, i + ITEM_CHUNK) });
  };

  /** A run ended: counted in the metrics, then its dealership's alert rules (in the background: the run is done). */
  const ranOut = (run: { id: number; dealership: string; type: string; trigger: string; status: string; durationMs: number; counts: Record<string, number>; errorMessage: string | null; phases: PhaseTiming[] }) => {
    getService(strapi, 'metrics').recordRun(run);
    void getService(strapi, 'alerts').afterRun(run);
  };

  const service = {
    instanceId,

    /** Creates a queued log, or returns null when one of the same type is already active for the dealership. */
    async createIfIdle(input: CreateLogInput): Promise<any | null> {
      try {
        return await query().create({
          data: {
            dealership: input.dealership,
            type: input.type,
            direction: input.direction ?? 'inbound',
            trigger: input.trigger,
            triggeredBy: input.actor?.id ?? null,
            triggeredByName: input.actor?.name ?? null,
            status: 'queued',
            activeKey: activeKey(input.dealership, input.type),
            scheduleSlot: input.scheduleSlot ?? null,
          },
        });
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async findActive(dealership: string, type: SyncType) {
      return query().findOne({ where: { dealership, type, status: { $in: ACTIVE } }, orderBy: { id: 'desc' } });
    },

    async get(id: number) {
      return query().findOne({ where: { id } });
    },

    /** Marks a queued run as running; false when it is no longer queued (cancelled meanwhile): do not run it. */
    async start(id: number): Promise<boolean> {
      const now = new Date();
      const started = await query().update({
        where: { id, status: 'queued' },
        data: { status: 'running', startedAt: now, heartbeatAt: now, instanceId, phase: 'starting' },
      });
      if (started !== null) phases.set(id, createPhaseClock(now.getTime()));
      return started !== null;
    },

    /** Cheap to call often: writes at most once a second, and always the last step. */
    async progress(id: number, progress: { phase: string; done: number; total: number }) {
      const now = Date.now();
      (phases.get(id) ?? phases.set(id, createPhaseClock(now)).get(id)!).enter(progress.phase, now);
      const last = lastProgressWrite.get(id) ?? 0;
      if (now - last < PROGRESS_WRITE_INTERVAL_MS && progress.done < progress.total) return;
      lastProgressWrite.set(id, now);
      const written = await query().update({
        where: { id, status: 'running' },
        data: { phase: progress.phase, progressDone: progress.done, progressTotal: progress.total, heartbeatAt: new Date(now) },
      });
      // The run was cancelled (by any instance): it stops here, between two steps.
      if (!written) throw new SyncCancelled(id);
    },

    /**
     * Cancels the dealership's queued and running syncs: their logs are closed as `cancelled` at once, a queued
     * job then never starts (start() refuses), and a running one stops at its next progress step. Works the
     * same on every instance and queue, because the log in the database is what every run checks.
     */
    async cancelActive(dealership: string, reason: string): Promise<number> {
      const active = (await query().findMany({ where: { dealership, status: { $in: ACTIVE } }, select: ['id', 'startedAt', 'status', 'type'] })) as Array<{
        id: number;
        type: SyncType;
        startedAt: string | null;
        status: SyncStatus;
      }>;
      const completedAt = new Date();
      for (const log of active) {
        const startedAt = log.startedAt ? new Date(log.startedAt) : completedAt;
        await query().update({
          where: { id: log.id, status: { $in: ACTIVE } },
          data: {
            status: 'cancelled',
            phase: 'done',
            activeKey: null,
            completedAt,
            startedAt,
            durationMs: completedAt.getTime() - startedAt.getTime(),
            errorMessage: log.status === 'queued' ? `Cancelled before it started: ${reason}` : `Cancelled while running: ${reason}`,
          },
        });
        getService(strapi, 'metrics').recordRun({ dealership, type: log.type, status: 'cancelled', durationMs: completedAt.getTime() - startedAt.getTime(), counts: {} });
      }
      return active.length;
    },

    async heartbeat(ids: number[]) {
      if (ids.length) await query().updateMany({ where: { id: { $in: ids } }, data: { heartbeatAt: new Date() } });
    },

    async finish(id: number, input: FinishInput) {
      lastProgressWrite.delete(id);
      const clock = phases.get(id);
      phases.delete(id);
      const row = await service.get(id);
      if (row && input.items?.length) await storeItems(row, input.items);
      if (row?.status === 'cancelled' || row?.status === 'interrupted') {
        // Cancelled meanwhile, or closed as interrupted by another instance that took this one for stopped (it went
        // quiet for longer than sync.staleRunMs) and queued it again: keep that outcome and its reason, add what the
        // run had done when it stopped.
        const counts: Record<string, number> = {};
        for (const field of COUNT_FIELDS) if (input.counts?.[field] !== undefined) counts[field] = input.counts[field] as number;
        return query().update({
          where: { id },
          data: {
            ...counts,
            apiCalls: input.apiCalls ?? row.apiCalls ?? 0,
            itemErrors: capList(input.itemErrors),
            warnings: capList(input.warnings),
            items: capList(input.items),
            requestSummary: input.requestSummary ? redactValue(input.requestSummary) : null,
            responseSummary: input.responseSummary ? redactValue(input.responseSummary) : null,
          },
        });
      }
      const completedAt = new Date();
      const startedAt = row?.startedAt ? new Date(row.startedAt) : completedAt;
      const counts: Record<string, number> = {};
      for (const field of COUNT_FIELDS) if (input.counts?.[field] !== undefined) counts[field] = input.counts[field] as number;
      if (row) {
        // One line per finished run in Strapi's log, whatever its outcome.
        const shown = ['fetched', 'created', 'updated', 'removed', 'failed'].map((f) => `${f} ${counts[f] ?? 0}`).join(', ');
        strapi.log.info(
          `[easycars] ${row.type} sync ${id} (dealership ${row.dealership}, ${row.trigger}) finished: ${input.status} — ${shown} in ${completedAt.getTime() - startedAt.getTime()} ms`,
        );
      }
      const timings = runTimings(clock?.stop(completedAt.getTime()) ?? [], completedAt.getTime() - startedAt.getTime(), counts);
      const finished = await query().update({
        where: { id },
        data: {
          ...counts,
          timings,
          status: input.status,
          phase: 'done',
          activeKey: null,
          startedAt,
          completedAt,
          durationMs: completedAt.getTime() - startedAt.getTime(),
          apiCalls: input.apiCalls ?? row?.apiCalls ?? 0,
          errorMessage: input.errorMessage ?? null,
          ...errorDetails(input.error),
          itemErrors: capList(input.itemErrors),
          warnings: capList(input.warnings),
          items: capList(input.items),
          requestSummary: input.requestSummary ? redactValue(input.requestSummary) : null,
          responseSummary: input.responseSummary ? redactValue(input.responseSummary) : null,
        },
      });
      if (row) ranOut({ ...row, status: input.status, durationMs: completedAt.getTime() - startedAt.getTime(), counts, errorMessage: input.errorMessage ?? null, phases: timings.phases });
      return finished;
    },

    async list(filters: { dealership?: string; type?: string; status?: string; page?: number; pageSize?: number }) {
      const where: Record<string, unknown> = {};
      if (filters.dealership) where.dealership = filters.dealership;
      if (filters.type) where.type = filters.type;
      if (filters.status) where.status = filters.status;
      const page = Math.max(1, filters.page ?? 1);
      const pageSize = Math.min(100, Math.max(1, filters.pageSize ?? 10));
      const [results, total] = await Promise.all([
        query().findMany({
          where,
          orderBy: [{ id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
          select: [
            'id', 'dealership', 'type', 'direction', 'trigger', 'triggeredByName', 'status', 'phase', 'progressDone',
            'progressTotal', 'startedAt', 'completedAt', 'durationMs', 'createdAt', 'errorMessage', 'apiCalls',
            ...COUNT_FIELDS,
          ],
        }),
        query().count({ where }),
      ]);
      return { results, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },

    /** Per dealership and type: the last finished run and the active one, for overviews. */
    async summaries(dealerships: string[]) {
      const pick = (log: any) =>
        log
          ? { id: log.id, status: log.status, trigger: log.trigger, startedAt: log.startedAt, completedAt: log.completedAt, durationMs: log.durationMs, fetched: log.fetched, created: log.created, updated: log.updated, removed: log.removed, failed: log.failed, errorMessage: log.errorMessage ?? null }
          : null;
      const out: Record<string, Record<'stock' | 'leads', { last: unknown; active: unknown }>> = {};
      for (const dealership of dealerships) {
        const entry = {} as Record<'stock' | 'leads', { last: unknown; active: unknown }>;
        for (const type of ['stock', 'leads'] as const) {
          const [last, active] = await Promise.all([
            service.latest(dealership, type, ['success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled']),
            service.findActive(dealership, type),
          ]);
          entry[type] = { last: pick(last), active: pick(active) };
        }
        out[dealership] = entry;
      }
      return out;
    },

    async latest(dealership: string, type: SyncType, statuses?: SyncStatus[]) {
      const where: Record<string, unknown> = { dealership, type };
      if (statuses) where.status = { $in: statuses };
      return query().findOne({ where, orderBy: { id: 'desc' } });
    },

    /**
     * Closes runs that can no longer finish: with an in-process queue every active run
     * at start-up is orphaned (`everyActive`); with a shared queue only running ones whose
     * heartbeat is older than `staleMs` (their instance stopped). Answers the runs it closed.
     */
    async closeInterrupted(options: { everyActive: true } | { everyActive: false; staleMs: number }): Promise<InterruptedRun[]> {
      const where: Record<string, unknown> = { status: { $in: ACTIVE } };
      if (!options.everyActive) {
        where.$or = [
          { status: 'running', heartbeatAt: { $lt: new Date(Date.now() - options.staleMs) } },
          { status: 'running', heartbeatAt: { $null: true } },
        ];
      }
      const stale = (await query().findMany({ where, select: INTERRUPTED_RUN_FIELDS })) as InterruptedRun[];
      return service.closeAsInterrupted(stale);
    },

    /** Runs still queued that were created before `cutoff` (a sweep then asks the queue whether their jobs exist). */
    async queuedBefore(cutoff: Date): Promise<InterruptedRun[]> {
      return (await query().findMany({
        where: { status: 'queued', createdAt: { $lt: cutoff } },
        select: INTERRUPTED_RUN_FIELDS,
      })) as InterruptedRun[];
    },

    /** Closes these active runs as interrupted; answers the ones this call closed (another instance may have been first). */
    async closeAsInterrupted(runs: InterruptedRun[]): Promise<InterruptedRun[]> {
      const closed: InterruptedRun[] = [];
      for (const log of runs) {
        // Taken in one conditional update: every instance sweeps, only one closes (and re-queues) each run.
        const taken = await query().updateMany({ where: { id: log.id, status: log.status, activeKey: { $notNull: true } }, data: { activeKey: null } });
        if (Number(taken?.count ?? 0) !== 1) continue;
        await service.finish(log.id, {
          status: 'interrupted',
          errorMessage:
            log.status === 'queued'
              ? 'Strapi stopped before this sync started. Nothing was changed; run it again.'
              : `Strapi stopped while this sync was running${log.instanceId ? ` (instance ${log.instanceId})` : ''}. Every batch it finished is kept; run it again to complete it.`,
        });
        closed.push(log);
      }
      return closed;
    },

    /** Ids of the finished runs created before `cutoff`, oldest first. */
    async finishedBefore(cutoff: Date): Promise<number[]> {
      const rows = (await query().findMany({ where: { createdAt: { $lt: cutoff }, status: { $notIn: ACTIVE } }, select: ['id'], orderBy: { id: 'asc' } })) as Array<{ id: number }>;
      return rows.map((r) => r.id);
    },

    /** Deletes runs with their items, 500 at a time; answers how many runs went. */
    async deleteRuns(ids: number[]): Promise<number> {
      let count = 0;
      for (let i = 0; i < ids.length; i += ITEM_CHUNK) {
        const chunk = ids.slice(i, i + ITEM_CHUNK);
        await items_().deleteMany({ where: { syncLogId: { $in: chunk } } });
        count += Number((await query().deleteMany({ where: { id: { $in: chunk } } }))?.count ?? 0);
      }
      return count;
    },

    /** Retention without archiving: finished runs older than `days`, with their items. */
    async deleteOlderThan(days: number): Promise<{ count: number }> {
      return { count: await service.deleteRuns(await service.finishedBefore(new Date(Date.now() - days * 86_400_000))) };
    },
  };
  return service;
};
