import type { JobQueue } from '../../../src/plugins/easycars/server/src/jobs/types';

const mockQueue: JobQueue = {
  kind: 'memory',
  start: async () => undefined,
  stop: async () => undefined,
  work: async () => undefined,
  send: async () => {
    throw new Error('connection terminated unexpectedly');
  },
};
jest.mock('../../../src/plugins/easycars/server/src/jobs/memory-queue', () => ({ createMemoryQueue: () => mockQueue }));

// Imported after the mock so the service builds its queue from it.
import jobsService from '../../../src/plugins/easycars/server/src/services/jobs';

function fakeStrapi() {
  const finished: Array<{ id: number; input: Record<string, unknown> }> = [];
  const syncLogs = {
    closeInterrupted: async () => [],
    createIfIdle: async () => ({ id: 41 }),
    finish: async (id: number, input: Record<string, unknown>) => void finished.push({ id, input }),
    heartbeat: async () => undefined,
  };
  const config: Record<string, unknown> = { sync: { queue: 'memory', concurrency: 1, heartbeatMs: 60_000, staleRunMs: 180_000 } };
  const strapi = {
    db: { dialect: { client: 'sqlite' } },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    requestContext: { run: (_ctx: unknown, fn: () => unknown) => fn() },
    plugin: () => ({ service: (name: string) => (name === 'syncLogs' ? syncLogs : undefined), config: (key: string) => config[key] }),
  };
  return { strapi: strapi as any, finished };
}

describe('enqueueSync when the job queue refuses the job', () => {
  it('closes the run it created as failed with the reason, so the dealership is not blocked, and reports the error', async () => {
    const { strapi, finished } = fakeStrapi();
    const jobs = jobsService({ strapi });
    await jobs.start();
    await expect(jobs.enqueueSync({ dealership: 'dealer-1', type: 'stock', trigger: 'manual' })).rejects.toThrow(
      'The sync could not be queued: connection terminated unexpectedly',
    );
    expect(finished).toHaveLength(1);
    expect(finished[0]!.id).toBe(41);
    expect(finished[0]!.input).toMatchObject({ status: 'failed', errorMessage: 'The sync could not be queued: connection terminated unexpectedly' });
    await jobs.stop();
  });
});
