import { guardConnectionSetup } from '../../src/plugins/easycars/server/src/utils/connection-setup-guard';

const fakeStrapi = (initialize: (c: unknown) => Promise<void>) => {
  const warnings: string[] = [];
  const dialect = { initialize };
  const strapi = { db: { dialect }, log: { warn: (m: string) => warnings.push(m) } } as any;
  return { strapi, dialect, warnings };
};

describe('guardConnectionSetup', () => {
  it("a new connection whose set-up fails (the database dropped it) no longer rejects: Strapi's pool would leave that rejection unhandled and the process would stop", async () => {
    const { strapi, dialect, warnings } = fakeStrapi(() => Promise.reject(new Error('SET search_path TO "public" - terminating connection due to administrator command')));
    guardConnectionSetup(strapi);
    await expect(dialect.initialize({})).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('terminating connection due to administrator command')]);
  });

  it('a set-up that works is unchanged, and guarding twice wraps once', async () => {
    const seen: unknown[] = [];
    const { strapi, dialect } = fakeStrapi(async (c) => void seen.push(c));
    guardConnectionSetup(strapi);
    const once = dialect.initialize;
    guardConnectionSetup(strapi);
    expect(dialect.initialize).toBe(once);
    await dialect.initialize('connection');
    expect(seen).toEqual(['connection']);
  });
});
