/** The pieces of the image pipeline (images/image-sync.ts): bounded loop, per-host download limiter, settings. */
import { forEachLimited } from '../../../src/plugins/easycars/server/src/images/for-each-limited';
import { downloadLimiter } from '../../../src/plugins/easycars/server/src/images/download-limiter';
import { imageSlots } from '../../../src/plugins/easycars/server/src/images/image-sync';
import config from '../../../src/plugins/easycars/server/src/config';

/** Resolves when every pending promise callback has run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('forEachLimited', () => {
  it('runs every item, never more than `limit` at once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await settle();
      seen.push(n);
      running--;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts no further item after a failure (a cancelled sync), lets the running ones finish, and passes the error on', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = forEachLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await settle();
      if (n === 2) throw new Error('cancelled');
      await settle();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([1]);
  });
});

describe('downloadLimiter', () => {
  it('is shared by every run for one host and settings, separate for another host', () => {
    const settings = { concurrency: 3, minTimeMs: 0 };
    const a = downloadLimiter('https://img.easycars.com.au/a/1.jpg', settings);
    expect(downloadLimiter('https://IMG.easycars.com.au/b/2.jpg', settings)).toBe(a);
    expect(downloadLimiter('https://other.easycars.net.au/a/1.jpg', settings)).not.toBe(a);
    expect(downloadLimiter('https://img.easycars.com.au/a/1.jpg', { concurrency: 5, minTimeMs: 0 })).not.toBe(a);
  });

  it('never runs more than `concurrency` downloads of one host at once', async () => {
    const limiter = downloadLimiter('https://limit-test.easycars.com.au/x.jpg', { concurrency: 2, minTimeMs: 0 });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        limiter.schedule(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 10));
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });
});

describe('image settings', () => {
  const env: any = Object.assign((_k: string, fallback?: string) => fallback, {
    bool: (_k: string, f?: boolean) => f,
    int: (_k: string, f?: number) => f,
    array: (_k: string, f?: string[]) => f,
  });
  const withImages = (over: Record<string, unknown>) => {
    const c = config.default({ env }) as any;
    return { ...c, images: { ...c.images, ...over } };
  };

  it('defaults: 4 downloads at once per host, 25 ms apart, 2 uploads at once; 8 images held at most', () => {
    const images = (config.default({ env }) as any).images;
    expect(images).toMatchObject({ concurrency: 4, minTimeMs: 10, uploadConcurrency: 2 });
    expect(imageSlots(images)).toBe(8);
    expect(() => config.validator(withImages({}))).not.toThrow();
  });

  it('refuses settings that are not whole numbers in range, naming them', () => {
    expect(() => config.validator(withImages({ concurrency: Number.NaN }))).toThrow(/images\.concurrency: images\.concurrency must be a whole number/);
    expect(() => config.validator(withImages({ concurrency: 0 }))).toThrow(/images\.concurrency must be at least 1/);
    expect(() => config.validator(withImages({ concurrency: 100 }))).toThrow(/images\.concurrency must be at most 32/);
    expect(() => config.validator(withImages({ minTimeMs: -1 }))).toThrow(/images\.minTimeMs must be 0 or more/);
    expect(() => config.validator(withImages({ uploadConcurrency: 1.5 }))).toThrow(/images\.uploadConcurrency must be a whole number/);
    expect(() => config.validator(withImages({ uploadConcurrency: 0 }))).toThrow(/images\.uploadConcurrency must be at least 1/);
  });
});
