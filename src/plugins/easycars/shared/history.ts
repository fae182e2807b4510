/** Sync history (GET /easycars/history, /history/export, /sync-logs/:id/items): shared by the server and the admin. */
export const RUN_STATUSES = ['queued', 'running', 'success', 'warning', 'partial', 'failed', 'interrupted', 'cancelled'] as const;
export const RUN_TYPES = ['stock', 'leads', 'images', 'reconciliation', 'conflicts'] as const;
export const RUN_TRIGGERS = ['schedule', 'manual', 'retry', 'event'] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];
export type RunType = (typeof RUN_TYPES)[number];
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export interface HistoryFilters {
  dealership?: string;
  type?: RunType;
  status?: RunStatus;
  trigger?: RunTrigger;
  /** ISO date or date-time; runs created at or after. */
  from?: string;
  /** ISO date or date-time; a date alone means the whole day. */
  to?: string;
  /** What a run touched: a stock number, a VIN, a lead number or a customer's email address. */
  q?: string;
}

export interface HistoryRun {
  id: number;
  dealership: string;
  dealershipName: string | null;
  type: RunType;
  direction: 'inbound' | 'outbound' | 'both';
  trigger: RunTrigger;
  triggeredByName: string | null;
  status: RunStatus;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  durationMs: number | null;
  /** created + updated + removed + restored + failed (records the run changed or tried to). */
  processed: number;
  fetched: number;
  created: number;
  updated: number;
  removed: number;
  failed: number;
  errorMessage: string | null;
}

export interface HistoryPage {
  data: HistoryRun[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

export interface HistoryItem {
  ref: string;
  vin: string | null;
  outcome: string;
  message: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  /** The admin path of the vehicle or lead (content manager), when it is known. */
  entryUrl: string | null;
}

/** CSV/JSON export columns, in order. */
export const EXPORT_COLUMNS = [
  'id', 'createdAt', 'dealershipName', 'dealership', 'type', 'direction', 'trigger', 'triggeredByName', 'status',
  'processed', 'fetched', 'created', 'updated', 'removed', 'failed', 'durationMs', 'errorMessage',
] as const;

/** History retention (GET/PUT /easycars/history/retention): site-wide, changed by Super Admins only. */
export interface RetentionSettings {
  /** Finished runs older than this many days are removed. */
  days: number;
  /** delete: removed for good; archive: first saved as a gzipped NDJSON file in the media library. */
  mode: 'delete' | 'archive';
}
