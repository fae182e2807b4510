import type { Core } from '@strapi/strapi';
import type { AuditInput } from '../services/audit';
import { getService } from '../utils/plugin';
import { leadConflicts } from './conflicts';
import { localLeads } from './local-leads';
import { leadRecords } from './records';

export const PUSH_JOB = 'easycars-lead-push';

/** What every lead-sync step needs; built once per Strapi instance. */
export function leadDeps(strapi: Core.Strapi) {
  return {
    strapi,
    records: leadRecords(strapi),
    conflicts: leadConflicts(strapi),
    local: localLeads(strapi),
    audit: (input: AuditInput) =>
      getService(strapi, 'audit')
        .record({ entityType: 'lead', ...input })
        .catch((e: Error) => strapi.log.error(`[easycars] could not write the audit entry ${input.action}: ${e.message}`)),
    /** Queues the durable push job (the lead-record row, pending, is the real outbox). */
    async enqueuePush(leadDocumentId: string) {
      await getService(strapi, 'jobs').sendJob(
        PUSH_JOB,
        { leadDocumentId },
        { singletonKey: `lead-push:${leadDocumentId}`, retryLimit: 2, retryDelaySeconds: 2, retryBackoff: true },
      );
    },
    /** Runs fn once the surrounding transaction (if any) has committed. */
    afterCommit(fn: () => Promise<unknown>) {
      const run = () => void fn().catch((e: Error) => strapi.log.error(`[easycars] ${e.message}`));
      if (!strapi.db.inTransaction()) return run();
      void strapi.db.transaction(async ({ onCommit }) => onCommit(run));
    },
  };
}

export type LeadDeps = ReturnType<typeof leadDeps>;
