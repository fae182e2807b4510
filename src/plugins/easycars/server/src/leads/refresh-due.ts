/**
 * Which known leads a 'leads' run refreshes. Open leads: every run. Deleted leads, and won/lost ones closed
 * for more than `closedDays`: once a week — they rarely change, and a dealer with thousands of old leads
 * would otherwise spend one GetLeadDetail per lead per run.
 */
import { LeadStatus } from '../client/models/enums';
import type { LeadRecord } from './records';

export const RARE_REFRESH_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSED: ReadonlySet<number> = new Set([LeadStatus.Won, LeadStatus.Lost]);

export interface RefreshSelection {
  due: LeadRecord[];
  /** Not refreshed this run, by reason. */
  notDue: { deleted: number; closed: number };
  /** Closed now but with no closedAt yet (just closed, or closed before this rule existed): stamp them. */
  stampClosed: number[];
  /** Open again: their closedAt goes. */
  reopened: number[];
}

export function selectForRefresh(known: LeadRecord[], now: Date, closedDays: number): RefreshSelection {
  const out: RefreshSelection = { due: [], notDue: { deleted: 0, closed: 0 }, stampClosed: [], reopened: [] };
  const ago = (iso: string | null, days: number) => iso !== null && now.getTime() - new Date(iso).getTime() > days * DAY_MS;
  for (const rec of known) {
    const status = rec.syncedStatus ?? rec.LeadStatus;
    const deleted = status === LeadStatus.Deleted;
    const closed = status !== null && CLOSED.has(status);
    if ((deleted || closed) && !rec.closedAt) out.stampClosed.push(rec.id);
    if (!deleted && !closed && rec.closedAt) out.reopened.push(rec.id);
    const rare = deleted || (closed && ago(rec.closedAt, closedDays));
    const pulledThisWeek = rec.lastPulledAt !== null && !ago(rec.lastPulledAt, RARE_REFRESH_DAYS);
    if (rare && pulledThisWeek) out.notDue[deleted ? 'deleted' : 'closed'] += 1;
    else out.due.push(rec);
  }
  return out;
}
