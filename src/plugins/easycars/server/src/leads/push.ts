/**
 * Outbound: one lead-record (pushState pending) → CreateLead once, then UpdateLead with only
 * what changed. Runs inside the durable 'easycars-lead-push' job, one lead at a time.
 */
import { EasyCarsAuthenticationError, isEasyCarsError, type Contact, type EasyCarsAccountApi, type EasyCarsError, type LeadStatusValue } from '../client';
import type { LeadDetail } from '../client/models/lead';
import type { CredentialRow } from '../credentials/types';
import { accountFor, findLeadCredential } from './credential';
import type { LeadDeps } from './deps';
import { DELETED_STATUS, NEW_STATUS, statusCode, statusName } from './enums';
import { FIELD_SPECS, type LeadValues, type SyncedField } from './fields';
import { syncFieldConflicts } from './field-conflicts';
import { acceptedAfterUpdate, mergeFields, type RefusedValues } from './merge';
import { matchByPhone, needsEmailReason, phoneSearchForms } from './contact-match';
import { withLeadLock } from './lead-lock';
import { stopMovedLead } from './dealership-move';
import {
  buildCreateRequest,
  buildUpdateRequest,
  changedFields,
  pick,
  recordFieldsFromDetail,
  validateCreate,
  validateUpdate,
  valuesFromDetail,
  type LocalLead,
} from './mapper';
import type { LeadRecord } from './records';
import { decideStatus } from './status';

/** Job-level attempts for a push that failed in a way that is safe to repeat. */
export const MAX_PUSH_ATTEMPTS = 3;

/** Thrown to make the job queue try again later (the record stays pending). */
export class RetryLater extends Error {}

const refusedOrNull = (refused: RefusedValues) => (Object.keys(refused).length ? refused : null);

/** What an admin needs to decide whether a CreateLead that got no usable answer reached EasyCars. */
export function reviewMessage(error: EasyCarsError, externalId: string, at: Date): string {
  return (
    `May have reached EasyCars: CreateLead was sent at ${at.toISOString()} and ${error.message} ` +
    `It was not sent again, so the lead is not created twice. Look in EasyCars for a lead with ExternalID ${externalId}: ` +
    'import its number if it is there; if it is not, use "Send again" and confirm.'
  );
}

const NO_CREDENTIAL = 'The dealership has no active EasyCars credential with lead sync turned on.';

export function createPusher(deps: LeadDeps) {
  const { records, local, conflicts, audit, strapi } = deps;

  const setState = (rec: LeadRecord, data: Partial<LeadRecord>) => records.update(rec.id, data);

  /** A lead with an email: the contact with that exact email, if any (EasyCars still picks one when none is given). */
  async function contactByEmail(api: EasyCarsAccountApi, email: string): Promise<string | null> {
    try {
      const contacts = await api.searchContacts({ Email: email });
      return contacts.find((c) => c.CustomerNo && c.Email?.toLowerCase() === email.toLowerCase())?.CustomerNo ?? null;
    } catch (error) {
      if (error instanceof EasyCarsAuthenticationError) throw error;
      strapi.log.warn(`[easycars] SearchContacts failed, the lead is sent without a CustomerNo: ${(error as Error).message}`);
      return null;
    }
  }

  /** A phone-only lead: one contact with that number (in any stored form) and the same name, or why it must wait. */
  async function contactByPhone(api: EasyCarsAccountApi, phone: string, name: string | null): Promise<{ customerNo: string } | { wait: string }> {
    const found: Contact[] = [];
    try {
      for (const form of phoneSearchForms(phone)) found.push(...(await api.searchContacts({ Phone: form })));
    } catch (error) {
      if (error instanceof EasyCarsAuthenticationError) throw error;
      return { wait: needsEmailReason({ kind: 'search_failed', message: (error as Error).message }) };
    }
    const match = matchByPhone(found, phone, name);
    return match.kind === 'match' ? { customerNo: match.customerNo } : { wait: needsEmailReason(match) };
  }

  async function findContact(api: EasyCarsAccountApi, values: LeadValues): Promise<{ customerNo: string | null } | { wait: string }> {
    if (values.customerEmail) return { customerNo: await contactByEmail(api, String(values.customerEmail)) };
    const phone = values.customerMobile ?? values.customerPhone;
    if (phone) return contactByPhone(api, String(phone), values.customerName === null ? null : String(values.customerName));
    return { customerNo: null };
  }

  async function create(rec: LeadRecord, lead: LocalLead, api: EasyCarsAccountApi): Promise<LeadRecord | null> {
    if (rec.createRequestedAt) {
      await setState(rec, {
        pushState: 'review',
        pushError: `May have reached EasyCars: a CreateLead for this lead was started at ${new Date(rec.createRequestedAt).toISOString()} and never answered (Strapi stopped or another instance was sending it). Look in EasyCars for a lead with ExternalID ${lead.documentId}: import its number if it is there; if it is not, use "Send again" and confirm.`,
      });
      return null;
    }
    const values = local.valuesOf(lead, null);
    const contact = await findContact(api, values);
    if ('wait' in contact) {
      await setState(rec, { pushState: 'failed', pushError: contact.wait });
      await audit({ dealership: rec.dealership, action: 'lead.push.create', entityId: lead.documentId, result: 'failure', message: contact.wait, changedFields: ['customerEmail'] });
      return null;
    }
    const { customerNo } = contact;
    const body = buildCreateRequest(values, { externalId: lead.documentId, stockNumber: lead.vehicle?.stockNumber, customerNo });
    const issues = validateCreate(body);
    if (issues.length) {
      const message = `Not sent to EasyCars: ${issues.map((i) => i.message).join('; ')}. Fix the lead and save it to send it again.`;
      await setState(rec, { pushState: 'failed', pushError: message });
      await audit({ dealership: rec.dealership, action: 'lead.push.create', entityId: lead.documentId, result: 'failure', message, changedFields: issues.map((i) => i.localField ?? i.field) });
      return null;
    }
    if (!(await records.claimCreate(rec.id))) {
      throw new RetryLater('Another worker is sending this lead to EasyCars; trying again shortly.');
    }
    await setState(rec, { pushAttempts: (rec.pushAttempts ?? 0) + 1 });
    const result = await api.createLead(body);
    const now = new Date();
    let updated = await setState(rec, {
      LeadNumber: result.LeadNumber,
      CustomerNo: result.CustomerNo || customerNo,
      ExternalID: lead.documentId,
      syncedValues: values,
      syncedStatus: NEW_STATUS,
      lastPushedAt: now.toISOString(),
      pushError: null,
    });
    await audit({
      dealership: rec.dealership,
      action: 'lead.push.create',
      entityId: lead.documentId,
      result: 'success',
      message: `Sent to EasyCars as lead ${result.LeadNumber}${customerNo ? ` (existing customer ${customerNo})` : ''}.`,
      details: { leadNumber: result.LeadNumber, customerNo: result.CustomerNo || customerNo },
    });
    try {
      const { lead: detail } = await api.getLeadDetail(result.LeadNumber);
      updated = await setState(updated, { ...recordFieldsFromDetail(detail), lastPulledAt: new Date().toISOString() });
    } catch (error) {
      strapi.log.warn(`[easycars] lead ${result.LeadNumber} was created; reading it back failed: ${(error as Error).message}`);
    }
    return updated;
  }

  /** Decides what to do with a local status change, against EasyCars' side (`detail`, read just before). */
  async function statusToSend(rec: LeadRecord, lead: LocalLead, detail: LeadDetail, strategy: CredentialRow['leadConflictStrategy']) {
    const localStatus = statusCode(lead.status);
    if (localStatus === null || localStatus === rec.syncedStatus) return { send: null, base: rec.syncedStatus };
    if (await conflicts.openFor(lead.documentId, 'status')) return { send: null, base: rec.syncedStatus };
    const decision = decideStatus({ base: rec.syncedStatus, local: localStatus, remote: detail.LeadStatus, strategy });
    const remoteName = statusName(detail.LeadStatus ?? null) ?? null;
    switch (decision.kind) {
      case 'push':
        // When EasyCars changed too and local wins, the new base is EasyCars' value.
        return { send: decision.value, base: detail.LeadStatus ?? rec.syncedStatus };
      case 'in_sync':
        return { send: null, base: decision.value };
      case 'apply_local':
        await local.apply(lead.documentId, { status: statusName(decision.value) as string });
        await audit({ dealership: rec.dealership, action: 'lead.status.pull', entityId: lead.documentId, result: 'success', message: `EasyCars status ${remoteName} applied (${strategy === 'easycars_wins' ? 'EasyCars wins' : 'deleted is final'}).` });
        return { send: null, base: decision.value };
      case 'refused':
        await local.apply(lead.documentId, { status: 'deleted' });
        await audit({ dealership: rec.dealership, action: 'lead.status.push', entityId: lead.documentId, result: 'failure', message: 'This lead is deleted in EasyCars and cannot be reopened; the local status was set back to deleted.' });
        return { send: null, base: DELETED_STATUS };
      case 'conflict': {
        const { created } = await conflicts.open({
          field: 'status',
          dealership: rec.dealership,
          leadDocumentId: lead.documentId,
          leadNumber: rec.LeadNumber as string,
          base: statusName(rec.syncedStatus) ?? null,
          local: statusName(decision.local) as string,
          remote: statusName(decision.remote) as string,
        });
        if (created) await audit({ dealership: rec.dealership, action: 'lead.status.conflict', entityId: lead.documentId, result: 'info', message: `Status changed on both sides: local ${statusName(decision.local)}, EasyCars ${remoteName}. Waiting for a manual decision.` });
        return { send: null, base: rec.syncedStatus };
      }
    }
  }

  async function update(rec: LeadRecord, lead: LocalLead | null, api: EasyCarsAccountApi, strategy: CredentialRow['leadConflictStrategy']) {
    const leadNumber = rec.LeadNumber as string;
    if (!lead) {
      // The local lead was deleted: EasyCars' nearest equivalent is LeadStatus Deleted.
      if (rec.syncedStatus !== DELETED_STATUS) {
        await setState(rec, { pushAttempts: (rec.pushAttempts ?? 0) + 1 });
        await api.updateLead({ LeadNumber: leadNumber, LeadStatus: DELETED_STATUS });
        await audit({ dealership: rec.dealership, action: 'lead.status.push', entityId: rec.leadDocumentId, result: 'success', message: `The local lead was deleted: EasyCars lead ${leadNumber} set to Deleted.` });
      }
      await setState(rec, { pushState: 'pushed', pushError: null, syncedStatus: DELETED_STATUS, LeadStatus: DELETED_STATUS, lastPushedAt: new Date().toISOString() });
      return;
    }
    const values = local.valuesOf(lead, rec.syncedValues);
    const localStatus = statusCode(lead.status);
    if (!changedFields(values, rec.syncedValues).length && (localStatus === null || localStatus === rec.syncedStatus)) {
      await setState(rec, { pushState: 'pushed', pushError: null });
      return;
    }
    // Something changed here: look at EasyCars' side first, so a change made there is merged, not overwritten.
    const { lead: before } = await api.getLeadDetail(leadNumber);
    const merge = mergeFields({ base: rec.syncedValues, local: values, remote: valuesFromDetail(before).values, strategy, refused: rec.refusedValues });
    await syncFieldConflicts(deps, rec, lead.documentId, merge);
    if (Object.keys(merge.apply).length) await local.apply(lead.documentId, merge.apply);
    const status = await statusToSend(rec, lead, before, strategy);
    const base: Partial<LeadValues> = { ...(rec.syncedValues ?? {}), ...merge.agreed };
    let refused: RefusedValues = { ...merge.refused };
    const notes = (fields: string[]) => [
      merge.createOnly.length ? `Changed locally, but EasyCars only takes these when a lead is created: ${merge.createOnly.join(', ')}.` : null,
      fields.length ? `Not accepted by EasyCars (kept here, not sent again until changed): ${fields.join(', ')}.` : null,
    ].filter(Boolean).join(' ') || null;
    const plan = buildUpdateRequest(leadNumber, values, base, { customerNo: rec.CustomerNo, status: status.send, only: merge.push });
    if (!plan) {
      await setState(rec, { pushState: 'pushed', pushError: notes(Object.keys(refused)), syncedValues: base, refusedValues: refusedOrNull(refused), syncedStatus: status.base });
      return;
    }
    const issues = validateUpdate(plan.body);
    if (issues.length) {
      const message = `Update not sent to EasyCars: ${issues.map((i) => i.message).join('; ')}.`;
      await setState(rec, { pushState: 'failed', pushError: message, syncedValues: base, syncedStatus: status.base });
      await audit({ dealership: rec.dealership, action: 'lead.push.update', entityId: lead.documentId, result: 'failure', message });
      return;
    }
    await setState(rec, { pushAttempts: (rec.pushAttempts ?? 0) + 1 });
    const result = await api.updateLead(plan.body);
    let taken = plan.fields;
    const customerSent = pick(values, plan.fields.filter((f) => 'customer' in FIELD_SPECS[f]));
    if (Object.keys(customerSent).length) {
      // UpdateLead's LeadCustomer is not documented to change an existing customer's details: read back what it kept.
      const { lead: after } = await api.getLeadDetail(leadNumber);
      const readBack = valuesFromDetail(after).values;
      const check = acceptedAfterUpdate(customerSent, readBack);
      taken = plan.fields.filter((f) => !(f in check.refused));
      for (const f of Object.keys(check.refused) as SyncedField[]) base[f] = readBack[f] ?? null;
      refused = { ...refused, ...check.refused };
      if (Object.keys(check.refused).length) {
        await audit({ dealership: rec.dealership, action: 'lead.push.update', entityId: lead.documentId, result: 'failure', changedFields: Object.keys(check.refused), message: `EasyCars did not take the customer change of lead ${leadNumber}: ${Object.keys(check.refused).join(', ')} kept here only.` });
      }
    }
    const synced = { ...base, ...pick(values, taken) };
    const newStatus = plan.status ?? status.base;
    await setState(rec, {
      pushState: 'pushed',
      pushError: notes(Object.keys(refused)),
      syncedValues: synced,
      refusedValues: refusedOrNull(refused),
      syncedStatus: newStatus,
      ...(result.CustomerNo ? { CustomerNo: result.CustomerNo } : {}),
      ...(plan.status !== null ? { LeadStatus: plan.status } : {}),
      lastPushedAt: new Date().toISOString(),
    });
    if (taken.length) {
      await audit({ dealership: rec.dealership, action: 'lead.push.update', entityId: lead.documentId, result: 'success', changedFields: taken, message: `UpdateLead ${leadNumber}: ${taken.join(', ')}.` });
    }
    if (plan.status !== null) {
      await audit({ dealership: rec.dealership, action: 'lead.status.push', entityId: lead.documentId, result: 'success', changedFields: ['status'], message: `EasyCars lead ${leadNumber} status set to ${statusName(plan.status)} (${plan.status}).` });
    }
  }

  async function fail(rec: LeadRecord, error: unknown, phase: 'create' | 'update') {
    if (error instanceof RetryLater) throw error;
    const fresh = (await records.byId(rec.id)) ?? rec;
    const attempts = fresh.pushAttempts ?? 0;
    if (!isEasyCarsError(error)) {
      const message = `The push stopped on an internal error: ${(error as Error)?.message ?? String(error)}`;
      strapi.log.error(`[easycars] lead push ${rec.leadDocumentId}: ${message}`);
      await setState(fresh, { pushState: 'failed', pushError: message });
      return;
    }
    const e = error as EasyCarsError;
    if (phase === 'create' && e.mayHaveReachedServer) {
      // The create claim is taken just before the POST: its time is when the request went out.
      const sentAt = fresh.createRequestedAt ? new Date(fresh.createRequestedAt) : new Date();
      const message = reviewMessage(e, rec.leadDocumentId as string, sentAt);
      await setState(fresh, { pushState: 'review', pushError: message });
      await audit({ dealership: rec.dealership, action: 'lead.push.create', entityId: rec.leadDocumentId, result: 'failure', message: `CreateLead got no usable answer; the lead may exist in EasyCars (ExternalID ${rec.leadDocumentId}). Flagged for review.` });
      return;
    }
    if (phase === 'create') await setState(fresh, { createRequestedAt: null });
    // UpdateLead carries absolute values, so repeating one is harmless even if it did arrive.
    const safeToRepeat = e.retryable || (phase === 'update' && ['timeout', 'system', 'network'].includes(e.kind));
    if (safeToRepeat && attempts < MAX_PUSH_ATTEMPTS) {
      await setState(fresh, { pushError: `Attempt ${attempts} of ${MAX_PUSH_ATTEMPTS} failed, trying again: ${e.message}` });
      throw new RetryLater(e.message);
    }
    const message = safeToRepeat ? `Gave up after ${attempts} attempts: ${e.message}` : e.message;
    await setState(fresh, { pushState: 'failed', pushError: message });
    await audit({ dealership: rec.dealership, action: `lead.push.${phase}`, entityId: rec.leadDocumentId, result: 'failure', message });
  }

  /** Pushes whatever this lead's record says is pending. Throws RetryLater to be retried by the job queue. */
  async function push(leadDocumentId: string): Promise<void> {
    await withLeadLock(strapi, leadDocumentId, async () => {
      let rec = await records.byLead(leadDocumentId);
      if (!rec || rec.pushState !== 'pending') return;
      const lead = await local.find(leadDocumentId);
      const dealership = lead ? (lead.dealership?.documentId ?? null) : rec.dealership;
      if (dealership !== rec.dealership) {
        // Its dealership changed after the record was made: a lead that never went out follows it;
        // one that did is never sent to the old account (nor the new one).
        if (!dealership || !(await records.reassignUnsent(rec.id, dealership))) {
          await stopMovedLead(deps, rec);
          return;
        }
        rec = (await records.byLead(leadDocumentId))!;
      }
      const row = await findLeadCredential(strapi, rec.dealership);
      if (!row) {
        await setState(rec, { pushState: 'not_applicable', pushError: NO_CREDENTIAL });
        return;
      }
      let phase: 'create' | 'update' = rec.LeadNumber ? 'update' : 'create';
      try {
        const api = accountFor(strapi, row);
        let current: LeadRecord | null = rec;
        if (!rec.LeadNumber) {
          if (!lead) {
            await setState(rec, { pushState: 'not_applicable', pushError: 'The local lead was deleted before it reached EasyCars.' });
            return;
          }
          current = await create(rec, lead, api);
          if (!current) return;
          phase = 'update';
        }
        await update(current, lead, api, row.leadConflictStrategy);
      } catch (error) {
        await fail(rec, error, phase);
      }
    });
  }

  /** Sends one status to EasyCars (conflict resolution). */
  async function sendStatus(rec: LeadRecord, status: number) {
    const row = await findLeadCredential(strapi, rec.dealership);
    if (!row) throw new Error(NO_CREDENTIAL);
    await accountFor(strapi, row).updateLead({ LeadNumber: rec.LeadNumber as string, LeadStatus: status as LeadStatusValue });
  }

  return { push, sendStatus };
}

export type Pusher = ReturnType<typeof createPusher>;
