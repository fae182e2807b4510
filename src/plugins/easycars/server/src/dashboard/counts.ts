/** Per-dealership counts for the dashboard, one grouped query each (not one per dealership). */
import type { Core } from '@strapi/strapi';

type Counts = Map<string, number>;

/** A datetime column as knex returns it: a Date or ISO string (PostgreSQL) or epoch milliseconds (SQLite). */
const toDate = (value: string | number | Date) => new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

async function grouped(strapi: Core.Strapi, table: string, dealerships: string[], where: (q: any) => any): Promise<Counts> {
  if (!dealerships.length) return new Map();
  const rows = (await where(strapi.db.connection(table).whereIn('dealership', dealerships)).select('dealership').count({ n: '*' }).groupBy('dealership')) as Array<{ dealership: string; n: number | string }>;
  return new Map(rows.map((r) => [r.dealership, Number(r.n)]));
}

/** Open conflicts of both kinds (the conflict inbox): lead fields and status, and vehicle fields under review. */
export async function openConflicts(strapi: Core.Strapi, dealerships: string[]): Promise<Map<string, number>> {
  const [leads, vehicles] = await Promise.all([
    grouped(strapi, 'easycars_lead_conflicts', dealerships, (q) => q.where('state', 'open')),
    grouped(strapi, 'easycars_vehicle_conflicts', dealerships, (q) => q.where('state', 'open')),
  ]);
  const sum = new Map(leads);
  for (const [d, n] of vehicles) sum.set(d, (sum.get(d) ?? 0) + n);
  return sum;
}
export const leadsWaiting = (strapi: Core.Strapi, dealerships: string[]) => grouped(strapi, 'easycars_lead_records', dealerships, (q) => q.whereIn('push_state', ['pending', 'failed']));
export const leadsInReview = (strapi: Core.Strapi, dealerships: string[]) => grouped(strapi, 'easycars_lead_records', dealerships, (q) => q.where('push_state', 'review'));
export const leadsLinked = (strapi: Core.Strapi, dealerships: string[]) => grouped(strapi, 'easycars_lead_records', dealerships, (q) => q.whereNotNull('lead_number'));
export const vehiclesInFeed = (strapi: Core.Strapi, dealerships: string[]) => grouped(strapi, 'easycars_stock_records', dealerships, (q) => q.whereNull('removed_at'));
export const vehiclesRemoved = (strapi: Core.Strapi, dealerships: string[]) => grouped(strapi, 'easycars_stock_records', dealerships, (q) => q.whereNotNull('removed_at'));

/** The newest successful (or partly successful) run's end, per dealership and type. */
export async function lastSuccess(strapi: Core.Strapi, dealerships: string[]): Promise<Map<string, string>> {
  if (!dealerships.length) return new Map();
  const rows = (await strapi.db
    .connection('easycars_sync_logs')
    .whereIn('dealership', dealerships)
    .whereIn('status', ['success', 'warning', 'partial'])
    .select('dealership', 'type')
    .max({ at: 'completed_at' })
    .groupBy('dealership', 'type')) as Array<{ dealership: string; type: string; at: string | number | Date | null }>;
  return new Map(rows.filter((r) => r.at !== null).map((r) => [`${r.dealership}:${r.type}`, toDate(r.at!).toISOString()]));
}

/** Finished runs per UTC day, type and status since `since`. */
export async function runsPerDay(strapi: Core.Strapi, dealerships: string[], since: Date) {
  if (!dealerships.length) return [];
  const rows = (await strapi.db
    .connection('easycars_sync_logs')
    .whereIn('dealership', dealerships)
    .whereIn('type', ['stock', 'leads'])
    .where('created_at', '>=', since)
    .select('created_at', 'type', 'status')) as Array<{ created_at: string | number | Date; type: 'stock' | 'leads'; status: string }>;
  return rows.map((r) => ({ at: toDate(r.created_at), type: r.type, status: r.status }));
}
