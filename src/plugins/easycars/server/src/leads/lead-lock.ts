/**
 * One push/pull/resolve at a time per lead within this Strapi instance: a create and a
 * quick follow-up edit must not race into two CreateLead calls. (Across instances the
 * lead-record's createRequestedAt claim does that job.)
 */
const tails = new Map<string, Promise<unknown>>();

export async function withLeadLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  try {
    await previous.catch(() => undefined);
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
