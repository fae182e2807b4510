/** What the admin sees about a lead's EasyCars side (CM column, side panel, Leads page lists). */
import type { LeadConflict } from './conflicts';
import { statusName } from './enums';
import type { LeadRecord } from './records';

export type LeadBadge = 'sent' | 'sending' | 'not_sent' | 'failed' | 'review';

export function badgeOf(rec: LeadRecord | null | undefined): LeadBadge {
  if (!rec || rec.pushState === 'not_applicable') return 'not_sent';
  if (rec.pushState === 'failed') return 'failed';
  if (rec.pushState === 'review') return 'review';
  if (rec.LeadNumber) return 'sent';
  return rec.pushState === 'pending' ? 'sending' : 'not_sent';
}

export function columnView(rec: LeadRecord | null | undefined) {
  return { badge: badgeOf(rec), leadNumber: rec?.LeadNumber ?? null };
}

export function panelView(rec: LeadRecord | null, conflict: LeadConflict | null) {
  return {
    badge: badgeOf(rec),
    leadNumber: rec?.LeadNumber ?? null,
    customerNo: rec?.CustomerNo ?? null,
    pushState: rec?.pushState ?? null,
    pushError: rec?.pushError ?? null,
    pushAttempts: rec?.pushAttempts ?? 0,
    lastPushedAt: rec?.lastPushedAt ?? null,
    lastPulledAt: rec?.lastPulledAt ?? null,
    syncedStatus: statusName(rec?.syncedStatus ?? null) ?? null,
    easycarsStatus: statusName(rec?.LeadStatus ?? null) ?? null,
    recordId: rec?.id ?? null,
    conflict: conflict ? conflictView(conflict) : null,
  };
}

export function pushView(rec: LeadRecord, lead: Record<string, unknown> | null) {
  return {
    id: rec.id,
    leadDocumentId: rec.leadDocumentId,
    customerName: (lead?.customerName as string) ?? null,
    vehicle: [lead?.vehicleYear, lead?.vehicleMake, lead?.vehicleModel].filter(Boolean).join(' ') || null,
    leadCreatedAt: (lead?.createdAt as string) ?? null,
    pushState: rec.pushState,
    pushError: rec.pushError,
    pushAttempts: rec.pushAttempts ?? 0,
    leadNumber: rec.LeadNumber,
    updatedAt: rec.updatedAt ?? null,
  };
}

export function conflictView(c: LeadConflict) {
  return {
    id: c.id,
    leadDocumentId: c.leadDocumentId,
    leadNumber: c.leadNumber,
    field: c.field,
    baseValue: c.baseValue,
    localValue: c.localValue,
    remoteValue: c.remoteValue,
    state: c.state,
    resolution: c.resolution,
    resolvedByName: c.resolvedByName,
    resolvedAt: c.resolvedAt,
    createdAt: c.createdAt,
  };
}
