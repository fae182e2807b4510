/** "Import lead by number": the only way to bring in a lead EasyCars knows and we do not. */
import { errors } from '@strapi/utils';
import { EasyCarsFailedError, isEasyCarsError } from '../client';
import { leadAccount } from './credential';
import { LeadStateConflict } from './errors';
import type { LeadDeps } from './deps';
import { NEW_STATUS, STATUS } from './enums';
import { recordFieldsFromDetail, valuesFromDetail } from './mapper';

export interface ImportResult {
  leadDocumentId: string;
  leadNumber: string;
  /** created: a new local lead; linked: an existing local lead (matched by ExternalID) now tracks it. */
  outcome: 'created' | 'linked';
}

const invalid = (message: string) =>
  new errors.ValidationError(message, { errors: [{ path: ['leadNumber'], message, name: 'ValidationError' }] });

export async function importLead(deps: LeadDeps, dealership: string, rawNumber: unknown, actor: { id: number; name: string }): Promise<ImportResult> {
  const { strapi, records, local, audit } = deps;
  const leadNumber = typeof rawNumber === 'string' ? rawNumber.trim() : '';
  if (!leadNumber) throw invalid('leadNumber is required (the EasyCars LeadNumber, e.g. 000017)');
  if (leadNumber.length > 20) throw invalid('leadNumber must be at most 20 characters');

  const account = await leadAccount(strapi, dealership);
  if (!account) throw new errors.ValidationError('This dealership has no active EasyCars credential with lead sync turned on.');
  const known = await records.byNumber(dealership, leadNumber);
  if (known) {
    throw new LeadStateConflict(`EasyCars lead ${leadNumber} is already linked to a local lead.`, { leadDocumentId: known.leadDocumentId });
  }

  let detail;
  try {
    ({ lead: detail } = await account.api.getLeadDetail(leadNumber));
  } catch (error) {
    if (error instanceof EasyCarsFailedError) {
      throw invalid(`EasyCars has no lead ${leadNumber} that this account can read (only leads created by this lead source can be read). ${error.serverMessage ?? ''}`.trim());
    }
    if (isEasyCarsError(error)) throw new errors.ApplicationError(error.message);
    throw error;
  }
  const inbound = valuesFromDetail(detail);
  const status = inbound.status ?? 'new';
  const syncedStatus = inbound.status ? STATUS[inbound.status] : NEW_STATUS;
  const base = { ...recordFieldsFromDetail(detail), LeadNumber: leadNumber, lastPulledAt: new Date().toISOString(), syncedStatus, pushState: 'pushed' as const, pushError: null };

  // A record we already hold for it (e.g. a CreateLead flagged for review) is found by ExternalID.
  const duplicate = await records.findDuplicate(dealership, leadNumber, detail.ExternalID);
  const linkedLead = duplicate?.leadDocumentId ? await local.find(duplicate.leadDocumentId) : detail.ExternalID ? await local.find(detail.ExternalID) : null;

  const result = await strapi.db.transaction(async () => {
    if (linkedLead) {
      const rec = duplicate ?? (await records.byLead(linkedLead.documentId));
      await local.apply(linkedLead.documentId, { ...inbound.values, status });
      const data = { ...base, syncedValues: inbound.values, leadDocumentId: linkedLead.documentId };
      if (rec) await records.update(rec.id, data);
      else await records.create({ ...data, dealership, origin: 'here' });
      return { leadDocumentId: linkedLead.documentId, leadNumber, outcome: 'linked' as const };
    }
    const created = await local.createFromEasyCars({ ...inbound.values, status }, dealership, detail.StockNumber);
    await records.create({ ...base, dealership, leadDocumentId: created.documentId, syncedValues: inbound.values, origin: 'easycars' });
    return { leadDocumentId: created.documentId, leadNumber, outcome: 'created' as const };
  });
  await audit({
    dealership,
    action: 'lead.import',
    entityId: result.leadDocumentId,
    actor,
    result: 'success',
    message: `EasyCars lead ${leadNumber} imported (${result.outcome === 'created' ? 'new local lead' : 'linked to the existing local lead'}).`,
  });
  return result;
}
