/**
 * A lead that reached (or may have reached) one dealership's EasyCars account belongs to that account:
 * moving it to another dealership is refused on save, and a push never sends it to either account once
 * its local dealership and its record disagree. A lead that never went out simply follows its dealership.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hostConfig } from '../host/config';
import { parseRelationInput, type RelationTarget } from '../tenancy/relation-targets';
import type { LeadDeps } from './deps';
import type { LeadRecord } from './records';

/** The record says the lead is in, or may be in, its dealership's EasyCars account. */
export const boundToAccount = (rec: Pick<LeadRecord, 'LeadNumber' | 'createRequestedAt'>) => Boolean(rec.LeadNumber || rec.createRequestedAt);

export function movedLeadRefusal(dealershipName: string, rec: Pick<LeadRecord, 'LeadNumber'>): string {
  const where = rec.LeadNumber ? `is EasyCars lead ${rec.LeadNumber} in the account of ${dealershipName}` : `may already be in the EasyCars account of ${dealershipName}`;
  return `This lead ${where}, so it cannot move to another dealership (EasyCars leads cannot change account). Create a new lead for the other dealership instead.`;
}

export function movedAfterSendingReview(fromName: string, rec: Pick<LeadRecord, 'LeadNumber'>): string {
  return (
    `${movedLeadRefusal(fromName, rec).replace('so it cannot move', 'but it was moved')} ` +
    'Nothing was sent to either account. Move it back to send its changes again.'
  );
}

/**
 * The dealership an update's `dealership` input leaves the lead with: a documentId, null when it unlinks
 * it, or undefined when the input does not change it.
 */
export async function intendedDealership(strapi: Core.Strapi, input: unknown, current: string | null): Promise<string | null | undefined> {
  const change = parseRelationInput(input);
  let target: RelationTarget | undefined;
  if (change.set !== undefined) target = change.set[0];
  else if (change.connect.length) target = change.connect[0];
  else if (change.disconnect.length) return null;
  else return undefined;
  if (!target) return null;
  if (target.documentId) return target.documentId;
  const row = await strapi.db.query(hostConfig(strapi).types.dealership as any).findOne({ where: { id: target.id }, select: ['documentId'] });
  return row?.documentId ?? current;
}

/** Before an update is written: refuses to move a lead that is bound to its dealership's account. */
export async function refuseMoveOfSentLead(strapi: Core.Strapi, rec: LeadRecord | null, input: unknown): Promise<void> {
  if (!rec || !boundToAccount(rec)) return;
  const intended = await intendedDealership(strapi, input, rec.dealership);
  if (intended === undefined || intended === rec.dealership) return;
  const name = await dealershipName(strapi, rec.dealership);
  const message = movedLeadRefusal(name, rec);
  throw new errors.ValidationError(message, { errors: [{ path: ['dealership'], message, name: 'ValidationError' }] });
}

export async function dealershipName(strapi: Core.Strapi, documentId: string): Promise<string> {
  const { types, dealership: fields } = hostConfig(strapi);
  const row = await strapi.db.query(types.dealership as any).findOne({ where: { documentId }, select: [fields.name] });
  return (row?.[fields.name] as string | undefined) ?? `dealership ${documentId}`;
}

/** The lead's dealership and its record disagree and it went out: review, sent to neither account. */
export async function stopMovedLead(deps: LeadDeps, rec: LeadRecord) {
  const message = movedAfterSendingReview(await dealershipName(deps.strapi, rec.dealership), rec);
  await deps.records.update(rec.id, { pushState: 'review', pushError: message });
  await deps.audit({ dealership: rec.dealership, action: 'lead.push.update', entityId: rec.leadDocumentId ?? undefined, result: 'failure', message, changedFields: ['dealership'] });
}
