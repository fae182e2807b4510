export type SyncType = 'stock' | 'leads' | 'images' | 'reconciliation' | 'conflicts';
export type SyncDirection = 'inbound' | 'outbound' | 'both';
export type SyncTrigger = 'schedule' | 'manual' | 'retry' | 'event';
export type SyncStatus = 'queued' | 'running' | 'success' | 'warning' | 'partial' | 'failed' | 'interrupted' | 'cancelled';

/** Thrown inside a run when its log was cancelled (credentials or dealership deleted): the run stops at its next step. */
export class SyncCancelled extends Error {
  constructor(readonly syncLogId: number) {
    super(`sync ${syncLogId} was cancelled`);
    this.name = 'SyncCancelled';
  }
}
export type FinalStatus = Exclude<SyncStatus, 'queued' | 'running'>;

export const COUNT_FIELDS = [
  'fetched',
  'created',
  'updated',
  'unchanged',
  'removed',
  'restored',
  'failed',
  'imagesDownloaded',
  'imagesReused',
  'imagesRemoved',
  'imagesFailed',
] as const;
export type SyncCounts = Partial<Record<(typeof COUNT_FIELDS)[number], number>>;

export interface ItemError {
  ref: string;
  message: string;
}
export interface SyncWarning {
  ref: string;
  field?: string;
  message: string;
  value?: unknown;
}
export interface ItemOutcome {
  /** The record's own id in EasyCars terms: a StockNumber, a LeadNumber. */
  ref: string;
  outcome: string;
  message?: string;
  /** Vehicles: the VIN, so a run can be found by it. */
  vin?: string | null;
  /** The local entry (vehicle or lead documentId), for a link from the history. */
  entry?: string | null;
  /** Changed records: the fields that changed, before and after (never secrets; vehicle data or lead status). */
  changes?: Record<string, { before: unknown; after: unknown }>;
}

export interface FinishInput {
  status: FinalStatus;
  counts?: SyncCounts;
  apiCalls?: number;
  errorMessage?: string | null;
  itemErrors?: ItemError[];
  warnings?: SyncWarning[];
  items?: ItemOutcome[];
  /** The error that stopped the run: its class is kept for every admin, its stack (redacted) for Super Admins. */
  error?: unknown;
  requestSummary?: Record<string, unknown>;
  responseSummary?: Record<string, unknown>;
}

/** Per-item lists are capped so one huge run cannot bloat a log row; the counts stay exact. */
export const MAX_LISTED_ITEMS = 500;
