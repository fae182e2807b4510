#!/usr/bin/env node
/**
 * npm run demo — the product on a fresh clone:
 *   1. writes .env with fresh secrets (first run only)
 *   2. builds the plugin and the admin panel when they are missing or stale
 *   3. starts the EasyCars sandbox (a local stand-in for EasyCars) on port 4010
 *   4. starts a local mail catcher (alert mails land there, readable in the browser)
 *   5. starts Strapi on SQLite (.tmp/demo.db), seeded with demo users, dealerships,
 *      credentials pointing at the sandbox, and a first stock sync
 *   6. prints the URL and the login
 * Ctrl+C stops both. `npm run demo -- --reset` starts from an empty demo database.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');

const root = path.resolve(__dirname, '..');
const args = new Set(process.argv.slice(2));
const SANDBOX_PORT = Number(process.env.EASYCARS_SANDBOX_PORT || 4010);
const STRAPI_PORT = Number(process.env.PORT || 1337);
const MAIL_SMTP_PORT = Number(process.env.MAIL_SINK_SMTP_PORT || 1025);
const MAIL_HTTP_PORT = Number(process.env.MAIL_SINK_HTTP_PORT || 1080);
const DEMO_DB = '.tmp/demo.db';
const LOGIN = { email: 'admin@demo.easycars.local', password: 'EasyCars-Demo-2026' };
const MANAGER = { email: 'manager@demo.easycars.local', password: 'EasyCars-Demo-2026' };

const log = (msg) => console.log(`[demo] ${msg}`);
const secret = (bytes = 24) => crypto.randomBytes(bytes).toString('base64');

function ensureEnvFile() {
  const envPath = path.join(root, '.env');
  if (fs.existsSync(envPath)) return;
  const fresh = {
    APP_KEYS: [secret(), secret()].join(','),
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    EASYCARS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    EASYCARS_METRICS_TOKEN: crypto.randomBytes(24).toString('hex'),
  };
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const out = example
    .split('\n')
    .map((line) => {
      const m = /^([A-Z0-9_]+)=/.exec(line);
      return m && fresh[m[1]] !== undefined ? `${m[1]}=${fresh[m[1]]}` : line;
    })
    .join('\n');
  fs.writeFileSync(envPath, out, { mode: 0o600 });
  log('wrote .env with fresh secrets and an EasyCars encryption key');
}

function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function run(label, cmd, cmdArgs) {
  log(`${label}…`);
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
  if (res.status !== 0) {
    console.error(`[demo] ${label} failed`);
    process.exit(1);
  }
}

function buildIfNeeded() {
  const plugin = path.join(root, 'src/plugins/easycars');
  const pluginBuilt = newestMtime(path.join(plugin, 'dist'));
  const pluginSrc = Math.max(newestMtime(path.join(plugin, 'server/src')), newestMtime(path.join(plugin, 'admin/src')));
  if (!pluginBuilt || pluginSrc > pluginBuilt) run('building the EasyCars plugin', 'npm', ['run', 'build:plugin']);
  const adminIndex = path.join(root, 'dist/build/index.html');
  const adminBuilt = fs.existsSync(adminIndex) ? fs.statSync(adminIndex).mtimeMs : 0;
  const adminSrc = Math.max(newestMtime(path.join(plugin, 'dist/admin')), newestMtime(path.join(root, 'src/admin')));
  if (!adminBuilt || adminSrc > adminBuilt) run('building the admin panel (about 40 s)', 'npx', ['strapi', 'build']);
}

function waitFor(url, timeoutMs, okStatus = (s) => s < 500) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get(url, (res) => {
        res.resume();
        if (okStatus(res.statusCode)) resolve();
        else retry();
      });
      req.on('error', retry);
      req.setTimeout(2000, () => req.destroy());
    };
    const retry = () => (Date.now() > deadline ? reject(new Error(`${url} did not answer in time`)) : setTimeout(attempt, 500));
    attempt();
  });
}

async function main() {
  ensureEnvFile();
  buildIfNeeded();
  if (args.has('--reset')) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(root, DEMO_DB + suffix), { force: true });
    log('demo database reset');
  }

  const children = [];
  const stop = () => {
    for (const child of children) if (!child.killed) child.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(0);
  });
  process.on('SIGTERM', () => {
    stop();
    process.exit(0);
  });

  log(`starting the EasyCars sandbox on port ${SANDBOX_PORT}`);
  const sandbox = spawn(path.join(root, 'node_modules/.bin/tsx'), ['sandbox/src/cli.ts', '--port', String(SANDBOX_PORT), '--control'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(sandbox);
  sandbox.on('exit', (code) => {
    if (code) {
      console.error(`[demo] the sandbox stopped (exit ${code}); is port ${SANDBOX_PORT} free?`);
      stop();
      process.exit(1);
    }
  });
  await waitFor(`http://127.0.0.1:${SANDBOX_PORT}/`, 30000, () => true);

  log(`starting the mail catcher (SMTP ${MAIL_SMTP_PORT}, web ${MAIL_HTTP_PORT})`);
  const mailSink = spawn(process.execPath, [path.join(root, 'scripts/mail-sink.js'), '--smtp', String(MAIL_SMTP_PORT), '--http', String(MAIL_HTTP_PORT)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(mailSink);
  await waitFor(`http://127.0.0.1:${MAIL_HTTP_PORT}/`, 15000, () => true);

  const sandboxBase = `http://127.0.0.1:${SANDBOX_PORT}`;
  log('starting Strapi on SQLite');
  const strapi = spawn(path.join(root, 'node_modules/.bin/strapi'), ['start'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      STRAPI_TELEMETRY_DISABLED: 'true',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: DEMO_DB,
      PORT: String(STRAPI_PORT),
      EASYCARS_DEMO_SEED: 'true',
      // A .env written by an older demo may lack EASYCARS_ENCRYPTION_KEY: keep a local development key then.
      EASYCARS_DEV_KEY: 'generate',
      EASYCARS_TEST_BASE_URL: `${sandboxBase}/TestECService`,
      EASYCARS_PRODUCTION_BASE_URL: `${sandboxBase}/ECService`,
      EASYCARS_IMAGE_HOSTS: '127.0.0.1,localhost',
      // The local sandbox serves images over plain http; every other host must be https.
      EASYCARS_IMAGE_HTTP_HOSTS: '127.0.0.1,localhost',
      EASYCARS_IMAGES_ALLOW_PRIVATE: 'true',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(MAIL_SMTP_PORT),
      SMTP_IGNORE_TLS: 'true',
      SMTP_FROM: 'EasyCars demo <alerts@demo.easycars.local>',
    },
  });
  children.push(strapi);
  strapi.on('exit', (code) => {
    console.error(`[demo] Strapi stopped (exit ${code})`);
    stop();
    process.exit(code || 1);
  });
  await waitFor(`http://127.0.0.1:${STRAPI_PORT}/_health`, 120000, (s) => s === 204);

  console.log(`
============================================================
  EasyCars for Strapi demo is running

  Admin panel:   http://localhost:${STRAPI_PORT}/admin
  Super Admin:   ${LOGIN.email}  /  ${LOGIN.password}
  Manager:       ${MANAGER.email}  /  ${MANAGER.password}
                 (manages Harbour City Motors only)

  EasyCars sandbox: ${sandboxBase}  (TestECService, ECService)
  Alert mails:      http://localhost:${MAIL_HTTP_PORT}/  (a local mail catcher; nothing leaves this machine)
  Metrics:          http://localhost:${STRAPI_PORT}/easycars/metrics
                    (Authorization: Bearer <EASYCARS_METRICS_TOKEN from .env>)
  Health:           http://localhost:${STRAPI_PORT}/easycars/health/live
  Open "EasyCars" in the left menu. Ctrl+C stops everything.
============================================================
`);
}

main().catch((error) => {
  console.error(`[demo] ${error.message}`);
  process.exit(1);
});
