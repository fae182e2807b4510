/** What the admin sees about a lead's EasyCars side (CM column, side panel, Leads page lists). */
import type { LeadConflict } from './conflicts';
import { statusName } from './enums';
import type { LeadOrigin, LeadRecord } from './records';

export type LeadBadge = 'sent' | 'sending' | 'not_sent' | 'failed' | 'review';

export function badgeOf(rec: LeadRecord | null | undefined): LeadBadge {
  if (!rec || rec.pushState === 'not_applicable') return 'not_sent';
  if (rec.pushState === 'failed') return 'failed';
  if (rec.pushState === 'review') return 'review';
  if (rec.LeadNumber) return 'sent';
  return rec.pushState === 'pending' ? 'sending' : 'not_sent';
}

/**
 * FR18/19: made here and sent, or imported from EasyCars. Records from before `origin` existed: the import
 * creates its local lead with EasyCars' ExternalID, a lead made here carries its own documentId.
 */
export function originOf(rec: LeadRecord | null | undefined): LeadOrigin | null {
  if (!rec) return null;
  if (rec.origin) return rec.origin;
  return rec.ExternalID && rec.ExternalID === rec.leadDocumentId ? 'here' : rec.LeadNumber ? 'easycars' : 'here';
}

export function columnView(rec: LeadRecord | null | undefined) {
  return { badge: badgeOf(rec), leadNumber: rec?.LeadNumber ?? null, origin: originOf(rec) };
}

export function panelView(rec: LeadRecord | null, conflicts: LeadConflict[]) {
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
    origin: originOf(rec),
    /** Local fields EasyCars did not take (kept here, not sent again until changed). */
    notAccepted: Object.keys(rec?.refusedValues ?? {}),
    conflict: conflicts[0] ? conflictView(conflicts[0]) : null,
    conflicts: conflicts.map(conflictView),
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
