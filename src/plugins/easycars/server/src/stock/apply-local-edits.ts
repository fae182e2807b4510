/**
 * FR20 in the stock sync, per batch: reads what EasyCars said last time and the vehicles now (two
 * queries per batch), trims each vehicle's write to what the dealership's strategy allows, and
 * remembers EasyCars' new values on the stock record.
 */
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';
import type { PreparedItem } from './apply-batch';
import { planFields, type FieldPlan, type FieldStrategy } from './local-edits';

export interface LocalEditContext {
  vehicleUid: string;
  owned: Array<{ target: string; attribute: string }>;
  strategyOf: (target: string) => FieldStrategy;
  force: boolean;
}

export interface PlannedEdits {
  plan: FieldPlan;
  vehicleDocumentId: string;
  localChangedAt: string | null;
  localChangedBy: string | null;
}

const ownedValues = (data: Record<string, unknown>, owned: LocalEditContext['owned']) =>
  Object.fromEntries(owned.filter((o) => o.attribute in data).map((o) => [o.attribute, data[o.attribute] ?? null]));

const adminName = (u: { firstname?: string | null; lastname?: string | null; email?: string | null } | null | undefined) =>
  u ? [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email || null : null;

export async function applyLocalEdits(strapi: Core.Strapi, batch: PreparedItem[], ctx: LocalEditContext): Promise<Map<string, PlannedEdits>> {
  const planned = new Map<string, PlannedEdits>();
  for (const item of batch) item.recordData.syncedValues = ownedValues(item.vehicleData, ctx.owned);
  type Existing = PreparedItem & { action: Extract<PreparedItem['action'], { vehicle: unknown }> };
  const existing = batch.filter((i): i is Existing => i.action.kind !== 'create' && 'vehicle' in i.action && Boolean(i.action.record));
  if (!existing.length) return planned;

  const records = (await strapi.db.query(pluginUid('stock-record')).findMany({
    select: ['id', 'syncedValues', 'pinnedFields'],
    where: { id: { $in: existing.map((i) => i.action.record!.id) } },
  })) as Array<{ id: number; syncedValues: Record<string, unknown> | null; pinnedFields: string[] | null }>;
  const recordById = new Map(records.map((r) => [r.id, r]));
  const rows = (await strapi.db.query(ctx.vehicleUid as any).findMany({
    select: ['documentId', 'publishedAt', 'updatedAt', ...new Set(ctx.owned.map((o) => o.attribute))],
    where: { documentId: { $in: existing.map((i) => i.action.vehicle!.documentId) } },
    populate: { updatedBy: { select: ['firstname', 'lastname', 'email'] } },
  })) as Array<Record<string, any>>;
  // The draft is what editors change; a type without draft & publish has only the one row.
  const current = new Map<string, Record<string, any>>();
  for (const row of rows) if (!current.has(row.documentId) || !row.publishedAt) current.set(row.documentId, row);

  for (const item of existing) {
    const record = recordById.get(item.action.record!.id);
    const vehicleDocumentId = item.action.vehicle!.documentId;
    const local = current.get(vehicleDocumentId) ?? null;
    const plan = planFields({
      owned: ctx.owned,
      feed: item.vehicleData,
      local,
      base: record?.syncedValues ?? null,
      pinned: record?.pinnedFields ?? [],
      strategyOf: ctx.strategyOf,
      force: ctx.force,
    });
    const ownedAttributes = new Set(ctx.owned.map((o) => o.attribute));
    item.vehicleData = { ...Object.fromEntries(Object.entries(item.vehicleData).filter(([a]) => !ownedAttributes.has(a))), ...plan.write };
    if (plan.overwritten.length || plan.kept.length || plan.conflicts.length) {
      planned.set(item.stockNumber, {
        plan,
        vehicleDocumentId,
        localChangedAt: local?.updatedAt ? new Date(local.updatedAt).toISOString() : null,
        localChangedBy: adminName(local?.updatedBy),
      });
    }
  }
  return planned;
}
