/**
 * "Which runs touched X": X is a stock number or lead number (an item's ref), a VIN, or a customer's
 * email address. Emails are not copied into the history: they are looked up on the host's leads
 * (in the caller's dealerships) and turned into those leads' EasyCars lead numbers.
 */
import type { Core } from '@strapi/strapi';
import { hostConfig } from '../host/config';
import { pluginUid } from '../utils/plugin';

const MAX_MATCHED_RUNS = 10_000;
const looksLikeEmail = (q: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q);

export async function runsTouching(strapi: Core.Strapi, q: string, dealerships: string[] | null): Promise<number[]> {
  const inScope = dealerships ? { dealership: { $in: dealerships } } : {};
  const refs = [q];
  if (looksLikeEmail(q)) refs.push(...(await leadNumbersByEmail(strapi, q, dealerships)));
  const rows = (await strapi.db.query(pluginUid('sync-item')).findMany({
    select: ['syncLogId'],
    where: { ...inScope, $or: [{ ref: { $in: refs } }, { vin: q }, { vin: q.toUpperCase() }] },
    orderBy: { syncLogId: 'desc' },
    limit: MAX_MATCHED_RUNS,
  })) as Array<{ syncLogId: number }>;
  return [...new Set(rows.map((r) => r.syncLogId))];
}

async function leadNumbersByEmail(strapi: Core.Strapi, email: string, dealerships: string[] | null): Promise<string[]> {
  const { types, lead: map } = hostConfig(strapi);
  if (!map.customerEmail) return [];
  const leads = (await strapi.db.query(types.lead as any).findMany({
    select: ['documentId'],
    where: { [map.customerEmail]: { $eqi: email }, ...(dealerships ? { [map.dealership]: { documentId: { $in: dealerships } } } : {}) },
    limit: 1000,
  })) as Array<{ documentId: string }>;
  if (!leads.length) return [];
  const records = (await strapi.db.query(pluginUid('lead-record')).findMany({
    select: ['LeadNumber'],
    where: { leadDocumentId: { $in: leads.map((l) => l.documentId) }, LeadNumber: { $notNull: true } },
  })) as Array<{ LeadNumber: string }>;
  return records.map((r) => r.LeadNumber);
}
