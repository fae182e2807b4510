import type { Core } from '@strapi/strapi';
import type { AuditEntryView, AuditFilters, AuditPage, AuditResult } from '../../../shared/audit';
import { dateRange } from '../history/filters';
import { getService, pluginUid } from '../utils/plugin';

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

  /**
   * The trail for the admin, newest first. `scope`: the dealerships the caller may see (null: a Super
   * Admin, who also sees site-wide entries); entries of other dealerships never match.
   */
  async page(filters: AuditFilters, scope: string[] | null, paging: { page?: number; pageSize?: number } = {}): Promise<AuditPage> {
    const query = strapi.db.query(pluginUid('audit-entry'));
    const where: Record<string, unknown>[] = [];
    if (scope) where.push({ dealership: { $in: scope } });
    if (filters.dealership) where.push({ dealership: filters.dealership });
    if (filters.action) where.push(filters.action.endsWith('.') ? { action: { $startsWith: filters.action } } : { action: filters.action });
    if (filters.actor) where.push({ actorName: { $containsi: filters.actor } });
    if (filters.result) where.push({ result: filters.result });
    const range = dateRange(filters.from, filters.to);
    if (range) where.push({ createdAt: range });
    const page = Math.max(1, paging.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, paging.pageSize ?? 25));
    const matching = where.length ? { $and: where } : {};
    const [rows, total, actionRows] = await Promise.all([
      query.findMany({ where: matching, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      query.count({ where: matching }),
      strapi.db
        .connection(strapi.db.metadata.get(pluginUid('audit-entry')).tableName)
        .modify((q: any) => (scope ? q.whereIn('dealership', scope) : q))
        .distinct('action')
        .orderBy('action'),
    ]);
    const names = new Map<string, string>();
    for (const id of new Set((rows as Array<{ dealership: string | null }>).map((r) => r.dealership).filter((d): d is string => Boolean(d)))) {
      names.set(id, (await getService(strapi, 'access').findDealership(id))?.name ?? id);
    }
    const results: AuditEntryView[] = (rows as any[]).map((r) => ({
      id: r.id,
      createdAt: new Date(r.createdAt).toISOString(),
      dealership: r.dealership ?? null,
      dealershipName: r.dealership ? (names.get(r.dealership) ?? r.dealership) : null,
      action: r.action,
      entityType: r.entityType ?? null,
      entityId: r.entityId ?? null,
      actorName: r.actorName ?? null,
      changedFields: Array.isArray(r.changedFields) ? r.changedFields : [],
      result: r.result as AuditResult,
      message: r.message ?? null,
    }));
    return { results, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) }, actions: (actionRows as Array<{ action: string }>).map((a) => a.action) };
  },

  async list(filters: { dealership?: string; entityType?: string; entityId?: string; limit?: number }) {
    const where: Record<string, unknown> = {};
    if (filters.dealership) where.dealership = filters.dealership;
    if (filters.entityType) where.entityType = filters.entityType;
    if (filters.entityId) where.entityId = filters.entityId;
    return strapi.db.query(pluginUid('audit-entry')).findMany({ where, orderBy: { id: 'desc' }, limit: filters.limit ?? 50 });
  },
});
