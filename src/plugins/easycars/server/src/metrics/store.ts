/**
 * The rollup table (content type `metric-rollup`): one row per (period, bucket start, dealership,
 * type). Every instance adds its own counts to the same row, so a flush merges inside a
 * transaction that holds the row (PostgreSQL: SELECT … FOR UPDATE; SQLite: one writer at a time).
 */
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';
import { emptyRollup, mergeRollups, type Rollup } from './rollup';

export type Period = 'hour' | 'day';
export type RollupType = 'stock' | 'leads';

export interface RollupKey {
  period: Period;
  bucketStart: number;
  dealership: string;
  type: RollupType;
}

export interface StoredRollup extends RollupKey {
  data: Rollup;
}

const columns = (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(pluginUid('metric-rollup'));
  const col = (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name;
  return { table: meta.tableName, bucketStart: col('bucketStart'), dealership: 'dealership', type: 'type', period: 'period', data: 'data' };
};

const parse = (value: unknown): Partial<Rollup> | null => {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (JSON.parse(value) as Partial<Rollup>) : (value as Partial<Rollup>);
};

/** Adds `delta` to the stored row of `key` (creating it), on every supported database. */
export async function addToRollup(strapi: Core.Strapi, key: RollupKey, delta: Rollup): Promise<void> {
  const c = columns(strapi);
  const knex = strapi.db.connection;
  const isPostgres = knex.client.config.client === 'postgres' || knex.client.config.client === 'pg';
  const where = { [c.period]: key.period, [c.bucketStart]: key.bucketStart, [c.dealership]: key.dealership, [c.type]: key.type };
  await knex.transaction(async (trx: any) => {
    const now = new Date();
    await trx(c.table)
      .insert({ ...where, [c.data]: JSON.stringify(emptyRollup()), document_id: `${key.period}-${key.bucketStart}-${key.dealership}-${key.type}`.slice(0, 255), created_at: now, updated_at: now })
      .onConflict([c.period, c.bucketStart, c.dealership, c.type])
      .ignore();
    let select = trx(c.table).select('id', c.data).where(where).first();
    if (isPostgres) select = select.forUpdate();
    const row = await select;
    const merged = mergeRollups(mergeRollups(emptyRollup(), parse(row?.[c.data])), delta);
    await trx(c.table).where({ id: row.id }).update({ [c.data]: JSON.stringify(merged), updated_at: now });
  });
}

/** Rollups of `period` since `since` (epoch ms), for some dealerships and optionally one type. */
export async function readRollups(
  strapi: Core.Strapi,
  filter: { period: Period; since: number; dealerships: string[]; type?: RollupType },
): Promise<StoredRollup[]> {
  if (!filter.dealerships.length) return [];
  const c = columns(strapi);
  let q = strapi.db
    .connection(c.table)
    .select(c.period, c.bucketStart, c.dealership, c.type, c.data)
    .where(c.period, filter.period)
    .where(c.bucketStart, '>=', filter.since)
    .whereIn(c.dealership, filter.dealerships);
  if (filter.type) q = q.where(c.type, filter.type);
  const rows = (await q.orderBy(c.bucketStart, 'asc')) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    period: r[c.period] as Period,
    bucketStart: Number(r[c.bucketStart]),
    dealership: String(r[c.dealership]),
    type: r[c.type] as RollupType,
    data: mergeRollups(emptyRollup(), parse(r[c.data])),
  }));
}

/** Deletes rollups whose bucket started before `cutoff` (epoch ms); answers how many went. */
export async function deleteRollupsBefore(strapi: Core.Strapi, cutoff: number): Promise<number> {
  const c = columns(strapi);
  return Number(await strapi.db.connection(c.table).where(c.bucketStart, '<', cutoff).del());
}
