/** The audit trail (GET /easycars/audit): shared by the server and the admin. */
export const AUDIT_RESULTS = ['success', 'failure', 'info'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditFilters {
  dealership?: string;
  /** An action ("credentials.update") or a family of them ("lead." for every lead action). */
  action?: string;
  /** Words of the admin's name. */
  actor?: string;
  result?: AuditResult;
  /** ISO date or date-time; entries at or after. */
  from?: string;
  /** ISO date or date-time; a date alone means the whole day. */
  to?: string;
}

export interface AuditEntryView {
  id: number;
  createdAt: string;
  dealership: string | null;
  /** null for site-wide actions (e.g. the history retention), shown to Super Admins only. */
  dealershipName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  actorName: string | null;
  changedFields: string[];
  result: AuditResult;
  message: string | null;
}

export interface AuditPage {
  results: AuditEntryView[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
  /** Every action recorded in the caller's scope, for the filter. */
  actions: string[];
}
