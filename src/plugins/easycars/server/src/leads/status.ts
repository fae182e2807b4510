/**
 * Lead status both ways, as a pure decision. `base` is the status both sides last agreed on
 * (lead-record.syncedStatus); a side "changed" when its value differs from it.
 * Deleted (90) is final on both sides: it always wins, and nothing revives it.
 */
import type { ConflictStrategy } from '../credentials/types';
import { DELETED_STATUS } from './enums';

export type StatusDecision =
  /** Both sides agree (possibly on a new value): record it as the base. */
  | { kind: 'in_sync'; value: number | null }
  /** Send the local status to EasyCars (UpdateLead LeadStatus). */
  | { kind: 'push'; value: number }
  /** Write the EasyCars status onto the local lead. */
  | { kind: 'apply_local'; value: number }
  /** Both changed, differently, and the dealership reviews conflicts by hand. */
  | { kind: 'conflict'; local: number; remote: number }
  /** A side tried to leave Deleted: refused, the other side stays deleted. */
  | { kind: 'refused'; value: number; side: 'local' | 'remote' };

export interface StatusInput {
  base: number | null;
  local: number | null;
  /** undefined: EasyCars did not say (GetLeadDetail documents no LeadStatus). */
  remote: number | null | undefined;
  strategy: ConflictStrategy;
}

export function decideStatus({ base, local, remote, strategy }: StatusInput): StatusDecision {
  const remoteKnown = remote !== undefined && remote !== null;
  if (base === DELETED_STATUS) {
    if (local !== null && local !== DELETED_STATUS) return { kind: 'refused', value: DELETED_STATUS, side: 'local' };
    if (remoteKnown && remote !== DELETED_STATUS) return { kind: 'refused', value: DELETED_STATUS, side: 'remote' };
    return { kind: 'in_sync', value: DELETED_STATUS };
  }
  const localChanged = local !== null && local !== base;
  const remoteChanged = remoteKnown && remote !== base;
  if (!localChanged && !remoteChanged) return { kind: 'in_sync', value: base };
  if (localChanged && !remoteChanged) return { kind: 'push', value: local as number };
  if (!localChanged && remoteChanged) return { kind: 'apply_local', value: remote as number };
  if (local === remote) return { kind: 'in_sync', value: local };
  if (local === DELETED_STATUS) return { kind: 'push', value: DELETED_STATUS };
  if (remote === DELETED_STATUS) return { kind: 'apply_local', value: DELETED_STATUS };
  if (strategy === 'local_wins') return { kind: 'push', value: local as number };
  if (strategy === 'easycars_wins') return { kind: 'apply_local', value: remote as number };
  return { kind: 'conflict', local: local as number, remote: remote as number };
}
