// Cross-tab mutual exclusion: the Web Locks API when the browser has it, and an
// in-page FIFO mutex otherwise (then tabs are not coordinated, but one page's
// coordinators still are).

/** The part of `navigator.locks` we use; the real LockManager satisfies it. */
export interface LockManagerLike {
  request(name: string, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

/** Runs `task` while holding `name`; waiters queue in arrival order. */
export function createLocalLockManager(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name, callback) {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(
        () => callback(null),
        () => callback(null),
      );
      // The next waiter starts when this holder settles, whatever the outcome.
      const tail = result.catch(() => undefined);
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return result;
    },
  };
}

const pageLocks = createLocalLockManager();

/** `navigator.locks` if present, else the page-wide local lock manager. */
export function defaultLockManager(): LockManagerLike {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : pageLocks;
}

/** Runs `task` under the lock; if the lock API itself fails, runs it unlocked rather than not at all. */
export async function withLock<T>(locks: LockManagerLike, name: string, task: () => Promise<T>): Promise<T> {
  let started = false;
  try {
    return (await locks.request(name, () => {
      started = true;
      return task();
    })) as T;
  } catch (error) {
    // A failure from the task itself propagates; only a refusal of the lock falls back.
    if (started) throw error;
    return task();
  }
}
