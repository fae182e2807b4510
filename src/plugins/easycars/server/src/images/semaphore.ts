/** A counting semaphore, first come first served: at most `size` holders at once. */
export interface Semaphore {
  /** Resolves with the function that gives the slot back (calling it twice gives back one slot). */
  acquire(): Promise<() => void>;
}

export function createSemaphore(size: number): Semaphore {
  let free = size;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    acquire() {
      const grant = () => {
        let given = false;
        return () => {
          if (given) return;
          given = true;
          release();
        };
      };
      if (free > 0) {
        free--;
        return Promise.resolve(grant());
      }
      return new Promise((resolve) => waiting.push(() => resolve(grant())));
    },
  };
}
