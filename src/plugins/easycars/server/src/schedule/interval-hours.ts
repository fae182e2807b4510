import type { CredentialRow } from '../credentials/types';
import { nextRun } from './cron-for';
import { scheduleOf } from '../services/scheduler';

/** Hours between two scheduled runs (from the schedule itself, so custom crons work too); null when it cannot be read. */
export function scheduleIntervalHours(row: CredentialRow, type: 'stock' | 'leads', timezone: string, now: Date): number | null {
  try {
    const first = nextRun(scheduleOf(row, type), timezone, now);
    const second = nextRun(scheduleOf(row, type), timezone, new Date(first.getTime() + 1000));
    return (second.getTime() - first.getTime()) / 3_600_000;
  } catch {
    return null;
  }
}
