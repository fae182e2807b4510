/**
 * `.env.example` lists every environment variable the project reads (issue 16): the host's config,
 * the host's code, the plugin's config and code, the scripts and the sandbox. A variable read
 * somewhere and missing from the file fails this test with its name and where it is read.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const SOURCES = ['config', 'src/index.ts', 'src/demo', 'src/api', 'src/required-env.ts', 'src/plugins/easycars/server/src', 'scripts', 'sandbox/src'];
/** Set by the tools, not by whoever runs the app. */
const NOT_CONFIGURATION = new Set(['CI', 'JEST_WORKER_ID', 'TEST_VERBOSE', 'DB_TEST_CLIENT', 'CHROMIUM_PATH']);

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(entry, d.name)) : /\.(ts|js)$/.test(d.name) ? [path.join(full, d.name)] : []));
}

function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\benv(?:\.(?:int|bool|float|array|json|date))?\(\s*'([A-Z][A-Z0-9_]+)'/g,
    /process\.env\.([A-Z][A-Z0-9_]+)/g,
    /process\.env\[\s*'([A-Z][A-Z0-9_]+)'\s*\]/g,
    /requireEnv\(\s*env\s*,\s*\[([^\]]+)\]/g,
  ];
  for (const file of SOURCES.flatMap(files)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) {
        const names = pattern.source.startsWith('requireEnv') ? [...m[1]!.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((n) => n[1]!) : [m[1]!];
        for (const name of names) if (!NOT_CONFIGURATION.has(name) && !found.has(name)) found.set(name, path.relative(ROOT, file));
      }
    }
  }
  return found;
}

describe('.env.example', () => {
  it('lists every variable the project reads', () => {
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    const read = variablesRead();
    expect(read.size).toBeGreaterThan(40);
    const missing = [...read.entries()].filter(([name]) => !listed.has(name)).map(([name, where]) => `${name} (read in ${where})`);
    expect(missing).toEqual([]);
  });
});
