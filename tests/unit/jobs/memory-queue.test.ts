import { createMemoryQueue } from '../../../src/plugins/easycars/server/src/jobs/memory-queue';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('in-process job queue', () => {
  it('runs jobs sent before the worker registered, in order, within the concurrency limit', async () => {
    const queue = createMemoryQueue(() => undefined);
    await queue.start();
    const seen: number[] = [];
    let active = 0;
    let peak = 0;
    for (let i = 0; i < 6; i += 1) await queue.send('q', i);
    await queue.work<number>(
      'q',
      async (n) => {
        active += 1;
        peak = Math.max(peak, active);
        await tick(10);
        seen.push(n);
        active -= 1;
      },
      { concurrency: 2 },
    );
    while (seen.length < 6) await tick();
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    await queue.stop();
  });

  it('retries a failing job with backoff, then reports the last error', async () => {
    const errors: unknown[] = [];
    const queue = createMemoryQueue((_name, error) => errors.push(error));
    let attempts = 0;
    await queue.work('q', async () => {
      attempts += 1;
      throw new Error(`attempt ${attempts}`);
    }, { concurrency: 1 });
    await queue.send('q', {}, { retryLimit: 2, retryDelaySeconds: 0.01, retryBackoff: true });
    while (errors.length === 0) await tick();
    expect(attempts).toBe(3);
    expect((errors[0] as Error).message).toBe('attempt 3');
    await queue.stop();
  });

  it('refuses a second queued job with the same singleton key', async () => {
    const queue = createMemoryQueue(() => undefined);
    expect(await queue.send('q', 1, { singletonKey: 'k' })).toEqual(expect.any(String));
    expect(await queue.send('q', 2, { singletonKey: 'k' })).toBeNull();
    expect(await queue.send('q', 3, { singletonKey: 'other' })).toEqual(expect.any(String));
  });
});
