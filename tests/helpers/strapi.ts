import path from 'node:path';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, ROOT, type TestDatabase } from './database';
import { waitForIdlePool } from './idle-pool';

export interface TestAdmin {
  id: number;
  email: string;
  password: string;
  token: string;
}

export interface TestApp {
  strapi: Core.Strapi;
  db: TestDatabase;
  /** supertest bound to the running HTTP server */
  http: () => ReturnType<typeof request>;
  /** A logged-in Super Admin (created on first call). */
  superAdmin(): Promise<TestAdmin>;
  /** An admin user with the given role ids (create roles with createRole). */
  createAdmin(opts: { roles: number[]; email?: string }): Promise<TestAdmin>;
  /** A role granting the given plugin actions, e.g. ['plugin::easycars.credentials.read']. */
  createRole(name: string, actions: string[]): Promise<number>;
  login(email: string, password: string): Promise<string>;
  /** Everything Strapi logged while this app ran (for "no secret in the logs" assertions). */
  logs(): string[];
  destroy(opts?: { keepDatabase?: boolean }): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** Reuse an existing database (e.g. to restart Strapi on the same data). */
  database?: TestDatabase;
  /** Another Strapi app to boot (default: this repo's app, compiled into dist/). */
  appDir?: string;
  /** Its compiled output; a plain-JavaScript app is its own distDir. */
  distDir?: string;
}

function randomSecret() {
  return randomBytes(24).toString('base64');
}

const BASE_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  HOST: '127.0.0.1',
  PORT: '0',
  // Random per test process: the config refuses to start without them and has no fallback.
  APP_KEYS: `${randomSecret()},${randomSecret()}`,
  ADMIN_JWT_SECRET: randomSecret(),
  API_TOKEN_SALT: randomSecret(),
  TRANSFER_TOKEN_SALT: randomSecret(),
  JWT_SECRET: randomSecret(),
  ENCRYPTION_KEY: randomSecret(),
  EASYCARS_DEV_KEY: 'generate',
  CRON_ENABLED: 'false',
};

function captureLogs(strapi: Core.Strapi, sink: string[]) {
  const logger = strapi.log as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const level of ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']) {
    const original = logger[level]?.bind(strapi.log);
    if (!original) continue;
    logger[level] = (...args: unknown[]) => {
      sink.push(`${level}: ${args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
      return process.env.TEST_VERBOSE ? original(...args) : undefined;
    };
  }
}

/** Everything a test Strapi needs in its environment to run on `db` (also for Strapi child processes: share one result). */
export function strapiEnv(db: TestDatabase, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    ...BASE_ENV,
    EASYCARS_ENCRYPTION_KEY: process.env.EASYCARS_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    ...db.env,
    ...extra,
  };
}

/**
 * Boots the real Strapi app (compiled once by tests/helpers/global-setup), or the app at
 * `options.appDir`, on a throw-away database, as Strapi's testing guide does, and mounts its
 * HTTP server on a free port.
 */
export async function startStrapi(options: StartOptions = {}): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  const env = strapiEnv(db, options.env);
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }

  const { createStrapi } = require('@strapi/strapi');
  const appDir = options.appDir ?? ROOT;
  const distDir = options.distDir ?? (options.appDir ? options.appDir : path.join(ROOT, 'dist'));
  const strapi: Core.Strapi = createStrapi({ appDir, distDir });
  const logSink: string[] = [];
  captureLogs(strapi, logSink);
  await strapi.load();
  await strapi.server.mount();

  let superAdmin: TestAdmin | undefined;
  const app: TestApp = {
    strapi,
    db,
    http: () => request(strapi.server.httpServer),
    logs: () => logSink,

    async login(email, password) {
      const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
      if (res.status !== 200) throw new Error(`admin login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data.token as string;
    },

    async createAdmin({ roles, email }) {
      const password = 'Test-Passw0rd!';
      const address = email ?? `admin-${randomBytes(4).toString('hex')}@example.test`;
      const user = await strapi.service('admin::user').create({
        email: address,
        firstname: 'Test',
        lastname: 'Admin',
        password,
        isActive: true,
        roles,
        registrationToken: null,
      });
      return { id: user.id, email: address, password, token: await app.login(address, password) };
    },

    async superAdmin() {
      if (!superAdmin) {
        const role = await strapi.service('admin::role').getSuperAdmin();
        superAdmin = await app.createAdmin({ roles: [role.id], email: 'super@example.test' });
      }
      return superAdmin;
    },

    async createRole(name, actions) {
      const role = await strapi.service('admin::role').create({ name, description: name });
      await strapi.service('admin::role').assignPermissions(
        role.id,
        actions.map((action) => ({ action, subject: null, conditions: [], properties: {} })),
      );
      return role.id;
    },

    async destroy(opts = {}) {
      await waitForIdlePool(strapi);
      await strapi.destroy();
      if (!opts.keepDatabase) await db.drop();
      // A test file's own settings (a metrics token, SMTP…) must not leak into the next file's Strapi.
      for (const key of Object.keys(options.env ?? {})) delete process.env[key];
    },
  };
  return app;
}
