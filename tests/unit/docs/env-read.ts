/**
 * The environment variables the project's code reads, with the first file that reads each: the
 * host's config and code, the plugin's server, the scripts and the sandbox. The same scan as
 * tests/unit/env-example.test.ts (which checks .env.example), for the guides.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../..');
const SOURCES = ['config', 'src/index.ts', 'src/demo', 'src/api', 'src/required-env.ts', 'src/plugins/easycars/server/src', 'scripts', 'sandbox/src'];
/** Set by the tools, not by whoever runs the app. */
const NOT_CONFIGURATION = new Set(['CI', 'JEST_WORKER_ID', 'TEST_VERBOSE', 'DB_TEST_CLIENT', 'CHROMIUM_PATH']);
const PATTERNS = [
  /\benv(?:\.(?:int|bool|float|array|json|date))?\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /process\.env\.([A-Z][A-Z0-9_]+)/g,
  /process\.env\[\s*'([A-Z][A-Z0-9_]+)'\s*\]/g,
  /requireEnv\(\s*env\s*,\s*\[([^\]]+)\]/g,
];

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(entry, d.name)) : /\.(ts|js)$/.test(d.name) ? [path.join(full, d.name)] : []));
}

export function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SOURCES.flatMap(files)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const names = pattern.source.startsWith('requireEnv') ? [...m[1]!.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((n) => n[1]!) : [m[1]!];
        for (const name of names) if (!NOT_CONFIGURATION.has(name) && !found.has(name)) found.set(name, path.relative(ROOT, file));
      }
    }
  }
  return found;
}
