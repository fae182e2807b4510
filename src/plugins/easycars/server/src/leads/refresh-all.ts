/** The 'leads' sync run for one dealership: refresh every known LeadNumber, with bounded concurrency. */
import type { PluginConfig } from '../config/schema';
import { RunAbort, runLogged, type RunContext } from '../sync-logs/run-logged';
import { SyncCancelled, type FinishInput } from '../sync-logs/types';
import { getConfig, getService } from '../utils/plugin';
import { leadAccount } from './credential';
import type { LeadDeps } from './deps';
import type { Puller, PullResult } from './pull';
import { RARE_REFRESH_DAYS, selectForRefresh } from './refresh-due';

export async function refreshDealership(deps: LeadDeps, puller: Puller, job: { dealership: string; syncLogId: number }) {
  await runLogged(deps.strapi, { syncLogId: job.syncLogId, dealership: job.dealership, label: 'lead sync' }, ({ progress }) => refresh(deps, puller, job, progress));
}

async function refresh(deps: LeadDeps, puller: Puller, job: { dealership: string; syncLogId: number }, progress: RunContext['progress']): Promise<FinishInput> {
  const { strapi, records } = deps;
  const account = await leadAccount(strapi, job.dealership);
  if (!account) throw new RunAbort('This dealership has no active EasyCars credential with lead sync turned on. Nothing was changed.');

  // Pushes that are still waiting (e.g. their job was lost) ride along with every run.
  for (const rec of await records.list({ dealership: job.dealership, pushState: 'pending' }, 1000)) {
    if (rec.leadDocumentId) await deps.enqueuePush(rec.leadDocumentId);
  }

  const syncConfig = getConfig<PluginConfig['sync']>(strapi, 'sync');
  const selection = selectForRefresh(await records.withNumber(job.dealership), new Date(), syncConfig.leadClosedDays);
  await records.setClosedAt(selection.stampClosed, new Date().toISOString());
  await records.setClosedAt(selection.reopened, null);
  const known = selection.due;
  let apiCalls = 0;
  const stopCounting = getService(strapi, 'easycarsClient').onCall((event) => {
    if (event.accountNumber === account.api.accountNumber) apiCalls += 1;
  });
  const results: PullResult[] = [];
  const concurrency = Math.max(1, syncConfig.concurrency);
  let next = 0;
  let cancelled: SyncCancelled | null = null;
  const worker = async () => {
    while (next < known.length && !cancelled) {
      const rec = known[next++]!;
      try {
        results.push({ ...(await puller.refresh(rec.id, account.api, account.row.leadConflictStrategy)), entry: rec.leadDocumentId ?? null });
      } catch (error) {
        results.push({ ref: rec.LeadNumber ?? `record ${rec.id}`, outcome: 'failed', message: (error as Error).message, warnings: [] });
      }
      try {
        await progress('refreshing leads', results.length, known.length);
      } catch (error) {
        if (!(error instanceof SyncCancelled)) throw error;
        cancelled = error; // every worker stops before its next lead
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, known.length) }, worker));
  } finally {
    stopCounting();
  }
  if (cancelled) strapi.log.info(`[easycars] lead sync ${job.syncLogId} (dealership ${job.dealership}) stopped after ${results.length} of ${known.length} lead(s): it was cancelled`);

  const count = (outcome: PullResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const failed = count('failed');
  const warnings = results.flatMap((r) => r.warnings.map((message) => ({ ref: r.ref, message })));
  const status = failed && failed === results.length ? 'failed' : failed ? 'partial' : warnings.length || count('conflict') ? 'warning' : 'success';
  return {
    status,
    counts: { fetched: results.length, updated: count('updated'), unchanged: count('unchanged') + count('skipped'), failed },
    apiCalls,
    errorMessage: failed ? `${failed} of ${results.length} lead(s) could not be refreshed.` : null,
    itemErrors: results.filter((r) => r.outcome === 'failed').map((r) => ({ ref: r.ref, message: r.message ?? 'failed' })),
    warnings,
    items: results.map((r) => ({ ref: r.ref, outcome: r.outcome, entry: r.entry ?? null, ...(r.message ? { message: r.message } : {}) })),
    responseSummary: {
      known: known.length + selection.notDue.deleted + selection.notDue.closed,
      refreshed: known.length,
      conflicts: count('conflict'),
      skipped: count('skipped'),
      notDue: selection.notDue,
      closedDays: syncConfig.leadClosedDays,
      notDueReason: notDueReason(selection.notDue, syncConfig.leadClosedDays),
    },
  };
}

function notDueReason(notDue: { deleted: number; closed: number }, closedDays: number): string | null {
  if (!notDue.deleted && !notDue.closed) return null;
  return `Not refreshed this run (refreshed every ${RARE_REFRESH_DAYS} days instead): ${notDue.deleted} deleted lead(s), ${notDue.closed} won/lost lead(s) closed more than ${closedDays} days ago.`;
}
