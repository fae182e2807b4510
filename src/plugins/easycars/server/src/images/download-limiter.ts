/**
 * One download limiter per image host in this process: whatever the number of runs at once (two
 * dealerships' syncs), a host gets at most `concurrency` downloads at once from this instance, at
 * least `minTimeMs` apart.
 */
import Bottleneck from 'bottleneck';

const limiters = new Map<string, Bottleneck>();

export function downloadLimiter(url: string, settings: { concurrency: number; minTimeMs: number }): Bottleneck {
  let host: string;
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    host = '';
  }
  // The settings are part of the key: a changed configuration gets its own limiter.
  const key = `${host}|${settings.concurrency}|${settings.minTimeMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new Bottleneck({ maxConcurrent: settings.concurrency, minTime: settings.minTimeMs });
    limiters.set(key, limiter);
  }
  return limiter;
}
