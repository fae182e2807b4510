import type { FindingCategory, FindingDetails, FindingSeverity } from '../../../shared/reconciliation';

/** A finding before it is stored: what the comparison says about one record. */
export interface FindingDraft {
  subject: 'vehicle' | 'lead';
  category: FindingCategory;
  severity: FindingSeverity;
  ref: string;
  entryDocumentId: string | null;
  recordId: number | null;
  title: string | null;
  reason: string;
  details: FindingDetails | null;
  fingerprint: string;
}
