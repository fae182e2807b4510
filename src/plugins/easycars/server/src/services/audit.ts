import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';

export interface AuditInput {
  dealership?: string | null;
  action: string;
  entityType?: string;
  entityId?: string | number | null;
  actor?: { id: number; name: string } | null;
  changedFields?: string[];
  result: 'success' | 'failure' | 'info';
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * The audit trail: who did what to a connection or a lead's status, and the result.
 * Callers pass field NAMES in changedFields, never values of secrets.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(input: AuditInput) {
    const entry = await strapi.db.query(pluginUid('audit-entry')).create({
      data: {
        dealership: input.dealership ?? null,
        action: input.action,
        entityType: input.entityType ?? null,
        entityId: input.entityId == null ? null : String(input.entityId),
        actorId: input.actor?.id ?? null,
        actorName: input.actor?.name ?? null,
        changedFields: input.changedFields ?? null,
        result: input.result,
        message: input.message ?? null,
        details: input.details ?? null,
      },
    });
    strapi.log.info(
      `[easycars] audit ${input.action} ${input.result}` +
        (input.dealership ? ` dealership=${input.dealership}` : '') +
        (input.actor ? ` by admin #${input.actor.id}` : '') +
        (input.changedFields?.length ? ` fields=${input.changedFields.join(',')}` : ''),
    );
    return entry;
  },

  async list(filters: { dealership?: string; entityType?: string; entityId?: string; limit?: number }) {
    const where: Record<string, unknown> = {};
    if (filters.dealership) where.dealership = filters.dealership;
    if (filters.entityType) where.entityType = filters.entityType;
    if (filters.entityId) where.entityId = filters.entityId;
    return strapi.db.query(pluginUid('audit-entry')).findMany({ where, orderBy: { id: 'desc' }, limit: filters.limit ?? 50 });
  },
});
