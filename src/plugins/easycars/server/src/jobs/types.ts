export interface SendOptions {
  /** Retries after the first attempt fails (default 0). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** pg-boss singletonKey; the memory queue refuses a second queued job with the same key. */
  singletonKey?: string;
}

export type JobHandler<T = any> = (data: T) => Promise<void>;

/** What both queue backends (pg-boss on PostgreSQL, in-process on SQLite) offer. */
export interface JobQueue {
  readonly kind: 'pg-boss' | 'memory';
  start(): Promise<void>;
  stop(): Promise<void>;
  work<T>(name: string, handler: JobHandler<T>, options: { concurrency: number }): Promise<void>;
  send<T>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /**
   * Shared queues only: the data of the queue's jobs that are still to run or running. Lets a sweep tell a run
   * whose job was never sent (its instance stopped in between) from one merely waiting its turn.
   */
  pendingData?(name: string): Promise<unknown[]>;
}
