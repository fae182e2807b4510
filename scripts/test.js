#!/usr/bin/env node
/**
 * Runs every test layer: typecheck, unit + admin components, integration on SQLite, integration on
 * PostgreSQL, then browser tests against the built admin panel.
 *   node scripts/test.js                 all of them
 *   node scripts/test.js --integration-only | --browser-only | --skip-browser
 * Extra arguments after `--` go to Jest (e.g. a test path).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const dashdash = args.indexOf('--');
const jestArgs = dashdash >= 0 ? args.slice(dashdash + 1) : [];
const flags = new Set(dashdash >= 0 ? args.slice(0, dashdash) : args);
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' };

const run = (label, cmd, cmdArgs, extraEnv = {}) => {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  const ok = res.status === 0;
  console.log(`=== ${label}: ${ok ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s) ===`);
  return ok;
};

const hasTests = (dir) => {
  const full = path.join(root, 'tests', dir);
  if (!fs.existsSync(full)) return false;
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).some((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.test\.tsx?$/.test(e.name)));
  return walk(full);
};

// Two workers: one per core; each integration file boots its own Strapi on its own database.
const jest = (projects, workers = 2) => ['--selectProjects', ...projects, '--ci', `--maxWorkers=${workers}`, ...jestArgs];
const results = [];
const step = (label, fn) => results.push([label, fn()]);

const only = flags.has('--integration-only') ? 'integration' : flags.has('--browser-only') ? 'browser' : null;

step('build plugin', () => run('build plugin', 'npm', ['run', 'build:plugin']));
if (!results[0][1]) process.exit(1);

if (!only) step('typecheck', () => run('typecheck (host app, benchmarks, tests, plugin server and admin)', 'npm', ['run', 'typecheck']));
if (!only) step('unit + admin', () => run('unit + admin components', 'npx', ['jest', ...jest(['unit', 'admin'])]));
if (!only || only === 'integration') {
  step('integration (sqlite)', () => run('integration on SQLite', 'npx', ['jest', ...jest(['integration'])], { DB_TEST_CLIENT: 'sqlite' }));
  step('integration (postgres)', () => run('integration on PostgreSQL', 'npx', ['jest', ...jest(['integration'])], { DB_TEST_CLIENT: 'postgres' }));
}
if ((!only || only === 'browser') && !flags.has('--skip-browser') && hasTests('browser')) {
  // The build reads config/ but embeds no secret: throw-away values satisfy the required-secret check (src/required-env.ts).
  const buildSecrets = Object.fromEntries(
    ['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET'].map((name) => [name, process.env[name] || randomBytes(24).toString('base64')]),
  );
  buildSecrets.APP_KEYS = process.env.APP_KEYS || [1, 2].map(() => randomBytes(16).toString('base64')).join(',');
  step('admin build', () => run('build admin panel', 'npx', ['strapi', 'build'], buildSecrets));
  // One at a time: each browser test runs Strapi, the sandbox and chromium.
  step('browser', () => run('browser tests (chromium)', 'npx', ['jest', ...jest(['browser'], 1)], { DB_TEST_CLIENT: 'sqlite' }));
}

const failed = results.filter(([, ok]) => !ok);
console.log('\nSummary:');
for (const [label, ok] of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
