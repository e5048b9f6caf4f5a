// One upstream check per key per interval, however many requests ask: a fresh result
// is served from memory, and requests that arrive while a check runs wait for that
// same check (single flight) instead of starting their own. Memory is bounded: past
// `maxEntries` results, the least recently used is dropped.

export type Upstream = 'cached' | 'checked' | 'joined';

interface CachedCheck<T> {
  value: T;
  /** When the check that produced `value` started (ms). */
  at: number;
}

export interface CheckCache<T> {
  /**
   * The result for `key`: cached while `isFresh` says so, else from `run` (given the
   * previous result, if any), shared with every caller that asks meanwhile. A `run`
   * that throws is not cached; its callers all get the error.
   */
  get(key: string, isFresh: (cached: CachedCheck<T>) => boolean, run: (previous: T | null) => Promise<T>): Promise<CachedCheck<T> & { upstream: Upstream }>;
}

export function createCheckCache<T>(maxEntries: number, now: () => number): CheckCache<T> {
  const results = new Map<string, CachedCheck<T>>();
  const running = new Map<string, Promise<CachedCheck<T>>>();

  function keep(key: string, entry: CachedCheck<T>): void {
    results.delete(key);
    results.set(key, entry);
    if (results.size > maxEntries) {
      const oldest = results.keys().next();
      if (!oldest.done) results.delete(oldest.value);
    }
  }

  return {
    async get(key, isFresh, run) {
      const cached = results.get(key);
      if (cached && isFresh(cached)) {
        keep(key, cached);
        return { ...cached, upstream: 'cached' };
      }
      const joined = running.get(key);
      if (joined) return { ...(await joined), upstream: 'joined' };

      const at = now();
      const started = (async () => {
        const entry = { value: await run(cached?.value ?? null), at };
        keep(key, entry);
        return entry;
      })();
      running.set(key, started);
      try {
        return { ...(await started), upstream: 'checked' };
      } finally {
        running.delete(key);
      }
    },
  };
}
