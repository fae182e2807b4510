/**
 * The one place a sync run's life is written to its log, for every run type (stock, leads, reconciliation,
 * conflicts): the run starts (or nothing happens when it was cancelled before it began), then ends with what it
 * reports, or, when it throws, as `failed` with the reason and whatever it had counted until then. A run stopped
 * by a cancel, or closed as interrupted by another instance, keeps that outcome: finish() only adds its counts.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../utils/plugin';
import { SyncCancelled, type FinishInput } from './types';

/** A reason the admin can act on (no credentials, a switched-off connection…): logged as it is, not as "… failed: …". */
export class RunAbort extends Error {}

export interface RunScope {
  syncLogId: number;
  dealership: string;
  /** How messages name the run: "stock sync", "lead sync", "reconciliation", "conflict resolution". */
  label: string;
}

export interface RunContext {
  /** Records the run's phase and progress; throws SyncCancelled once the run was cancelled or closed elsewhere. */
  progress(phase: string, done: number, total: number): Promise<void>;
}

/** What the log keeps of a run that threw: its counts, items and summaries so far. */
export type PartialOutcome = Omit<FinishInput, 'status' | 'errorMessage' | 'error'>;

/** Answers whether the run started. */
export async function runLogged(
  strapi: Core.Strapi,
  scope: RunScope,
  body: (run: RunContext) => Promise<FinishInput>,
  soFar: () => PartialOutcome = () => ({}),
): Promise<boolean> {
  const logs = getService(strapi, 'syncLogs');
  const name = `${scope.label} ${scope.syncLogId} (dealership ${scope.dealership})`;
  if (!(await logs.start(scope.syncLogId))) {
    strapi.log.info(`[easycars] ${name} was cancelled before it started`);
    return false;
  }
  let outcome: FinishInput;
  try {
    outcome = await body({ progress: (phase, done, total) => logs.progress(scope.syncLogId, { phase, done, total }) });
  } catch (error) {
    const label = scope.label.charAt(0).toUpperCase() + scope.label.slice(1);
    const message = error instanceof RunAbort ? error.message : `${label} failed: ${(error as Error)?.message ?? String(error)}`;
    if (error instanceof SyncCancelled) strapi.log.info(`[easycars] ${name} stopped: it was cancelled or closed by another instance`);
    else strapi.log.error(`[easycars] ${name}: ${message}`);
    // An abort is a condition, not a fault: no error class or stack to keep.
    outcome = { ...soFar(), status: 'failed', errorMessage: message, ...(error instanceof RunAbort ? {} : { error }) };
  }
  await logs.finish(scope.syncLogId, outcome);
  return true;
}
