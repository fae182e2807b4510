import type { Core } from '@strapi/strapi';
import type { HistoryFilters, HistoryItem, HistoryPage, HistoryRun } from '../../../shared/history';
import { csvExport, jsonExport } from '../history/export';
import { dateRange } from '../history/filters';
import { RUN_FIELDS, toHistoryRun } from '../history/rows';
import { runsTouching } from '../history/search';
import { pluginUid } from '../utils/plugin';
import { hostConfig } from '../host/config';

const EXPORT_PAGE = 500;

/**
 * The sync history: every run, newest first, filtered and searched on the server, and exported as a
 * stream. `scope` is the caller's dealerships (null: every dealership, Super Admins only); a
 * `dealership` filter has already been checked by the route's policy.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const logs = () => strapi.db.query(pluginUid('sync-log'));

  /** The content-manager edit view of the vehicle or lead an item is about. */
  const entryUrl = (type: string, documentId: string | null): string | null => {
    if (!documentId) return null;
    const { types } = hostConfig(strapi);
    const uid = type === 'stock' ? types.vehicle : type === 'leads' ? types.lead : null;
    return uid ? `/content-manager/collection-types/${uid}/${documentId}` : null;
  };

  const dealershipNames = async (): Promise<Map<string, string>> => {
    const { types, dealership: fields } = hostConfig(strapi);
    const rows = (await strapi.db.query(types.dealership as any).findMany({ select: ['documentId', fields.name] })) as Array<Record<string, string>>;
    return new Map(rows.map((r) => [r.documentId, r[fields.name]]));
  };

  /** The where clause of a filter, or null when nothing can match (a search that touched no run). */
  const whereFor = async (filters: HistoryFilters, scope: string[] | null): Promise<Record<string, unknown> | null> => {
    const where: Record<string, unknown> = {};
    if (filters.dealership) where.dealership = filters.dealership;
    else if (scope) where.dealership = { $in: scope };
    if (filters.type) where.type = filters.type;
    if (filters.status) where.status = filters.status;
    if (filters.trigger) where.trigger = filters.trigger;
    const range = dateRange(filters.from, filters.to);
    if (range) where.createdAt = range;
    if (filters.q) {
      const ids = await runsTouching(strapi, filters.q, filters.dealership ? [filters.dealership] : scope);
      if (!ids.length) return null;
      where.id = { $in: ids };
    }
    return where;
  };

  return {
    async list(filters: HistoryFilters, scope: string[] | null, paging: { page?: number; pageSize?: number } = {}): Promise<HistoryPage> {
      const page = Math.max(1, paging.page ?? 1);
      const pageSize = Math.min(100, Math.max(1, paging.pageSize ?? 25));
      const where = await whereFor(filters, scope);
      if (!where) return { data: [], meta: { pagination: { page, pageSize, pageCount: 0, total: 0 } } };
      const [rows, total, names] = await Promise.all([
        logs().findMany({ select: [...RUN_FIELDS], where, orderBy: [{ id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        logs().count({ where }),
        dealershipNames(),
      ]);
      return {
        data: (rows as Array<Record<string, unknown>>).map((row) => toHistoryRun(row, names)),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** Every record a run touched, paged (the log row itself keeps only the first 500). */
    async items(syncLogId: number, paging: { page?: number; pageSize?: number } = {}) {
      const page = Math.max(1, paging.page ?? 1);
      const pageSize = Math.min(200, Math.max(1, paging.pageSize ?? 50));
      const where = { syncLogId };
      const q = strapi.db.query(pluginUid('sync-item'));
      const [rows, total] = await Promise.all([
        q.findMany({ select: ['ref', 'vin', 'outcome', 'message', 'changes', 'entryDocumentId', 'type'], where, orderBy: [{ id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        q.count({ where }),
      ]);
      return {
        data: (rows as Array<Record<string, any>>).map(
          (r): HistoryItem => ({ ref: r.ref, vin: r.vin ?? null, outcome: r.outcome, message: r.message ?? null, changes: r.changes ?? null, entryUrl: entryUrl(r.type, r.entryDocumentId) }),
        ),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** The filter's runs as CSV or JSON, read 500 at a time (keyset on id) while the response streams. */
    async export(filters: HistoryFilters, scope: string[] | null, format: 'csv' | 'json') {
      const where = await whereFor(filters, scope);
      const names = await dealershipNames();
      async function* pages(): AsyncGenerator<HistoryRun[]> {
        if (!where) return;
        let before: number | null = null;
        for (;;) {
          const rows = (await logs().findMany({
            select: [...RUN_FIELDS],
            where: before === null ? where : { $and: [where, { id: { $lt: before } }] },
            orderBy: [{ id: 'desc' }],
            limit: EXPORT_PAGE,
          })) as Array<Record<string, any>>;
          if (!rows.length) return;
          yield rows.map((row) => toHistoryRun(row, names));
          before = rows[rows.length - 1]!.id;
          if (rows.length < EXPORT_PAGE) return;
        }
      }
      return format === 'csv' ? csvExport(pages) : jsonExport(pages);
    },
  };
};
