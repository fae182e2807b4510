import type { Core } from '@strapi/strapi';
import adminConfig from '../../../config/admin';
import serverConfig from '../../../config/server';
import { assertDemoSeedAllowed } from '../../../src/demo/seed';

/** Strapi's env() over fixed values: only the helpers the config files call. */
function fakeEnv(values: Record<string, string>): Core.Config.Shared.ConfigParams['env'] {
  const env = (key: string, fallback?: unknown) => values[key] ?? fallback;
  return Object.assign(env, {
    bool: (key: string, fallback?: boolean) => (key in values ? values[key] === 'true' : fallback),
    int: (key: string, fallback?: number) => (key in values ? Number(values[key]) : fallback),
    array: (key: string, fallback?: string[]) => (key in values ? values[key].split(',') : fallback),
  }) as unknown as Core.Config.Shared.ConfigParams['env'];
}

const SECRETS = {
  ADMIN_JWT_SECRET: 'a'.repeat(32),
  API_TOKEN_SALT: 'b'.repeat(32),
  TRANSFER_TOKEN_SALT: 'c'.repeat(32),
  ENCRYPTION_KEY: 'd'.repeat(32),
  APP_KEYS: 'key-one,key-two',
};

describe('host app secrets have no published fallback', () => {
  it('refuses to load the admin config without its secrets, naming every missing one', () => {
    expect(() => adminConfig({ env: fakeEnv({}) })).toThrow(
      'Missing required environment variable(s): ADMIN_JWT_SECRET, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY.',
    );
    const { ADMIN_JWT_SECRET, ...rest } = SECRETS;
    expect(() => adminConfig({ env: fakeEnv(rest) })).toThrow(/variable\(s\): ADMIN_JWT_SECRET\./);
  });

  it('refuses the .env.example placeholders and blank values', () => {
    expect(() => adminConfig({ env: fakeEnv({ ...SECRETS, ADMIN_JWT_SECRET: 'replace-me' }) })).toThrow(/ADMIN_JWT_SECRET/);
    expect(() => serverConfig({ env: fakeEnv({ APP_KEYS: ' ' }) })).toThrow(/variable\(s\): APP_KEYS\./);
    expect(() => serverConfig({ env: fakeEnv({ APP_KEYS: 'replaceKeyA,replaceKeyB' }) })).toThrow(/APP_KEYS/);
  });

  it('refuses to load the server config without APP_KEYS', () => {
    expect(() => serverConfig({ env: fakeEnv({}) })).toThrow('Missing required environment variable(s): APP_KEYS.');
  });

  it('uses the given values', () => {
    const admin = adminConfig({ env: fakeEnv(SECRETS) });
    expect(admin.auth.secret).toBe(SECRETS.ADMIN_JWT_SECRET);
    expect(admin.apiToken.salt).toBe(SECRETS.API_TOKEN_SALT);
    expect(admin.transfer.token.salt).toBe(SECRETS.TRANSFER_TOKEN_SALT);
    expect(admin.secrets.encryptionKey).toBe(SECRETS.ENCRYPTION_KEY);
    expect(serverConfig({ env: fakeEnv(SECRETS) }).app.keys).toEqual(['key-one', 'key-two']);
  });
});

describe('demo seed', () => {
  it('refuses to run in production (it creates a Super Admin with a published password)', () => {
    expect(() => assertDemoSeedAllowed({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/refused when NODE_ENV=production/);
    expect(() => assertDemoSeedAllowed({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).not.toThrow();
  });
});
