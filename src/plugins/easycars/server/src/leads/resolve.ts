/** Resolving a status conflict: the chosen value is applied on both sides, once, and becomes the new base. */
import { errors } from '@strapi/utils';
import { isEasyCarsError } from '../client';
import type { LeadDeps } from './deps';
import { LeadStateConflict } from './errors';
import { STATUS, type LocalStatus } from './enums';
import { withLeadLock } from './lead-lock';
import type { Pusher } from './push';

export type Resolution = 'local' | 'easycars';

export async function resolveConflict(deps: LeadDeps, pusher: Pusher, conflictId: number, choice: unknown, actor: { id: number; name: string }) {
  const { records, conflicts, local, audit } = deps;
  if (choice !== 'local' && choice !== 'easycars') {
    const message = 'choice must be "local" (keep the local status) or "easycars" (take the EasyCars status)';
    throw new errors.ValidationError(message, { errors: [{ path: ['choice'], message, name: 'ValidationError' }] });
  }
  const first = await conflicts.get(conflictId);
  if (!first) throw new errors.NotFoundError(`Conflict ${conflictId} not found.`);
  return withLeadLock(first.leadDocumentId ?? `conflict:${conflictId}`, async () => {
    const conflict = await conflicts.get(conflictId);
    if (!conflict || conflict.state !== 'open') throw new LeadStateConflict('This conflict is already resolved.', { resolution: conflict?.resolution ?? null });
    const rec = conflict.leadDocumentId ? await records.byLead(conflict.leadDocumentId) : null;
    if (!rec?.LeadNumber) throw new errors.ApplicationError('The lead of this conflict is no longer linked to EasyCars.');
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
