/**
 * A V8 CPU profile of one stretch of the benchmark process (the same profile `node --cpu-prof`
 * writes, but of the measured call only, not of Strapi's boot), saved as a .cpuprofile for
 * Chrome DevTools and summarised as self / total time per function and per area of the code.
 */
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Profiles `fn`, saves the profile to `file`, and answers its result with the summary (printed by the caller). */
export async function profiledWithSummary<T>(file: string, fn: () => Promise<T>): Promise<{ result: T; summary: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await fn() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
  session.disconnect();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  if (!outcome.ok) throw outcome.error;
  return { result: outcome.value, summary: `CPU profile: ${file}\n${summarise(profile)}` };
}

/** Profiles `fn`, saves the profile to `file` and prints its summary. */
export async function profiled<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const { result, summary } = await profiledWithSummary(file, fn);
  console.log(summary);
  return result;
}

/** Where a function lives: this plugin's file, a package, or V8/Node itself. */
function area(url: string): string {
  if (!url) return '(native / GC / idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const plugin = /easycars\/dist\/server\/(.*)$/.exec(url) ?? /easycars\/server\/src\/(.*)$/.exec(url);
  if (plugin) return `plugin ${plugin[1]}`;
  if (url.startsWith('node:')) return url;
  return path.basename(url);
}

export function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${area(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    fnSelf.set(key(node), (fnSelf.get(key(node)) ?? 0) + ms);
    areaSelf.set(area(node.callFrame.url), (areaSelf.get(area(node.callFrame.url)) ?? 0) + ms);
    // Total: once per distinct function on the sample's stack (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      fnTotal.set(k, (fnTotal.get(k) ?? 0) + ms);
    }
  }
  const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  return [
    `sampled ${total.toFixed(0)} ms`,
    'self time by area:', rows(areaSelf),
    'self time by function:', rows(fnSelf),
    'total time by function (plugin code):', rows(new Map([...fnTotal].filter(([k]) => k.includes(' plugin ')))),
  ].join('\n');
}
