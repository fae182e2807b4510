import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { adminUser, conflict, requiredDealership } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { parseInput } from '../utils/validate';
import { scheduleOf } from '../services/scheduler';

const SYNC_TYPES = ['stock', 'leads'] as const;

const listQuery = z
  .object({
    dealership: z.string().min(1).optional(),
    type: z.enum(['stock', 'leads', 'images', 'reconciliation', 'conflicts']).optional(),
    status: z.enum(['queued', 'running', 'success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled']).optional(),
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');

  return {
    /** POST /easycars/sync/:type { dealership } → 202 with the sync log id, or 409 with the running one's. */
    async trigger(ctx: any) {
      const type = ctx.params.type;
      if (!SYNC_TYPES.includes(type)) throw new errors.NotFoundError(`Unknown sync type "${type}": use stock or leads.`);
      const user = adminUser(ctx);
      const dealership = requiredDealership(ctx);
      const credential = await getService(strapi, 'credentials').findByDealership(dealership.documentId);
      if (!credential) throw new errors.ValidationError(`${dealership.name} has no EasyCars credentials yet: add them under EasyCars → Credentials.`);
      if (!credential.isActive) throw new errors.ValidationError(`${dealership.name}'s EasyCars connection is switched off (inactive).`);
      const result = await getService(strapi, 'jobs').enqueueSync({
        dealership: dealership.documentId,
        type,
        trigger: 'manual',
        actor: { id: user.id, name: access().actorName(user) },
      });
      if (!result.accepted) {
        return conflict(ctx, `A ${type} sync is already queued or running for ${dealership.name}.`, { syncLogId: result.syncLogId });
      }
      ctx.status = 202;
      ctx.body = { data: { syncLogId: result.syncLogId, status: 'queued' } };
    },

    /** GET /easycars/sync/status?dealership= → per type: schedule, next run, last run, active run. */
    async status(ctx: any) {
      const dealership = requiredDealership(ctx);
      const credential = await getService(strapi, 'credentials').findByDealership(dealership.documentId);
      const logs = getService(strapi, 'syncLogs');
      const scheduler = getService(strapi, 'scheduler');
      const data: Record<string, unknown> = { dealership, configured: Boolean(credential), globallyDisabled: scheduler.isGloballyDisabled() };
      for (const type of SYNC_TYPES) {
        const [active, last, lastSuccess] = await Promise.all([
          logs.findActive(dealership.documentId, type),
          logs.latest(dealership.documentId, type, ['success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled']),
          logs.latest(dealership.documentId, type, ['success', 'warning', 'partial']),
        ]);
        data[type] = {
          enabled: Boolean(credential?.isActive && (type === 'stock' ? credential.stockSyncEnabled : credential.leadSyncEnabled)),
          schedule: credential ? scheduleOf(credential, type) : null,
          nextRunAt: credential ? await scheduler.nextRunFor(credential, type) : null,
          active: active ?? null,
          last: last ?? null,
          lastSuccessAt: lastSuccess?.completedAt ?? null,
        };
      }
      ctx.body = { data };
    },

    /** GET /easycars/sync-logs?dealership&type&status&page&pageSize */
    async listLogs(ctx: any) {
      const { dealership, ...filters } = parseInput(listQuery, ctx.query, 'query');
      const user = adminUser(ctx);
      if (dealership) {
        ctx.body = await getService(strapi, 'syncLogs').list({ dealership, ...filters });
        return;
      }
      if (!access().isSuperAdmin(user)) {
        throw new errors.ValidationError('dealership is required: name the dealership whose sync logs you want.');
      }
      ctx.body = await getService(strapi, 'syncLogs').list(filters);
    },

    /** GET /easycars/sync-logs/:id — the whole log, with live progress while running. */
    async getLog(ctx: any) {
      const id = Number(ctx.params.id);
      if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('id must be a positive whole number.');
      const log = await getService(strapi, 'syncLogs').get(id);
      if (!log || log.dealership !== requiredDealership(ctx).documentId) throw new errors.NotFoundError(`Sync log ${id} not found.`);
      const { activeKey, instanceId, errorStack, ...rest } = log;
      // The stack of an internal failure is for Super Admins only (file paths, library internals).
      const superAdmin = getService(strapi, 'access').isSuperAdmin(adminUser(ctx));
      ctx.body = { data: superAdmin ? { ...rest, errorStack } : rest };
    },
  };
};
