/**
 * Every synced lead field, merged three ways as a pure decision. `base` is what both sides last
 * agreed on (lead-record.syncedValues); a side "changed" a field when its value differs from it.
 * Status is not here: it has its own rules (status.ts).
 */
import { createHash } from 'node:crypto';
import type { ConflictStrategy } from '../credentials/types';
import { FIELD_SPECS, SYNCED_FIELDS, sameValue, type LeadValue, type LeadValues, type SyncedField } from './fields';

/** field → hash of a local value EasyCars did not take (UpdateLead answered OK, GetLeadDetail still shows the old one). */
export type RefusedValues = Partial<Record<SyncedField, string>>;

export interface FieldConflict {
  field: SyncedField;
  base: LeadValue;
  local: LeadValue;
  remote: LeadValue;
}

export interface MergePlan {
  /** Changed here only (or here wins): send with UpdateLead. */
  push: SyncedField[];
  /** Changed in EasyCars only (or EasyCars wins): write onto the local lead. */
  apply: Partial<LeadValues>;
  /** New last-agreed values (only the fields whose base moves). */
  agreed: Partial<LeadValues>;
  /** Changed on both sides, differently, with the manual strategy. */
  conflicts: FieldConflict[];
  /** Changed here to a value EasyCars refused before: kept local, not sent again. */
  refused: RefusedValues;
  /** Changed here, but EasyCars only takes the field when a lead is created. */
  createOnly: SyncedField[];
}

export interface MergeInput {
  base: Partial<LeadValues> | null;
  local: LeadValues;
  /** What EasyCars says now; a field left out (e.g. an undocumented enum number) counts as unchanged there. */
  remote: Partial<LeadValues>;
  strategy: ConflictStrategy;
  refused?: RefusedValues | null;
}

/** A refused value is remembered by hash only: the lead itself holds the value (docs/lead-sync.md, privacy). */
export const valueHash = (field: SyncedField, value: LeadValue): string =>
  createHash('sha256').update(`${field}\u0000${JSON.stringify(value ?? null)}`).digest('hex').slice(0, 32);

export function mergeFields({ base, local, remote, strategy, refused }: MergeInput): MergePlan {
  const plan: MergePlan = { push: [], apply: {}, agreed: {}, conflicts: [], refused: {}, createOnly: [] };
  for (const field of SYNCED_FIELDS) {
    const b = base?.[field] ?? null;
    const l = local[field] ?? null;
    const r = field in remote ? (remote[field] ?? null) : b;
    const localChanged = !sameValue(l, b);
    const remoteChanged = !sameValue(r, b);
    if (!localChanged && !remoteChanged) continue;
    if (!localChanged) {
      plan.apply[field] = r;
      plan.agreed[field] = r;
    } else if (!remoteChanged) {
      pushOrKeep(plan, field, l, refused);
    } else if (sameValue(l, r)) {
      plan.agreed[field] = r;
    } else if (strategy === 'local_wins') {
      plan.agreed[field] = r; // EasyCars' value is what we overwrite: the local one is a change against it
      pushOrKeep(plan, field, l, null);
    } else if (strategy === 'easycars_wins') {
      plan.apply[field] = r;
      plan.agreed[field] = r;
    } else {
      plan.conflicts.push({ field, base: b, local: l, remote: r });
    }
  }
  return plan;
}

function pushOrKeep(plan: MergePlan, field: SyncedField, value: LeadValue, refused: RefusedValues | null | undefined) {
  const hash = valueHash(field, value);
  if (!FIELD_SPECS[field].updatable) plan.createOnly.push(field);
  else if (refused?.[field] === hash) plan.refused[field] = hash;
  else plan.push.push(field);
}

/** After an UpdateLead that carried `sent`, which of them EasyCars actually took (read back with GetLeadDetail). */
export function acceptedAfterUpdate(sent: Partial<LeadValues>, readBack: Partial<LeadValues>) {
  const accepted: SyncedField[] = [];
  const refused: RefusedValues = {};
  for (const [field, value] of Object.entries(sent) as Array<[SyncedField, LeadValue]>) {
    if (!(field in readBack) || sameValue(readBack[field], value)) accepted.push(field);
    else refused[field] = valueHash(field, value);
  }
  return { accepted, refused };
}

const NUMERIC: ReadonlySet<SyncedField> = new Set(['vehiclePrice', 'vehicleYear']);

/** A field value as the conflict table stores it (text columns). */
export const valueToText = (value: LeadValue): string | null => (value === null || value === undefined ? null : String(value));

/** Back from the conflict table's text to the field's type. */
export function valueFromText(field: SyncedField, text: string | null): LeadValue {
  if (text === null || text === undefined) return null;
  if (field === 'isVehicleNew') return text === 'true';
  if (NUMERIC.has(field)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
  }
  return text;
}

export const isSyncedField = (field: string): field is SyncedField => (SYNCED_FIELDS as string[]).includes(field);
