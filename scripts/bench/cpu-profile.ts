/** CPU profile of a piece of a benchmark (node:inspector), summarised by where the code lives. */
import { Session } from 'node:inspector/promises';
import fs from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const AREAS: Array<[RegExp, string]> = [
  [/\(idle\)/, 'idle (waiting for I/O)'],
  [/\(garbage collector\)/, 'garbage collector'],
  [/\(program\)/, 'native / program'],
  [/node_modules\/sharp\//, 'sharp (JS side)'],
  [/node_modules\/(knex|pg|pg-protocol|pg-pool|better-sqlite3|tarn)\//, 'database driver (knex, pg, sqlite)'],
  [/node_modules\/@strapi\/database\//, 'Strapi database layer'],
  [/node_modules\/@strapi\/upload\//, 'Strapi upload plugin'],
  [/node_modules\/@strapi\/(core|utils)\//, 'Strapi core (Document Service, utils)'],
  [/src\/plugins\/easycars|easycars\/dist/, 'EasyCars plugin'],
  [/node_modules\//, 'other packages'],
  [/^node:|^internal\//, 'Node internals (fs, http, streams)'],
];

const areaOf = (node: ProfileNode) => {
  const key = node.callFrame.url || `(${node.callFrame.functionName})`;
  return AREAS.find(([re]) => re.test(key))?.[1] ?? 'other';
};

export async function profiled<T>(file: string, fn: () => Promise<T>): Promise<{ result: T; summary: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await fn() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[] } };
  session.disconnect();
  if (!outcome.ok) throw outcome.error;
  await fs.writeFile(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    areas.set(areaOf(node), (areas.get(areaOf(node)) ?? 0) + 1);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '')}:${node.callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  const summary = [
    `  CPU profile (${file}), self time of the Strapi process by area:`,
    ...top(areas, 12).map(([k, v]) => `    ${pct(v)}  ${k}`),
    `  top functions:`,
    ...top(functions, 12).map(([k, v]) => `    ${pct(v)}  ${k}`),
  ].join('\n');
  return { result: outcome.value, summary };
}
