/**
 * The database lock every instance honours (issue 15: no in-process locks for what instances share):
 * one holder per key whoever asks, a crashed holder's lease is taken over, a live holder keeps it,
 * waiting gives up with a message naming the lock, and a holder may nest the same lock.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { LockTimeoutError, withDatabaseLock } from '../../src/plugins/easycars/server/src/locks/db-lock';

const LOCK = 'plugin::easycars.lock';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`database locks (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('lets one holder in at a time, each caller being its own owner (as separate instances are)', async () => {
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        withDatabaseLock(app.strapi, 'test:exclusive', async () => {
          inside++;
          most = Math.max(most, inside);
          await sleep(40);
          order.push(n);
          inside--;
        }, { pollMs: 10 }),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await app.strapi.db.query(LOCK as any).count({ where: { lockKey: 'test:exclusive' } })).toBe(0);
  });

  it('takes over the lease of a holder that stopped without releasing it', async () => {
    await app.strapi.db.connection(app.strapi.db.metadata.get(LOCK as any).tableName).insert({ lock_key: 'test:crashed', owner: 'gone', expires_at: Date.now() - 1000 });
    const started = Date.now();
    expect(await withDatabaseLock(app.strapi, 'test:crashed', async () => 'mine', { waitMs: 2000 })).toBe('mine');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up waiting for a live holder with a message naming the lock; the holder keeps renewing its lease', async () => {
    let release!: () => void;
    const holding = withDatabaseLock(app.strapi, 'test:busy', () => new Promise<void>((r) => (release = r)), { leaseMs: 1500 });
    await sleep(100);
    // Longer than the lease: only renewal keeps the second caller out.
    const waiter = withDatabaseLock(app.strapi, 'test:busy', async () => 'got it', { waitMs: 2500, pollMs: 20 });
    await expect(waiter).rejects.toThrow(LockTimeoutError);
    await expect(waiter).rejects.toThrow(/held the lock "test:busy"/);
    release();
    await holding;
    expect(await withDatabaseLock(app.strapi, 'test:busy', async () => 'free again', { waitMs: 500 })).toBe('free again');
  });

  it('lets a holder nest the same lock, and releases it when the work throws', async () => {
    const nested = await withDatabaseLock(app.strapi, 'test:nested', () => withDatabaseLock(app.strapi, 'test:nested', async () => 'inner', { waitMs: 300 }));
    expect(nested).toBe('inner');
    await expect(withDatabaseLock(app.strapi, 'test:throws', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await app.strapi.db.query(LOCK as any).count({ where: { lockKey: 'test:throws' } })).toBe(0);
  });

  it('creates the EasyCars media folder once when many ask at once', async () => {
    const { easycarsFolder } = await import('../../src/plugins/easycars/server/src/images/media-folder');
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => easycarsFolder(app.strapi, i % 2 ? 'Harbour Motors' : 'North Shore')));
    const folders = await app.strapi.db.query('plugin::upload.folder' as any).findMany({ where: { name: 'EasyCars' } });
    expect(folders).toHaveLength(1);
    expect(new Set(ids).size).toBe(2);
  });
});
