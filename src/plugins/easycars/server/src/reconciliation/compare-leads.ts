/**
 * Leads: what this site and EasyCars last agreed, against the local leads now. EasyCars cannot list an
 * account's leads, so a lead that is only in EasyCars cannot be found here (the report says so). Pure.
 */
import type { FieldDifference } from '../../../shared/reconciliation';
import { sameValue as sameLeadValue, SYNCED_FIELDS, type LeadValues } from '../leads/fields';
import { fingerprint } from './fingerprint';
import type { FindingDraft } from './types';

export interface LeadRecordRow {
  id: number;
  leadDocumentId: string | null;
  LeadNumber: string | null;
  pushState: string;
  pushError: string | null;
  updatedAt: string | Date | null;
  syncedValues: Partial<LeadValues> | null;
  /** EasyCars' status as it last reported it, and the local status name it means. */
  easycarsStatus: string | null;
}

export interface LocalLeadNow {
  values: LeadValues;
  status: string | null;
  title: string | null;
}

/** A push still pending after this long is reported (the push job normally sends within seconds). */
export const PENDING_GRACE_MS = 15 * 60_000;

export function compareLeads(records: LeadRecordRow[], local: Map<string, LocalLeadNow>, attributeOf: (field: string) => string, now: Date): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const rec of records) {
    if (!rec.leadDocumentId) continue;
    const lead = local.get(rec.leadDocumentId);
    if (!lead) continue; // deleted here: the push of its deletion is the lead sync's business
    const ref = rec.LeadNumber ?? rec.leadDocumentId;
    const base = { subject: 'lead' as const, category: 'lead' as const, ref, entryDocumentId: rec.leadDocumentId, recordId: rec.id, title: lead.title };
    const add = (f: Pick<FindingDraft, 'severity' | 'reason' | 'details'>, data: unknown) => findings.push({ ...base, ...f, fingerprint: fingerprint(['lead', ref, data]) });

    if (rec.pushState === 'failed') {
      add({ severity: 'missing', reason: `Not in EasyCars: the last push failed${rec.pushError ? `: ${rec.pushError}` : '.'}`, details: { state: 'failed' } }, ['failed', rec.pushError]);
      continue;
    }
    if (rec.pushState === 'review') {
      add({ severity: 'conflicting', reason: `In review: it may already be in EasyCars${rec.pushError ? ` (${rec.pushError})` : ''}. Decide on the Leads page.`, details: { state: 'review' } }, ['review', rec.pushError]);
      continue;
    }
    if (rec.pushState === 'pending') {
      const since = rec.updatedAt ? new Date(rec.updatedAt) : null;
      if (since && now.getTime() - since.getTime() > PENDING_GRACE_MS) {
        add({ severity: 'missing', reason: `Not sent yet: waiting since ${since.toISOString()}.`, details: { state: 'pending' } }, ['pending', since.toISOString()]);
      }
      continue;
    }
    if (rec.pushState !== 'pushed' || !rec.LeadNumber) continue;

    const fields: FieldDifference[] = SYNCED_FIELDS.filter((f) => !sameLeadValue(lead.values[f], rec.syncedValues?.[f] ?? null)).map((f) => ({
      field: f,
      attribute: attributeOf(f),
      here: lead.values[f] ?? null,
      easycars: rec.syncedValues?.[f] ?? null,
    }));
    if (lead.status && rec.easycarsStatus && lead.status !== rec.easycarsStatus) {
      fields.push({ field: 'status', attribute: attributeOf('status'), here: lead.status, easycars: rec.easycarsStatus });
    }
    if (fields.length) {
      const reason = `Differs from EasyCars' copy (as of the last lead sync): ${fields.map((f) => f.field).join(', ')}.`;
      add({ severity: fields.some((f) => f.field === 'status') ? 'conflicting' : 'outdated', reason, details: { fields } }, fields.map((f) => [f.field, f.here, f.easycars]));
    }
  }
  return findings;
}
