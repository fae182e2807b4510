/** The reconciliation report (/easycars/reconciliation*): shared by server and admin. */

/** What kind of difference: the report's tables. */
export const FINDING_CATEGORIES = ['missing_here', 'extra_here', 'field_diff', 'images', 'lead'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** missing: one side lacks it; outdated: this site lags EasyCars; conflicting: both sides hold different truths. */
export const FINDING_SEVERITIES = ['missing', 'outdated', 'conflicting'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATES = ['open', 'ignored', 'fixed'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

export interface FieldDifference {
  /** The plugin's name for the field (a vehicle target or a lead field). */
  field: string;
  /** The host attribute (vehicles: through vehicleFieldMap). */
  attribute: string;
  here: unknown;
  easycars: unknown;
}

export interface FindingDetails {
  fields?: FieldDifference[];
  images?: { missing: string[]; extra: number; outOfOrder: boolean; feedCount: number; localCount: number };
  /** Lead push state, or the vehicle's yard when outside the yard filter. */
  state?: string;
}

export interface Finding {
  id: number;
  subject: 'vehicle' | 'lead';
  category: FindingCategory;
  severity: FindingSeverity;
  /** Stock number, or the lead's EasyCars number (its local id before it has one). */
  ref: string;
  entryDocumentId: string | null;
  title: string | null;
  reason: string;
  details: FindingDetails | null;
  state: FindingState;
  ignoredReason: string | null;
  actedBy: string | null;
  actedAt: string | null;
  /** Which actions apply to this row. */
  actions: Array<'sync' | 'push' | 'ignore'>;
}

export type FindingCounts = Record<FindingCategory, number> & { total: number; ignored: number; bySeverity: Record<FindingSeverity, number> };

export interface ReconciliationRun {
  id: number;
  status: string;
  phase: string | null;
  progressDone: number | null;
  progressTotal: number | null;
  trigger: string;
  triggeredByName: string | null;
  createdAt: string;
  completedAt: string | null;
  errorMessage: string | null;
}

export interface ReconciliationReport {
  run: ReconciliationRun | null;
  /** A run queued or running now (its progress), besides the last finished one. */
  active: ReconciliationRun | null;
  counts: FindingCounts | null;
  findings: Finding[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
  /** Said in the report: EasyCars cannot list leads. */
  notes: string[];
  /** Scheduled runs (off by default) and the next one. */
  schedule: ReconciliationSchedule;
  nextRunAt: string | null;
}

export const RECONCILIATION_SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type ReconciliationSchedule = (typeof RECONCILIATION_SCHEDULES)[number];

export interface ReconciliationFilters {
  category?: FindingCategory;
  severity?: FindingSeverity;
  state?: FindingState;
}

/** POST /easycars/reconciliation/actions: a batch on chosen rows, or on every row of the filter. */
export interface FindingActionInput {
  dealership: string;
  action: 'sync' | 'push' | 'ignore';
  ids?: number[];
  filter?: ReconciliationFilters;
  reason?: string;
}

export interface FindingActionResult {
  /** Rows acted on; for 'sync', the stock run that applies them (a job with progress). */
  affected: number;
  skipped: number;
  syncLogId: number | null;
  message: string;
}
