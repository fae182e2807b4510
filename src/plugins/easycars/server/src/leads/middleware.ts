/**
 * Document Service middleware on the host lead collection: a create/update/delete made anywhere
 * (content manager, REST, code) marks the lead-record pending and queues the push once the
 * write has committed. Writes made by the sync itself are skipped (see sync-context.ts).
 */
import type { Core } from '@strapi/strapi';
import { skippableByBulkCreate } from '../utils/document-middlewares';
import { errors } from '@strapi/utils';
import { findLeadCredential } from './credential';
import type { LeadDeps } from './deps';
import { DELETED_STATUS } from './enums';
import { leadUid } from './local-leads';
import { hostConfig } from '../host/config';
import { isSyncWrite } from './sync-context';
import { CUSTOMER_FIELDS, withoutCustomer } from './fields';
import type { LeadRecord } from './records';
import { boundToAccount, refuseMoveOfSentLead, stopMovedLead } from './dealership-move';

export const REVIVE_REFUSED = 'This lead is deleted in EasyCars and cannot be reopened';

const WATCHED = new Set(['create', 'update', 'delete']);

export function registerLeadMiddleware(strapi: Core.Strapi, deps: () => LeadDeps) {
  // Skippable by the sync's bulk create: leads only.
  strapi.documents.use(skippableByBulkCreate(async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid !== leadUid(strapi) || !WATCHED.has(ctx.action) || isSyncWrite()) return next();
    if (ctx.action === 'update') {
      await refuseRevival(deps(), ctx.params);
      const dealershipAttr = hostConfig(strapi).lead.dealership;
      if (ctx.params?.documentId && ctx.params?.data && dealershipAttr in ctx.params.data) {
        await refuseMoveOfSentLead(strapi, await deps().records.byLead(ctx.params.documentId), ctx.params.data[dealershipAttr]);
      }
    }
    const result = await next();
    const documentId: string | undefined = ctx.action === 'create' ? result?.documentId : ctx.params?.documentId;
    if (documentId) {
      try {
        if (ctx.action === 'delete') await afterDelete(deps(), documentId);
        else await afterSave(deps(), documentId);
      } catch (error) {
        // The lead is saved; a sync bookkeeping failure must not undo that. The next save or sync retries.
        strapi.log.error(`[easycars] could not queue the EasyCars push of lead ${documentId}: ${(error as Error).message}`);
      }
    }
    return result;
  }));
}

async function refuseRevival(deps: LeadDeps, params: any) {
  const statusAttr = hostConfig(deps.strapi).lead.status;
  const status = statusAttr ? params?.data?.[statusAttr] : undefined;
  if (status === undefined || status === null || status === 'deleted' || !params?.documentId) return;
  const rec = await deps.records.byLead(params.documentId);
  if (rec && (rec.syncedStatus === DELETED_STATUS || rec.LeadStatus === DELETED_STATUS)) {
    throw new errors.ValidationError(REVIVE_REFUSED, {
      errors: [{ path: [statusAttr as string], message: REVIVE_REFUSED, name: 'ValidationError' }],
    });
  }
}

async function afterSave(deps: LeadDeps, documentId: string) {
  const { records, local, strapi } = deps;
  let rec = await records.byLead(documentId);
  const moved = rec ? await followDealership(deps, rec, documentId) : 'same';
  if (moved === 'stopped') return;
  if (moved === 'followed') rec = await records.byLead(documentId);
  // Review waits for an admin decision (never a second CreateLead), except a created lead moved back to its own dealership.
  if (rec && rec.pushState === 'review' && !(rec.LeadNumber && moved === 'same')) return;
  if (rec && rec.pushState !== 'not_applicable') {
    await records.update(rec.id, { pushState: 'pending', pushAttempts: 0 });
    deps.afterCommit(() => deps.enqueuePush(documentId));
    return;
  }
  const lead = await local.find(documentId);
  const dealership = lead?.dealership?.documentId;
  if (!dealership) return;
  const credential = await findLeadCredential(strapi, dealership);
  const data = credential
    ? { pushState: 'pending' as const, pushError: null, pushAttempts: 0 }
    : { pushState: 'not_applicable' as const, pushError: 'The dealership has no active EasyCars credential with lead sync turned on.' };
  if (rec) await records.update(rec.id, { ...data, dealership });
  else await records.create({ ...data, dealership, leadDocumentId: documentId, ExternalID: documentId, origin: 'here' });
  if (credential) deps.afterCommit(() => deps.enqueuePush(documentId));
}

/**
 * The lead's dealership changed: a lead that never went out follows it (its record is re-assigned and
 * re-evaluated for the new dealership's account); one that went out (or was being sent meanwhile) stops
 * in review, sent to neither account.
 */
async function followDealership(deps: LeadDeps, rec: LeadRecord, documentId: string): Promise<'same' | 'followed' | 'stopped'> {
  const lead = await deps.local.find(documentId);
  const now = lead?.dealership?.documentId ?? null;
  if (!lead || now === rec.dealership) return 'same';
  if (rec.pushState === 'review' && !rec.LeadNumber) return 'stopped'; // an uncertain CreateLead stays for the admin
  if (!boundToAccount(rec) && now && (await deps.records.reassignUnsent(rec.id, now))) return 'followed';
  if (!now && !boundToAccount(rec)) {
    await deps.records.update(rec.id, { pushState: 'not_applicable', pushError: 'The lead has no dealership.' });
    return 'stopped';
  }
  await stopMovedLead(deps, rec);
  return 'stopped';
}

async function afterDelete(deps: LeadDeps, documentId: string) {
  const rec = await deps.records.byLead(documentId);
  if (!rec) return;
  await forgetCustomer(deps, rec);
  if (!rec.LeadNumber) {
    if (!rec.createRequestedAt) await deps.records.update(rec.id, { pushState: 'not_applicable', pushError: 'The local lead was deleted before it reached EasyCars.' });
    return;
  }
  if (rec.syncedStatus === DELETED_STATUS) return;
  await deps.records.update(rec.id, { pushState: 'pending', pushAttempts: 0 });
  deps.afterCommit(() => deps.enqueuePush(documentId));
}

/** The host lead is gone: its record keeps LeadNumber and state (to push the deletion), not the customer's details. */
async function forgetCustomer(deps: LeadDeps, rec: LeadRecord) {
  await deps.records.update(rec.id, { syncedValues: withoutCustomer(rec.syncedValues), refusedValues: null, extraFields: null });
  await deps.conflicts.forgetValues(rec.leadDocumentId as string, CUSTOMER_FIELDS);
  for (const open of await deps.conflicts.allOpenFor(rec.leadDocumentId as string)) {
    if (open.field !== 'status') await deps.conflicts.resolve(open.id, 'easycars', { id: null, name: 'sync (the local lead was deleted)' });
  }
}
