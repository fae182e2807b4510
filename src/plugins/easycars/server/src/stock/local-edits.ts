/**
 * FR20: three-way decisions for a synced vehicle's EasyCars-owned fields. `base` is what EasyCars said
 * at the last sync (stock-record.syncedValues), `local` the vehicle now, `feed` what EasyCars says now.
 * A field is edited here when local ≠ base. Pure.
 */
import { sameValue } from '../reconciliation/same-value';

export type FieldStrategy = 'easycars' | 'local' | 'review';
export const FIELD_STRATEGIES: FieldStrategy[] = ['easycars', 'local', 'review'];

export interface FieldPlan {
  /** Attribute -> value to write (the feed's value). */
  write: Record<string, unknown>;
  /** Local edits EasyCars' value replaced (EasyCars wins): logged with before and after. */
  overwritten: Array<{ field: string; attribute: string; before: unknown; after: unknown }>;
  /** EasyCars changed a field kept here (this site wins or pinned): recorded, not applied. */
  kept: Array<{ field: string; attribute: string; local: unknown; easycars: unknown; pinned: boolean }>;
  /** Both sides changed a field under manual review: a conflict, the local value stays until resolved. */
  conflicts: Array<{ field: string; attribute: string; base: unknown; local: unknown; remote: unknown }>;
}

export interface FieldInput {
  owned: Array<{ target: string; attribute: string }>;
  /** Attribute -> value. */
  feed: Record<string, unknown>;
  local: Record<string, unknown> | null;
  /** null: nothing remembered yet (first sync with FR20): EasyCars is applied as before. */
  base: Record<string, unknown> | null;
  pinned: string[];
  strategyOf: (target: string) => FieldStrategy;
  /** An admin's explicit "Sync from EasyCars": EasyCars wins for every field not pinned. */
  force?: boolean;
}

export function planFields(input: FieldInput): FieldPlan {
  const plan: FieldPlan = { write: {}, overwritten: [], kept: [], conflicts: [] };
  for (const { target, attribute } of input.owned) {
    if (!(attribute in input.feed)) continue;
    const feed = input.feed[attribute];
    const local = input.local?.[attribute];
    const hasBase = input.base !== null && attribute in input.base;
    const base = hasBase ? input.base![attribute] : undefined;
    const editedHere = input.local !== null && hasBase && !sameValue(local, base);
    if (!editedHere || sameValue(local, feed)) {
      plan.write[attribute] = feed;
      continue;
    }
    const pinned = input.pinned.includes(target);
    const strategy: FieldStrategy = pinned ? 'local' : input.force ? 'easycars' : input.strategyOf(target);
    const easycarsChanged = !sameValue(feed, base);
    if (strategy === 'easycars') {
      plan.write[attribute] = feed;
      plan.overwritten.push({ field: target, attribute, before: local ?? null, after: feed ?? null });
    } else if (strategy === 'local') {
      if (easycarsChanged) plan.kept.push({ field: target, attribute, local: local ?? null, easycars: feed ?? null, pinned });
    } else if (easycarsChanged) {
      plan.conflicts.push({ field: target, attribute, base: base ?? null, local: local ?? null, remote: feed ?? null });
    }
  }
  return plan;
}

/** The dealership's strategy for one field: its per-field override, else its default. */
export const strategyFor = (defaults: { stockConflictStrategy?: string | null; stockFieldStrategies?: Record<string, string> | null }) => (target: string): FieldStrategy => {
  const own = defaults.stockFieldStrategies?.[target];
  if (own && (FIELD_STRATEGIES as string[]).includes(own)) return own as FieldStrategy;
  const fallback = defaults.stockConflictStrategy;
  return fallback && (FIELD_STRATEGIES as string[]).includes(fallback) ? (fallback as FieldStrategy) : 'easycars';
};
