/** A sandbox request-log entry's span (endedAt null: the answer never finished). */
export interface LoggedSpan {
  at: number;
  endedAt: number | null;
}

/**
 * The most requests in progress at one moment. An entry ending as another starts does not overlap it;
 * one that never finished counts as in progress to the end.
 */
export function mostAtOnce(entries: LoggedSpan[]): number {
  const events = entries.flatMap((e) => [
    [e.at, 1],
    [e.endedAt ?? Number.MAX_SAFE_INTEGER, -1],
  ]) as Array<[number, number]>;
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of events) most = Math.max(most, (now += d));
  return most;
}
