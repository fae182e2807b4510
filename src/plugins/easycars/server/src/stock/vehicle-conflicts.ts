/** The vehicle-conflict table: one open conflict per vehicle and field (open_key), the database decides. */
import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from '../utils/db-errors';
import { pluginUid } from '../utils/plugin';

export interface VehicleConflictRow {
  id: number;
  dealership: string;
  vehicleDocumentId: string;
  stockNumber: string;
  field: string;
  attribute: string;
  baseValue: unknown;
  localValue: unknown;
  remoteValue: unknown;
  localChangedAt: string | null;
  localChangedBy: string | null;
  remoteChangedAt: string | null;
  state: 'open' | 'resolved';
  resolution: string | null;
  resolvedValue: unknown;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export const openKeyOf = (vehicleDocumentId: string, field: string) => `${vehicleDocumentId}:${field}`;

// A JSON column holds any field value (text, number, list) only inside an object: PostgreSQL's json
// type refuses a bare string, which the query engine would pass on as is.
const wrap = (value: unknown) => ({ value: value ?? null });
const unwrap = (stored: unknown) => (stored && typeof stored === 'object' && 'value' in (stored as object) ? (stored as { value: unknown }).value : (stored ?? null));
const fromRow = (row: any): VehicleConflictRow =>
  row && { ...row, baseValue: unwrap(row.baseValue), localValue: unwrap(row.localValue), remoteValue: unwrap(row.remoteValue), resolvedValue: unwrap(row.resolvedValue) };

export function vehicleConflicts(strapi: Core.Strapi) {
  const q = () => strapi.db.query(pluginUid('vehicle-conflict'));
  return {
    /** Opens the field's conflict, or brings an open one up to date with EasyCars' latest value. Answers whether it is new. */
    async open(input: { dealership: string; vehicleDocumentId: string; stockNumber: string; field: string; attribute: string; base: unknown; local: unknown; remote: unknown; localChangedAt: string | null; localChangedBy: string | null }): Promise<boolean> {
      const openKey = openKeyOf(input.vehicleDocumentId, input.field);
      const values = { baseValue: wrap(input.base), localValue: wrap(input.local), remoteValue: wrap(input.remote), localChangedAt: input.localChangedAt, localChangedBy: input.localChangedBy, remoteChangedAt: new Date() };
      const existing = await q().findOne({ where: { openKey }, select: ['id'] });
      if (existing) {
        await q().update({ where: { id: existing.id }, data: values });
        return false;
      }
      try {
        await q().create({ data: { dealership: input.dealership, vehicleDocumentId: input.vehicleDocumentId, stockNumber: input.stockNumber, field: input.field, attribute: input.attribute, state: 'open', openKey, ...values } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false; // another instance opened it a moment ago
        throw error;
      }
    },
    byId: async (id: number): Promise<VehicleConflictRow | null> => fromRow(await q().findOne({ where: { id } })) ?? null,
    openFor: async (vehicleDocumentId: string): Promise<VehicleConflictRow[]> => (await q().findMany({ where: { vehicleDocumentId, state: 'open' } })).map(fromRow),
    list: async (where: Record<string, unknown>, limit: number, offset = 0): Promise<VehicleConflictRow[]> => (await q().findMany({ where, orderBy: { id: 'desc' }, limit, offset })).map(fromRow),
    count: (where: Record<string, unknown>) => q().count({ where }),
    async markResolved(id: number, data: { resolution: string; resolvedValue: unknown; resolvedBy: string }) {
      await q().update({ where: { id }, data: { ...data, resolvedValue: wrap(data.resolvedValue), state: 'resolved', openKey: null, resolvedAt: new Date() } });
    },
  };
}
