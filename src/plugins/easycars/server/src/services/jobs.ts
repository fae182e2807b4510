import type { Core } from '@strapi/strapi';
import { createMemoryQueue } from '../jobs/memory-queue';
import { createPgBossQueue, type PgBossConnection } from '../jobs/pgboss-queue';
import type { JobHandler, JobQueue, SendOptions } from '../jobs/types';
import { SyncCancelled, type SyncTrigger, type SyncType } from '../sync-logs/types';
import type { PluginConfig } from '../config/schema';
import { getConfig, getService } from '../utils/plugin';

export interface SyncJobData {
  dealership: string;
  syncLogId: number;
  trigger: SyncTrigger;
  /** A stock run limited to these stock numbers (reconciliation's "Sync from EasyCars"). */
  only?: string[];
  /** What a run of another kind works on (a bulk conflict resolution: which conflicts, which side). */
  params?: Record<string, unknown>;
}
export type SyncHandler = (job: SyncJobData) => Promise<void>;

export type EnqueueResult = { accepted: true; syncLogId: number } | { accepted: false; syncLogId: number | null };

const syncQueueName = (type: SyncType) => `easycars-sync-${type}`;
/** Run types whose interrupted runs are queued again by themselves (the others are started by a person with their own choices). */
const RERUN_AFTER_INTERRUPTION: SyncType[] = ['stock', 'leads'];

/**
 * The plugin's job runner. Syncs never run inside a request: triggers create a queued sync
 * log and send a job; a worker (on whichever Strapi instance takes it) runs the handler.
 * pg-boss on PostgreSQL (shared by every instance), an in-process queue on SQLite.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: JobQueue | undefined;
  let started = false;
  const syncHandlers = new Map<SyncType, SyncHandler>();
  const jobHandlers = new Map<string, { handler: JobHandler; concurrency: number }>();
  const running = new Set<number>();
  let heartbeatTimer: NodeJS.Timeout | undefined;

  const logs = () => getService(strapi, 'syncLogs');
  const syncConfig = () => getConfig<PluginConfig['sync']>(strapi, 'sync');

  /**
   * Every job runs outside any request: the in-process queue starts a job inside the request that
   * queued it (or that finished the job before it), and Strapi's request context would follow it,
   * so a background sync would act as that admin (the dealership guards would judge it as them).
   */
  const outsideRequests = <T>(handler: JobHandler<T>): JobHandler<T> => (data: T) =>
    strapi.requestContext.run(undefined as any, () => handler(data)) as Promise<void>;

  const chooseQueue = (): JobQueue => {
    const setting = getConfig<PluginConfig['sync']>(strapi, 'sync').queue;
    const client = strapi.db.dialect.client as string;
    const usePgBoss = setting === 'pg-boss' || (setting === 'auto' && (client === 'postgres' || client === 'pg'));
    const onError = (name: string, error: unknown) =>
      strapi.log.error(`[easycars] job ${name} failed: ${(error as Error)?.message ?? String(error)}`);
    if (!usePgBoss) return createMemoryQueue(onError);
    const conn = strapi.config.get('database.connection.connection') as PgBossConnection & { schema?: string };
    return createPgBossQueue(
      conn.connectionString
        ? { connectionString: conn.connectionString, ssl: conn.ssl || undefined }
        : { host: conn.host, port: conn.port, database: conn.database, user: conn.user, password: conn.password, ssl: conn.ssl || undefined },
      onError,
    );
  };

  const runSync = (type: SyncType) => async (data: SyncJobData) => {
    const handler = syncHandlers.get(type);
    running.add(data.syncLogId);
    try {
      if (!handler) throw new Error(`No handler is registered for ${type} syncs.`);
      await handler(data);
    } catch (error) {
      if (error instanceof SyncCancelled) {
        strapi.log.info(`[easycars] ${type} sync ${data.syncLogId} for dealership ${data.dealership} stopped: it was cancelled`);
        return;
      }
      strapi.log.error(`[easycars] ${type} sync ${data.syncLogId} for dealership ${data.dealership} failed: ${(error as Error).message}`);
      const log = await logs().get(data.syncLogId);
      if (log && (log.status === 'running' || log.status === 'queued')) {
        await logs().finish(data.syncLogId, { status: 'failed', errorMessage: (error as Error).message, error });
      }
    } finally {
      running.delete(data.syncLogId);
    }
  };

  /**
   * Runs queued longer than `staleMs` ago whose job is not in the shared queue: the instance that created the run
   * stopped before it sent the job, so nothing would ever start it and the dealership would stay blocked. (A run
   * merely waiting in a long backlog still has its job.) The in-process queue closes such runs at start instead.
   */
  const queuedWithoutJob = async (staleMs: number) => {
    if (!queue?.pendingData) return [];
    const old = await logs().queuedBefore(new Date(Date.now() - staleMs));
    if (!old.length) return [];
    const pending = new Set<number>();
    for (const type of new Set(old.map((run) => run.type))) {
      for (const data of await queue.pendingData(syncQueueName(type))) pending.add(Number((data as Partial<SyncJobData>)?.syncLogId));
    }
    return old.filter((run) => !pending.has(run.id));
  };

  const service = {
    queueKind(): 'pg-boss' | 'memory' | undefined {
      return queue?.kind;
    },

    registerSyncHandler(type: SyncType, handler: SyncHandler) {
      syncHandlers.set(type, handler);
    },

    registerJob<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}) {
      const detached = outsideRequests(handler as JobHandler);
      jobHandlers.set(name, { handler: detached, concurrency: options.concurrency ?? 2 });
      if (started && queue) void queue.work(name, detached, { concurrency: options.concurrency ?? 2 });
    },

    async sendJob<T>(name: string, data: T, options?: SendOptions) {
      if (!queue) throw new Error('The EasyCars job queue is not started yet.');
      return queue.send(name, data, options);
    },

    /** Starts the queue and the workers. Called from bootstrap once every handler is registered. */
    async start() {
      if (started) return;
      queue = chooseQueue();
      await queue.start();
      // An in-process queue loses its jobs with the process; a shared one keeps them, so
      // only runs whose instance stopped heart-beating are closed (and run again).
      if (queue.kind === 'memory') {
        const closed = await logs().closeInterrupted({ everyActive: true });
        if (closed.length) strapi.log.warn(`[easycars] closed ${closed.length} sync run(s) left unfinished by a previous stop as interrupted`);
      } else {
        await service.recoverInterrupted();
      }
      const concurrency = getConfig<PluginConfig['sync']>(strapi, 'sync').concurrency;
      for (const type of ['stock', 'leads', 'reconciliation', 'conflicts'] as SyncType[]) await queue.work(syncQueueName(type), outsideRequests(runSync(type)), { concurrency });
      for (const [name, { handler, concurrency: c }] of jobHandlers) await queue.work(name, handler, { concurrency: c });
      heartbeatTimer = setInterval(() => {
        logs()
          .heartbeat([...running])
          .catch(() => undefined);
      }, syncConfig().heartbeatMs);
      heartbeatTimer.unref();
      started = true;
      strapi.log.info(`[easycars] job queue started (${queue.kind})`);
    },

    /**
     * Runs left `running` by an instance that stopped (SIGKILL, crash, lost host: its heartbeat went stale) are
     * closed as interrupted, and a stock or lead run among them is queued once more (trigger `retry`) on whichever
     * instance takes the job: every batch it finished is kept, the new run completes the rest. A retry that is
     * itself interrupted is not queued again, so a run that kills its instance cannot loop. Any instance may call
     * this (the scheduler tick does); each run is closed and re-queued by exactly one of them.
     */
    async recoverInterrupted(): Promise<number> {
      const { staleRunMs } = syncConfig();
      const closed = await logs().closeInterrupted({ everyActive: false, staleMs: staleRunMs });
      closed.push(...(await logs().closeAsInterrupted(await queuedWithoutJob(staleRunMs))));
      for (const run of closed) {
        const again = RERUN_AFTER_INTERRUPTION.includes(run.type) && run.trigger !== 'retry';
        const result = again ? await service.enqueueSync({ dealership: run.dealership, type: run.type, trigger: 'retry' }) : null;
        strapi.log.warn(
          `[easycars] ${run.type} sync ${run.id} for dealership ${run.dealership} was left unfinished by instance ${run.instanceId ?? '(unknown)'}: closed as interrupted` +
            (result?.accepted ? `, queued again as sync ${result.syncLogId}` : result ? `; sync ${result.syncLogId} is already queued or running` : ''),
        );
      }
      return closed.length;
    },

    async stop() {
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      if (queue) await queue.stop();
      started = false;
    },

    /**
     * Stops the dealership's syncs: queued ones never start, running ones stop at their next step, on every
     * instance (the sync log in the database is the signal; see syncLogs.cancelActive). Answers how many.
     */
    async cancelForDealership(dealership: string, reason: string): Promise<number> {
      const cancelled = await logs().cancelActive(dealership, reason);
      if (cancelled) strapi.log.info(`[easycars] cancelled ${cancelled} sync run(s) of dealership ${dealership}: ${reason}`);
      return cancelled;
    },

    /**
     * Queues a sync unless one of the same type is already queued or running for the
     * dealership (then answers with that run's log id).
     */
    async enqueueSync(input: {
      dealership: string;
      type: SyncType;
      trigger: SyncTrigger;
      actor?: { id: number; name: string } | null;
      scheduleSlot?: string | null;
      only?: string[];
      params?: Record<string, unknown>;
    }): Promise<EnqueueResult> {
      if (!queue) throw new Error('The EasyCars job queue is not started yet.');
      const log = await logs().createIfIdle({
        dealership: input.dealership,
        type: input.type,
        direction: input.type === 'leads' || input.type === 'conflicts' ? 'both' : 'inbound',
        trigger: input.trigger,
        actor: input.actor,
        scheduleSlot: input.scheduleSlot,
      });
      if (!log) {
        const active = await logs().findActive(input.dealership, input.type);
        return { accepted: false, syncLogId: active?.id ?? null };
      }
      const data: SyncJobData = { dealership: input.dealership, syncLogId: log.id, trigger: input.trigger, ...(input.only ? { only: input.only } : {}), ...(input.params ? { params: input.params } : {}) };
      try {
        await queue.send<SyncJobData>(syncQueueName(input.type), data);
      } catch (error) {
        // Without its job the run would stay queued and block the dealership's next trigger: close it, say why.
        const message = `The sync could not be queued: ${(error as Error)?.message ?? String(error)}`;
        await logs().finish(log.id, { status: 'failed', errorMessage: message, error });
        throw new Error(message);
      }
      return { accepted: true, syncLogId: log.id };
    },
  };
  return service;
};
