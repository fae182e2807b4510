/** The conflict inbox (/easycars/conflicts*) and local-edit settings (/easycars/stock/settings, pins): shared by server and admin. */

export const FIELD_STRATEGIES = ['easycars', 'local', 'review'] as const;
export type FieldStrategy = (typeof FIELD_STRATEGIES)[number];

export interface StockEditSettings {
  /** What happens to a field edited here when EasyCars changes it too. */
  stockConflictStrategy: FieldStrategy;
  /** Per-field overrides of the default (vehicle targets). */
  stockFieldStrategies: Record<string, FieldStrategy>;
  /** The fields the stock sync owns: target and the host attribute. */
  fields: Array<{ target: string; attribute: string }>;
}

export type ConflictKind = 'vehicle' | 'lead';

export interface InboxConflict {
  kind: ConflictKind;
  id: number;
  /** Stock number or EasyCars lead number. */
  ref: string;
  entryDocumentId: string | null;
  field: string;
  baseValue: unknown;
  localValue: unknown;
  remoteValue: unknown;
  localChangedAt: string | null;
  localChangedBy: string | null;
  remoteChangedAt: string | null;
  createdAt: string;
  state: 'open' | 'resolved';
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface InboxPage {
  conflicts: InboxConflict[];
  /** A bulk resolution queued or running now (a job, type conflicts in the history) and its progress. */
  active: { id: number; status: string; done: number; total: number } | null;
  counts: { vehicle: number; lead: number };
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/** One field's decision: keep this site's value, take EasyCars', or (vehicles) a value typed in the merge. */
export interface ConflictChoice {
  kind: ConflictKind;
  id: number;
  use: 'local' | 'easycars' | 'value';
  /** With use 'value' (vehicles only): the merged value. */
  value?: unknown;
}

export interface ResolveResult {
  resolved: number;
  failed: Array<{ kind: ConflictKind; id: number; message: string }>;
}
