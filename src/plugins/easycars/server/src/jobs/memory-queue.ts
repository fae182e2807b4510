import { randomUUID } from 'node:crypto';
import type { JobHandler, JobQueue, SendOptions } from './types';

interface QueuedJob {
  id: string;
  data: unknown;
  attempt: number;
  options: SendOptions;
}

interface Worker {
  handler: JobHandler;
  concurrency: number;
  active: number;
  pending: QueuedJob[];
}

/**
 * In-process queue for SQLite deployments (a single Strapi instance): per-queue
 * concurrency, FIFO, retries with optional exponential backoff. Not durable by itself:
 * callers keep the durable state in their own tables (sync logs, lead records) and
 * re-send what is still pending at start-up.
 */
export function createMemoryQueue(onError: (name: string, error: unknown) => void): JobQueue {
  const workers = new Map<string, Worker>();
  const early = new Map<string, QueuedJob[]>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const pump = (name: string) => {
    const worker = workers.get(name);
    if (!worker || stopped) return;
    while (worker.active < worker.concurrency && worker.pending.length > 0) {
      const job = worker.pending.shift() as QueuedJob;
      worker.active += 1;
      worker
        .handler(job.data)
        .catch((error) => {
          const limit = job.options.retryLimit ?? 0;
          if (job.attempt < limit && !stopped) {
            const base = (job.options.retryDelaySeconds ?? 1) * 1000;
            const delay = job.options.retryBackoff ? base * 2 ** job.attempt : base;
            const timer = setTimeout(() => {
              timers.delete(timer);
              worker.pending.push({ ...job, attempt: job.attempt + 1 });
              pump(name);
            }, delay);
            timers.add(timer);
          } else {
            onError(name, error);
          }
        })
        .finally(() => {
          worker.active -= 1;
          pump(name);
        });
    }
  };

  return {
    kind: 'memory',
    async start() {
      stopped = false;
    },
    async stop() {
      stopped = true;
      timers.forEach(clearTimeout);
      timers.clear();
    },
    async work(name, handler, { concurrency }) {
      workers.set(name, { handler: handler as JobHandler, concurrency, active: 0, pending: early.get(name) ?? [] });
      early.delete(name);
      pump(name);
    },
    async send(name, data, options = {}) {
      const worker = workers.get(name);
      const queue = worker?.pending ?? early.get(name) ?? [];
      if (options.singletonKey && queue.some((j) => j.options.singletonKey === options.singletonKey)) return null;
      const job: QueuedJob = { id: randomUUID(), data, attempt: 0, options };
      queue.push(job);
      if (worker) pump(name);
      else early.set(name, queue);
      return job.id;
    },
  };
}
