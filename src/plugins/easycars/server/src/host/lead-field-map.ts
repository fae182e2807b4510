/**
 * Which lead attributes the lead sync reads and writes, and under which names.
 *
 * The keys are the sync's logical fields (named after this app's `api::lead.lead`): the synced
 * fields of leads/fields.ts plus `status`, `vehicle` and `dealership`. Plugin config `leadFieldMap`
 * renames one (`{ customerName: 'fullName' }`) or turns it off (`{ rating: false }`).
 */
import { SYNCED_FIELDS } from '../leads/fields';

export const LEAD_TARGETS = [...SYNCED_FIELDS, 'status', 'vehicle', 'dealership'] as const;
export type LeadTarget = (typeof LEAD_TARGETS)[number];

/** Logical field -> attribute of the lead content type; a field turned off is absent. */
export type ResolvedLeadFieldMap = Partial<Record<LeadTarget, string>> & { dealership: string };

/** Defaults where this app's attribute differs from the logical name ("status" is reserved by Strapi 5). */
const DEFAULT_NAMES: Partial<Record<LeadTarget, string>> = { status: 'leadStatus' };

/** Targets the sync cannot do without. */
const REQUIRED: LeadTarget[] = ['dealership'];

export function resolveLeadFieldMap(overrides: Record<string, string | false> | undefined): ResolvedLeadFieldMap {
  const known = new Set<string>(LEAD_TARGETS);
  const unknown = Object.keys(overrides ?? {}).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new Error(`EasyCars leadFieldMap: unknown field(s) ${unknown.join(', ')}. Known fields: ${LEAD_TARGETS.join(', ')}.`);
  }
  const off = REQUIRED.filter((t) => overrides?.[t] === false);
  if (off.length) throw new Error(`EasyCars leadFieldMap: ${off.join(', ')} cannot be turned off (a lead must belong to a dealership).`);
  const map: Partial<Record<LeadTarget, string>> = {};
  for (const target of LEAD_TARGETS) {
    const override = overrides?.[target];
    if (override === false) continue;
    map[target] = typeof override === 'string' && override.trim() !== '' ? override.trim() : DEFAULT_NAMES[target] ?? target;
  }
  return map as ResolvedLeadFieldMap;
}

/** Host attribute names -> logical names, for reading a lead document. */
export function toLogical(map: ResolvedLeadFieldMap, doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const logicalOf = new Map(Object.entries(map).map(([logical, attr]) => [attr, logical]));
  for (const [key, value] of Object.entries(doc)) out[logicalOf.get(key) ?? key] = value;
  return out;
}

/** Logical names -> host attribute names, for writing; fields the host does not map are dropped. */
export function toHostAttributes(map: ResolvedLeadFieldMap, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const attr = (map as Record<string, string | undefined>)[key];
    if (attr) out[attr] = value;
  }
  return out;
}
