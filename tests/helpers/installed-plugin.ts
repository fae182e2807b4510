/**
 * The plugin as another app gets it: `npm pack`ed, then `npm install`ed from the tarball into a
 * copy of a fixture app. The copy lives under <repo>/.tmp so that what the app already has
 * (@strapi/strapi, react…: the plugin's peers) resolves from the repo's node_modules, while the
 * plugin and its own dependencies come from the copy's node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './database';

const exec = promisify(execFile);
export const PLUGIN_DIR = path.join(ROOT, 'src', 'plugins', 'easycars');
export const PLUGIN_PACKAGE = 'strapi-plugin-easycars';

const npm = async (args: string[], cwd: string) => {
  const { stdout } = await exec('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return stdout;
};

/** `npm pack` of the built plugin into `destDir`; answers the tarball's path. */
export async function packPlugin(destDir: string): Promise<string> {
  if (!fs.existsSync(path.join(PLUGIN_DIR, 'dist', 'server', 'index.js'))) throw new Error('Build the plugin first: npm run build:plugin');
  fs.mkdirSync(destDir, { recursive: true });
  const [packed] = JSON.parse(await npm(['pack', '--json', '--pack-destination', destDir], PLUGIN_DIR)) as Array<{ filename: string }>;
  return path.join(destDir, packed!.filename);
}

/** A fresh copy of a fixture app under <repo>/.tmp (gitignored). */
export function copyFixtureApp(fixtureDir: string): string {
  const appDir = path.join(ROOT, '.tmp', `${path.basename(fixtureDir)}-${randomBytes(4).toString('hex')}`);
  fs.cpSync(fixtureDir, appDir, { recursive: true });
  return appDir;
}

/** The package.json of `name` that Node finds from `fromDir`, or null. */
function installedPackage(name: string, fromDir: string): { dir: string; version: string } | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(file)) return { dir: path.dirname(file), version: JSON.parse(fs.readFileSync(file, 'utf8')).version };
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The app's own dependencies (Strapi, better-sqlite3, react…) are already in the repo's
 * node_modules at the versions it declares: drop them from the copy's package.json so that
 * `npm install <tarball>` installs only the plugin, not a second Strapi.
 */
export function useRepoDependencies(appDir: string): string[] {
  const file = path.join(appDir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  const names = Object.keys(pkg.dependencies ?? {});
  for (const name of names) {
    const found = installedPackage(name, appDir);
    if (found?.version !== pkg.dependencies[name]) {
      throw new Error(`${name}@${pkg.dependencies[name]} is not in the repo's node_modules (found ${found?.version ?? 'nothing'})`);
    }
  }
  fs.writeFileSync(file, `${JSON.stringify({ ...pkg, dependencies: {} }, null, 2)}\n`);
  return names;
}

/** `npm install <tarball>` in the app, as docs/installing.md says; answers how long it took. */
export async function installTarball(appDir: string, tarball: string): Promise<number> {
  const started = Date.now();
  await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--legacy-peer-deps', '--no-package-lock', tarball], appDir);
  return Date.now() - started;
}

/**
 * Points the copy's plugin declaration at its own node_modules/strapi-plugin-easycars.
 *
 * Strapi finds an installed plugin with a bare `require('<name>/package.json')` made from
 * @strapi/core's own files. In a real app @strapi/core sits in the app's node_modules next to
 * the plugin; here it sits in the repo's node_modules, where the npm workspace links
 * strapi-plugin-easycars to src/plugins/easycars, so without this Strapi would load the
 * workspace copy instead of the installed one.
 */
export function declarePluginPath(appDir: string): string {
  const file = path.join(appDir, 'config', 'plugins.js');
  const source = fs.readFileSync(file, 'utf8');
  const patched = source.replace(/(\n\s*easycars: \{\n(\s*)enabled: true,\n)/, `$1$2resolve: './node_modules/${PLUGIN_PACKAGE}',\n`);
  if (patched === source) throw new Error(`${file}: no "easycars: { enabled: true," to add the plugin path to`);
  fs.writeFileSync(file, patched);
  return path.join(appDir, 'node_modules', PLUGIN_PACKAGE);
}
