/** A stored finding as the admin sees it, with the actions that apply to it. */
import type { Finding, FindingDetails } from '../../../shared/reconciliation';

export interface FindingRow {
  id: number;
  subject: 'vehicle' | 'lead';
  category: Finding['category'];
  severity: Finding['severity'];
  ref: string;
  entryDocumentId: string | null;
  recordId: number | null;
  title: string | null;
  reason: string | null;
  details: FindingDetails | null;
  state: Finding['state'];
  ignoredReason: string | null;
  actedBy: string | null;
  actedAt: string | Date | null;
}

/** "Sync from EasyCars" applies the feed to the vehicle: possible unless EasyCars has nothing for it or it is outside the yard filter. */
export function canSync(row: Pick<FindingRow, 'subject' | 'category' | 'severity' | 'recordId' | 'details'>): boolean {
  if (row.subject !== 'vehicle') return false;
  if (row.category === 'missing_here') return row.details?.state !== 'outside_yard';
  if (row.category === 'extra_here') return row.recordId !== null && row.severity === 'outdated';
  return true;
}

/** "Push to EasyCars": a lead that failed or is still waiting (a lead in review needs the Leads page's confirmation). */
export const canPush = (row: Pick<FindingRow, 'subject' | 'recordId' | 'details'>): boolean =>
  row.subject === 'lead' && row.recordId !== null && ['failed', 'pending'].includes(row.details?.state ?? '');

export function findingView(row: FindingRow): Finding {
  const open = row.state === 'open';
  const actions: Finding['actions'] = [];
  if (open && canSync(row)) actions.push('sync');
  if (open && canPush(row)) actions.push('push');
  if (open) actions.push('ignore');
  return {
    id: row.id,
    subject: row.subject,
    category: row.category,
    severity: row.severity,
    ref: row.ref,
    entryDocumentId: row.entryDocumentId,
    title: row.title,
    reason: row.reason ?? '',
    details: row.details,
    state: row.state,
    ignoredReason: row.ignoredReason,
    actedBy: row.actedBy,
    actedAt: row.actedAt ? new Date(row.actedAt).toISOString() : null,
    actions,
  };
}
