/** How long a run spent in each of its phases (fetching, applying, images, refreshing leads…), and its pace. */
export interface PhaseTiming {
  phase: string;
  ms: number;
}

export interface RunTimings {
  phases: PhaseTiming[];
  /** Records processed (created, updated, removed, unchanged, failed) per minute of the whole run; null for runs under a second. */
  recordsPerMinute: number | null;
}

/** Follows the phase names a run reports with its progress; time before the first one counts as "starting". */
export function createPhaseClock(startedAt: number) {
  const totals = new Map<string, number>();
  let current = 'starting';
  let since = startedAt;
  const close = (at: number) => totals.set(current, (totals.get(current) ?? 0) + Math.max(0, at - since));
  return {
    enter(phase: string, at: number) {
      if (phase === current) return;
      close(at);
      current = phase;
      since = at;
    },
    /** Totals in the order the phases were first entered. */
    stop(at: number): PhaseTiming[] {
      close(at);
      return [...totals.entries()].filter(([, ms]) => ms > 0).map(([phase, ms]) => ({ phase, ms }));
    },
  };
}

export type PhaseClock = ReturnType<typeof createPhaseClock>;

const PROCESSED = ['created', 'updated', 'removed', 'unchanged', 'failed'];

export function runTimings(phases: PhaseTiming[], durationMs: number, counts: Record<string, number | undefined>): RunTimings {
  const processed = PROCESSED.reduce((sum, k) => sum + Number(counts[k] ?? 0), 0);
  return { phases, recordsPerMinute: durationMs >= 1000 ? Math.round((processed / durationMs) * 60_000 * 10) / 10 : null };
}
