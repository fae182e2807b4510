/** Resolving a conflict (status or one field): the chosen value is applied on both sides, once, and becomes the new base. */
import { errors } from '@strapi/utils';
import { isEasyCarsError } from '../client';
import type { LeadDeps } from './deps';
import { LeadStateConflict } from './errors';
import { STATUS, type LocalStatus } from './enums';
import { withLeadLock } from './lead-lock';
import type { Pusher } from './push';
import type { LeadConflict } from './conflicts';
import { isSyncedField, valueFromText } from './merge';
import type { LeadRecord } from './records';

export type Resolution = 'local' | 'easycars';

export async function resolveConflict(deps: LeadDeps, pusher: Pusher, conflictId: number, choice: unknown, actor: { id: number; name: string }) {
  const { records, conflicts, local, audit, strapi } = deps;
  if (choice !== 'local' && choice !== 'easycars') {
    const message = 'choice must be "local" (keep the local value) or "easycars" (take the EasyCars value)';
    throw new errors.ValidationError(message, { errors: [{ path: ['choice'], message, name: 'ValidationError' }] });
  }
  const first = await conflicts.get(conflictId);
  if (!first) throw new errors.NotFoundError(`Conflict ${conflictId} not found.`);
  return withLeadLock(strapi, first.leadDocumentId ?? `conflict:${conflictId}`, async () => {
    const conflict = await conflicts.get(conflictId);
    if (!conflict || conflict.state !== 'open') throw new LeadStateConflict('This conflict is already resolved.', { resolution: conflict?.resolution ?? null });
    const rec = conflict.leadDocumentId ? await records.byLead(conflict.leadDocumentId) : null;
    if (!rec?.LeadNumber) throw new errors.ApplicationError('The lead of this conflict is no longer linked to EasyCars.');
    if (conflict.field !== 'status') return resolveField(deps, rec, conflict, choice, actor);
    const chosen = (choice === 'local' ? conflict.localValue : conflict.remoteValue) as LocalStatus;
    const code = STATUS[chosen];
    try {
      if (choice === 'local') await pusher.sendStatus(rec, code);
      else await local.apply(conflict.leadDocumentId as string, { status: chosen });
    } catch (error) {
      const message = isEasyCarsError(error) ? error.message : (error as Error).message;
      await audit({ dealership: rec.dealership, action: 'lead.status.conflict.resolve', entityId: conflict.leadDocumentId, actor, result: 'failure', message });
      throw new errors.ApplicationError(`The conflict was not resolved: ${message}`);
    }
    await records.update(rec.id, { syncedStatus: code, LeadStatus: code });
    const resolved = await conflicts.resolve(conflict.id, choice, actor);
    await audit({
      dealership: rec.dealership,
      action: 'lead.status.conflict.resolve',
      entityId: conflict.leadDocumentId,
      actor,
      result: 'success',
      changedFields: ['status'],
      message: `Status conflict on lead ${rec.LeadNumber} resolved: ${choice === 'local' ? 'local' : 'EasyCars'} value "${chosen}" kept on both sides.`,
    });
    return resolved;
  });
}

/**
 * A field conflict. EasyCars' value becomes the base either way: "easycars" writes it here; "local" leaves the
 * local value as a change against it, which the push job sends (and reads back, for customer details).
 */
async function resolveField(deps: LeadDeps, rec: LeadRecord, conflict: LeadConflict, choice: Resolution, actor: { id: number; name: string }) {
  const { records, conflicts, local, audit } = deps;
  if (!isSyncedField(conflict.field)) throw new errors.ApplicationError(`Unknown lead field "${conflict.field}" in conflict ${conflict.id}.`);
  const field = conflict.field;
  const remote = valueFromText(field, conflict.remoteValue);
  const leadDocumentId = conflict.leadDocumentId as string;
  if (choice === 'easycars') await local.apply(leadDocumentId, { [field]: remote });
  const refused = { ...(rec.refusedValues ?? {}) };
  delete refused[field];
  await records.update(rec.id, {
    syncedValues: { ...(rec.syncedValues ?? {}), [field]: remote },
    refusedValues: Object.keys(refused).length ? refused : null,
    ...(choice === 'local' && rec.pushState !== 'review' ? { pushState: 'pending', pushAttempts: 0 } : {}),
  });
  const resolved = await conflicts.resolve(conflict.id, choice, actor);
  if (choice === 'local' && rec.pushState !== 'review') deps.afterCommit(() => deps.enqueuePush(leadDocumentId));
  await audit({
    dealership: rec.dealership,
    action: 'lead.field.conflict.resolve',
    entityId: leadDocumentId,
    actor,
    result: 'success',
    changedFields: [field],
    message: `Conflict on ${field} of lead ${rec.LeadNumber} resolved: ${choice === 'local' ? 'the local value is sent to EasyCars' : 'the EasyCars value is kept here'}.`,
  });
  return resolved;
}
