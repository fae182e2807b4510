/**
 * Inbound: refresh the leads we know (there is no way to list EasyCars leads) from GetLeadDetail,
 * apply what EasyCars changed to the local lead, and keep the full answer in the lead-record.
 */
import type { EasyCarsAccountApi } from '../client';
import type { CredentialRow } from '../credentials/types';
import type { LeadDeps } from './deps';
import { STATUS, statusCode, statusName } from './enums';
import type { LeadValues } from './fields';
import { syncFieldConflicts } from './field-conflicts';
import { withLeadLock } from './lead-lock';
import { recordFieldsFromDetail, valuesFromDetail } from './mapper';
import type { LeadRecord } from './records';
import { mergeFields } from './merge';
import { decideStatus } from './status';

export type PullOutcome = 'updated' | 'unchanged' | 'conflict' | 'skipped' | 'failed';

export interface PullResult {
  ref: string;
  /** The local lead's documentId, when there is one (a link from the history). */
  entry?: string | null;
  outcome: PullOutcome;
  message?: string;
  warnings: string[];
}

export function createPuller(deps: LeadDeps) {
  const { strapi, records, local, conflicts, audit } = deps;

  async function refresh(recordId: number, api: EasyCarsAccountApi, strategy: CredentialRow['leadConflictStrategy']): Promise<PullResult> {
    const first = await records.byId(recordId);
    const ref = first?.LeadNumber ?? `record ${recordId}`;
    if (!first?.LeadNumber) return { ref, outcome: 'skipped', message: 'Not in EasyCars yet', warnings: [] };
    return withLeadLock(strapi, first.leadDocumentId ?? `lead-number:${first.LeadNumber}`, async () => {
      const rec = (await records.byId(recordId)) as LeadRecord;
      const { lead: detail, code, errorMessage } = await api.getLeadDetail(rec.LeadNumber as string);
      const inbound = valuesFromDetail(detail);
      // Code 5 (FR15): the detail came with a message EasyCars wants read; the run shows it as a warning.
      if (code === 5) inbound.warnings.push(`EasyCars answered with a warning (Code 5): ${errorMessage ?? 'no message given'}`);
      const recordFields = { ...recordFieldsFromDetail(detail), lastPulledAt: new Date().toISOString() };
      const lead = rec.leadDocumentId ? await local.find(rec.leadDocumentId) : null;
      if (!lead) {
        await records.update(rec.id, { ...recordFields, extraFields: null }); // no local lead: keep nothing personal
        return { ref, outcome: 'skipped', message: 'The local lead was deleted', warnings: inbound.warnings };
      }

      const plan = mergeFields({ base: rec.syncedValues, local: local.valuesOf(lead, rec.syncedValues), remote: inbound.values, strategy, refused: rec.refusedValues });
      const apply: Record<string, unknown> = { ...plan.apply };
      const agreed: Partial<LeadValues> = { ...(rec.syncedValues ?? {}), ...plan.agreed };
      // Local-only changes normally went out with the save; a run only re-queues them when the lead shows as sent.
      let localPending = plan.push.length > 0 && rec.pushState === 'pushed';
      const fieldConflicts = await syncFieldConflicts(deps, rec, lead.documentId, plan);

      const decision = decideStatus({
        base: rec.syncedStatus,
        local: statusCode(lead.status),
        remote: inbound.status ? STATUS[inbound.status] : undefined,
        strategy,
      });
      let syncedStatus = rec.syncedStatus;
      let conflictMessage: string | null = null;
      switch (decision.kind) {
        case 'in_sync':
          syncedStatus = decision.value;
          break;
        case 'apply_local':
          apply.status = statusName(decision.value);
          syncedStatus = decision.value;
          break;
        case 'push':
          localPending = true;
          if (inbound.status) syncedStatus = STATUS[inbound.status];
          break;
        case 'refused':
          if (decision.side === 'local') {
            apply.status = 'deleted';
            syncedStatus = decision.value;
          }
          break;
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
          conflictMessage = `Status changed on both sides (local ${statusName(decision.local)}, EasyCars ${statusName(decision.remote)}): waiting for a manual decision.`;
          if (created) await audit({ dealership: rec.dealership, action: 'lead.status.conflict', entityId: lead.documentId, result: 'info', message: conflictMessage });
          break;
        }
      }
      if (decision.kind !== 'conflict') {
        const open = await conflicts.openFor(lead.documentId, 'status');
        if (open) await conflicts.resolve(open.id, decision.kind === 'apply_local' ? 'easycars' : 'local', { id: null, name: 'sync (the sides agree now)' });
      }

      await strapi.db.transaction(async () => {
        if (Object.keys(apply).length) await local.apply(lead.documentId, apply);
        await records.update(rec.id, {
          ...recordFields,
          syncedValues: agreed,
          refusedValues: Object.keys(plan.refused).length ? plan.refused : null,
          syncedStatus,
          ...(localPending && rec.pushState !== 'review' ? { pushState: 'pending', pushAttempts: 0 } : {}),
        });
      });
      if (localPending && rec.pushState !== 'review') deps.afterCommit(() => deps.enqueuePush(lead.documentId));
      if (apply.status !== undefined) {
        await audit({ dealership: rec.dealership, action: 'lead.status.pull', entityId: lead.documentId, result: 'success', changedFields: ['status'], message: `EasyCars status ${apply.status} applied to the local lead.` });
      }
      const changed = Object.keys(apply);
      const conflictMessages = [conflictMessage, ...fieldConflicts].filter(Boolean);
      if (conflictMessages.length) return { ref, outcome: 'conflict', message: conflictMessages.join(' '), warnings: inbound.warnings };
      return changed.length
        ? { ref, outcome: 'updated', message: `Updated: ${changed.join(', ')}`, warnings: inbound.warnings }
        : { ref, outcome: 'unchanged', warnings: inbound.warnings };
    });
  }

  return { refresh };
}

export type Puller = ReturnType<typeof createPuller>;
