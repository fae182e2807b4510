import type { Core } from '@strapi/strapi';
import type { CredentialRow } from '../credentials/types';
import type { PluginConfig } from '../config/schema';
import { nextRun, previousRun, type ScheduleSetting } from '../schedule/cron-for';
import type { SyncType } from '../sync-logs/types';
import { getConfig, getService } from '../utils/plugin';
import { forgetDealership } from '../dealerships/forget-deleted';
import { applyRetention } from '../history/retention';

export const SCHEDULER_CRON_NAME = 'easycars-scheduler';

export const scheduleOf = (row: CredentialRow, type: 'stock' | 'leads'): ScheduleSetting =>
  type === 'stock'
    ? { kind: row.stockSchedule, time: row.stockScheduleTime, cron: row.stockScheduleCron }
    : { kind: row.leadSchedule, time: row.leadScheduleTime, cron: row.leadScheduleCron };

const enabledFor = (row: CredentialRow, type: 'stock' | 'leads') =>
  row.isActive && (type === 'stock' ? row.stockSyncEnabled : row.leadSyncEnabled);

/** Scheduled reconciliations run at 03:00 local time, daily or on Sundays; null when off. */
export const reconciliationScheduleOf = (row: CredentialRow): ScheduleSetting | null =>
  row.reconciliationSchedule === 'daily'
    ? { kind: 'daily', time: '03:00', cron: null }
    : row.reconciliationSchedule === 'weekly'
      ? { kind: 'custom', time: null, cron: '0 3 * * 0' }
      : null;

/**
 * Strapi's cron calls tick() every minute; it only enqueues syncs that are due. The
 * schedule slot (the due fire time) is stored on the sync log under a unique key, so when
 * several Strapi instances tick at once exactly one of them enqueues each slot.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const timezoneOf = async (dealership: string) =>
    (await getService(strapi, 'access').findDealership(dealership))?.timezone ?? 'Australia/Sydney';

  let lastRetentionRun = 0;
  const retention = async (now: Date) => {
    if (now.getTime() - lastRetentionRun < 3_600_000) return;
    lastRetentionRun = now.getTime();
    try {
      const { removed, archive } = await applyRetention(strapi, now);
      if (removed) strapi.log.info(`[easycars] removed ${removed} old sync run(s) from the history${archive ? `, archived first as ${archive.name} in the media library` : ''}`);
    } catch (error) {
      strapi.log.error(`[easycars] sync history retention failed, nothing was removed: ${(error as Error).message}`);
    }
  };

  let lastRollupPrune = 0;
  const monitoring = async (now: Date) => {
    await getService(strapi, 'alerts')
      .evaluateDue(now)
      .catch((error) => strapi.log.error(`[easycars] alert evaluation failed: ${(error as Error).message}`));
    if (now.getTime() - lastRollupPrune < 86_400_000) return;
    lastRollupPrune = now.getTime();
    await getService(strapi, 'metrics')
      .prune(now.getTime())
      .then((n) => n && strapi.log.info(`[easycars] removed ${n} metric rollup(s) past their retention`))
      .catch((error) => strapi.log.error(`[easycars] metric rollup retention failed: ${(error as Error).message}`));
  };

  const service = {
    isGloballyDisabled(): boolean {
      return getConfig<PluginConfig['sync']>(strapi, 'sync').disabled;
    },

    async nextRunFor(row: CredentialRow, type: 'stock' | 'leads', now = new Date()): Promise<Date | null> {
      if (service.isGloballyDisabled() || !enabledFor(row, type)) return null;
      try {
        return nextRun(scheduleOf(row, type), await timezoneOf(row.dealership), now);
      } catch {
        return null;
      }
    },

    async tick(now = new Date()): Promise<Array<{ dealership: string; type: SyncType; syncLogId: number }>> {
      getService(strapi, 'metrics').heartbeat().schedulerTicked(now);
      // Runs and lead pushes orphaned by an instance that stopped would block their dealership forever.
      await getService(strapi, 'jobs')
        .recoverInterrupted()
        .catch((error) => strapi.log.error(`[easycars] could not close the runs of a stopped instance: ${(error as Error).message}`));
      await getService(strapi, 'leadSync')
        .resumeStalePushes()
        .catch((error) => strapi.log.error(`[easycars] could not re-queue the lead pushes of a stopped instance: ${(error as Error).message}`));
      await retention(now);
      await monitoring(now);
      if (service.isGloballyDisabled()) return [];
      const enqueued: Array<{ dealership: string; type: SyncType; syncLogId: number }> = [];
      const credentials = await getService(strapi, 'credentials').findAll({ isActive: true });
      for (const row of credentials) {
        const reconciliation = row.isActive ? reconciliationScheduleOf(row) : null;
        if (!enabledFor(row, 'stock') && !enabledFor(row, 'leads') && !reconciliation) continue;
        const dealer = await getService(strapi, 'access').findDealership(row.dealership);
        if (!dealer) {
          // Left by a dealership deleted before its deletion removed the connection (or behind Strapi's back).
          strapi.log.warn(`[easycars] credential ${row.id} belongs to dealership ${row.dealership}, which no longer exists: removed, nothing scheduled`);
          await forgetDealership(strapi, row.dealership, null).catch((error) =>
            strapi.log.error(`[easycars] could not remove the orphan credential ${row.id}: ${(error as Error).message}`),
          );
          continue;
        }
        const timezone = dealer.timezone ?? 'Australia/Sydney';
        for (const type of ['stock', 'leads', 'reconciliation'] as const) {
          const setting = type === 'reconciliation' ? reconciliation : enabledFor(row, type) ? scheduleOf(row, type) : null;
          if (!setting) continue;
          try {
            const due = previousRun(setting, timezone, now);
            // Only slots after the connection was made: saving credentials at 09:00 does not
            // immediately run "today's 02:00".
            if (due.getTime() < new Date(row.createdAt).getTime()) continue;
            const result = await getService(strapi, 'jobs').enqueueSync({
              dealership: row.dealership,
              type,
              trigger: 'schedule',
              scheduleSlot: due.toISOString(),
            });
            if (result.accepted) {
              enqueued.push({ dealership: row.dealership, type, syncLogId: result.syncLogId });
              strapi.log.info(`[easycars] scheduled ${type} sync queued for dealership ${row.dealership} (slot ${due.toISOString()}, log ${result.syncLogId})`);
            }
          } catch (error) {
            // One dealership's bad schedule never stops the others.
            strapi.log.error(`[easycars] could not schedule ${type} sync for dealership ${row.dealership}: ${(error as Error).message}`);
          }
        }
      }
      return enqueued;
    },

    register() {
      // Strapi starts its cron service even when server.cron.enabled is false (that switch only
      // governs config/cron-tasks), so the scheduler honours it itself.
      if (!strapi.config.get('server.cron.enabled', true)) {
        strapi.log.info('[easycars] scheduled syncs are off: Strapi cron is disabled (server.cron.enabled / CRON_ENABLED)');
        return;
      }
      const cronExpr = getConfig<PluginConfig['sync']>(strapi, 'sync').schedulerCron;
      strapi.cron.add({
        [SCHEDULER_CRON_NAME]: {
          task: async () => {
            await service.tick().catch((error) => strapi.log.error(`[easycars] scheduler tick failed: ${(error as Error).message}`));
          },
          options: cronExpr,
        },
      });
    },

    unregister() {
      strapi.cron.remove(SCHEDULER_CRON_NAME);
    },
  };
  return service;
};
