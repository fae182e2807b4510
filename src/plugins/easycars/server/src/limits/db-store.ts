import type { Core } from '@strapi/strapi';
import { RateLimiterRes, type IRateLimiterOptions } from 'rate-limiter-flexible';
// The package exports the abstract store class in its types only; at run time it is this file.
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract';
import { pluginUid } from '../utils/plugin';

interface StoredPoints {
  points: number;
  expire: number | null;
}

/**
 * rate-limiter-flexible store on the plugin's own hidden table (content type `rate-limit`), through
 * Strapi's Knex connection, so every Strapi instance sharing the database shares the limits.
 *
 * Why not the package's RateLimiterPostgres / RateLimiterSQLite: they create a table of their own
 * outside Strapi's schema (invisible to migrations and the host's table prefixing) and the SQLite
 * one borrows raw driver connections from Knex's pool. One `INSERT … ON CONFLICT … DO UPDATE …
 * RETURNING` statement is atomic and reads the same on PostgreSQL and SQLite (3.35+).
 */
export class StrapiDbRateLimiter extends RateLimiterStoreAbstract {
  private readonly strapi: Core.Strapi;

  constructor(strapi: Core.Strapi, opts: IRateLimiterOptions) {
    super({ ...opts, storeClient: strapi.db.connection });
    this.strapi = strapi;
  }

  private table() {
    const meta = this.strapi.db.metadata.get(pluginUid('rate-limit'));
    return { table: meta.tableName, key: (meta.attributes.limiterKey as { columnName?: string }).columnName ?? 'limiter_key' };
  }

  private knex() {
    return this.strapi.db.connection;
  }

  private static row(raw: unknown): StoredPoints | null {
    const rows: any[] = Array.isArray(raw) ? raw : ((raw as { rows?: any[] })?.rows ?? []);
    const row = rows[0];
    if (!row) return null;
    // PostgreSQL returns bigint columns as strings.
    return { points: Number(row.points), expire: row.expire == null ? null : Number(row.expire) };
  }

  async _upsert(rlKey: string, points: number, msDuration: number, forceExpire = false): Promise<StoredPoints> {
    const { table, key } = this.table();
    const now = Date.now();
    const newExpire = msDuration > 0 ? now + msDuration : null;
    const t = `"${table}"`;
    const expireSql = forceExpire ? '?' : `CASE WHEN ${t}.expire <= ? THEN ? ELSE ${t}.expire END`;
    const expireBindings = forceExpire ? [newExpire] : [now, newExpire];
    const result = await this.knex().raw(
      `INSERT INTO ${t} ("${key}", points, expire) VALUES (?, ?, ?)
         ON CONFLICT ("${key}") DO UPDATE SET
           points = CASE WHEN (${t}.expire <= ? OR ${forceExpire ? '1=1' : '1=0'}) THEN ? ELSE ${t}.points + ? END,
           expire = ${expireSql}
         RETURNING points, expire`,
      [rlKey, points, newExpire, now, points, points, ...expireBindings],
    );
    const row = StrapiDbRateLimiter.row(result);
    if (!row) throw new Error(`Rate limit store: no row returned for ${rlKey}`);
    return row;
  }

  async _get(rlKey: string): Promise<StoredPoints | null> {
    const { table, key } = this.table();
    const row = await this.knex()(table)
      .select('points', 'expire')
      .where(key, rlKey)
      .andWhere((q: any) => q.where('expire', '>', Date.now()).orWhereNull('expire'))
      .first();
    return row ? StrapiDbRateLimiter.row([row]) : null;
  }

  async _delete(rlKey: string): Promise<boolean> {
    const { table, key } = this.table();
    return (await this.knex()(table).where(key, rlKey).del()) > 0;
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, row: StoredPoints): RateLimiterRes {
    const isFirstInDuration = changedPoints === row.points;
    const consumedPoints = isFirstInDuration ? changedPoints : row.points;
    const msBeforeNext = row.expire ? Math.max(row.expire - Date.now(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - consumedPoints, 0), msBeforeNext, consumedPoints, isFirstInDuration);
  }
}

/** Removes rows whose window ended more than an hour ago (the table only grows otherwise). */
export async function clearExpiredLimits(strapi: Core.Strapi): Promise<number> {
  const meta = strapi.db.metadata.get(pluginUid('rate-limit'));
  return strapi.db.connection(meta.tableName).where('expire', '<', Date.now() - 3_600_000).del();
}
