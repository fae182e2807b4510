/** Small measuring helpers for the benchmarks: wall time, peak RSS, write statements by table. */
import type { Core } from '@strapi/strapi';

export interface Measured<T> {
  result: T;
  ms: number;
  peakRssMb: number;
  rssGrowthMb: number;
  writes: number;
  writesByTable: Record<string, number>;
}

export async function measure<T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<Measured<T>> {
  if (global.gc) global.gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const writesByTable: Record<string, number> = {};
  let writes = 0;
  const listener = (q: { sql?: string }) => {
    const m = /^\s*(insert into|update|delete from)\s+(?:[`"]?[a-z0-9_]+[`"]?\.)?[`"]?([a-z0-9_]+)/i.exec(q.sql ?? '');
    if (!m) return;
    writes++;
    writesByTable[m[2]!.toLowerCase()] = (writesByTable[m[2]!.toLowerCase()] ?? 0) + 1;
  };
  strapi.db.connection.on('query', listener);
  const started = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peakRssMb: peak / 2 ** 20, rssGrowthMb: (peak - baseline) / 2 ** 20, writes, writesByTable };
  } finally {
    clearInterval(sampler);
    strapi.db.connection.off('query', listener);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mb = (n: number) => `${n.toFixed(0)} MB`;
export const tables = (t: Record<string, number>) =>
  Object.entries(t)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || 'none';
