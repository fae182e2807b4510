/**
 * Where an image sync's time goes, summed over this process's runs: the images benchmark
 * (scripts/bench/images.ts) reads and resets these totals; otherwise they cost two clock reads
 * per phase. Kept on globalThis so the benchmark sees the compiled plugin's totals.
 */
/**
 * lookup: is the URL downloaded already; download: the HTTP fetch; tmpWrite: the temporary file the
 * upload plugin reads; upload: the upload plugin's upload() (sharp, provider write, file row);
 * assetRow: this plugin's URL -> file row; attach: the vehicle update and its stock record;
 * cleanup: files that left the feed.
 */
export type ImagePhase = 'lookup' | 'download' | 'tmpWrite' | 'upload' | 'assetRow' | 'attach' | 'cleanup';

export interface ImagePhaseTotals {
  /** Busy time, summed over concurrent tasks (can exceed wall time). */
  ms: number;
  count: number;
}

export interface ImagePhaseTimings {
  phases: Record<ImagePhase, ImagePhaseTotals>;
  /** Downloads in flight now, and the most at once since the last reset (all hosts together). */
  downloadsInFlight: number;
  maxDownloadsInFlight: number;
  /** Downloaded images held in memory now (downloaded, not yet stored), and the most at once. */
  buffered: number;
  maxBuffered: number;
}

const KEY = Symbol.for('easycars.imagePhaseTimings');
const PHASES: ImagePhase[] = ['lookup', 'download', 'tmpWrite', 'upload', 'assetRow', 'attach', 'cleanup'];

const fresh = (): ImagePhaseTimings => ({
  phases: Object.fromEntries(PHASES.map((p) => [p, { ms: 0, count: 0 }])) as Record<ImagePhase, ImagePhaseTotals>,
  downloadsInFlight: 0,
  maxDownloadsInFlight: 0,
  buffered: 0,
  maxBuffered: 0,
});

export function imagePhaseTimings(): ImagePhaseTimings {
  const holder = globalThis as { [KEY]?: ImagePhaseTimings };
  return (holder[KEY] ??= fresh());
}

/** Zeroes the totals and maxima (gauges keep what is in flight now). */
export function resetImagePhaseTimings(): void {
  const t = imagePhaseTimings();
  t.phases = fresh().phases;
  t.maxDownloadsInFlight = t.downloadsInFlight;
  t.maxBuffered = t.buffered;
}

export async function timed<T>(phase: ImagePhase, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    const totals = imagePhaseTimings().phases[phase];
    totals.ms += performance.now() - started;
    totals.count++;
  }
}

/** Counts one more of `gauge` ('downloadsInFlight' or 'buffered') until the returned function is called. */
export function holdGauge(gauge: 'downloadsInFlight' | 'buffered'): () => void {
  const t = imagePhaseTimings();
  const max = gauge === 'downloadsInFlight' ? 'maxDownloadsInFlight' : 'maxBuffered';
  t[gauge]++;
  t[max] = Math.max(t[max], t[gauge]);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    imagePhaseTimings()[gauge]--;
  };
}
