/** Keeps the conflict queue in step with a field merge: opens what conflicts now, closes what the sides agree on again. */
import type { LeadDeps } from './deps';
import { valueToText, type MergePlan } from './merge';
import type { LeadRecord } from './records';

/** Returns one message per newly opened conflict. */
export async function syncFieldConflicts(deps: LeadDeps, rec: LeadRecord, leadDocumentId: string, plan: MergePlan): Promise<string[]> {
  const { conflicts, audit } = deps;
  const conflicting = new Set<string>(plan.conflicts.map((c) => c.field));
  const messages: string[] = [];
  for (const c of plan.conflicts) {
    const { created } = await conflicts.open({
      dealership: rec.dealership,
      leadDocumentId,
      leadNumber: rec.LeadNumber as string,
      field: c.field,
      base: valueToText(c.base),
      local: valueToText(c.local),
      remote: valueToText(c.remote),
    });
    const message = `${c.field} changed on both sides: waiting for a manual decision.`;
    messages.push(message);
    if (created) await audit({ dealership: rec.dealership, action: 'lead.field.conflict', entityId: leadDocumentId, result: 'info', changedFields: [c.field], message });
  }
  for (const open of await conflicts.allOpenFor(leadDocumentId)) {
    if (open.field === 'status' || conflicting.has(open.field)) continue;
    const tookRemote = open.field in plan.apply;
    await conflicts.resolve(open.id, tookRemote ? 'easycars' : 'local', { id: null, name: 'sync (the sides agree now)' });
  }
  return messages;
}
