// The slice of the Web Storage API the billing caches need, an in-memory
// stand-in, and a wrapper that turns storage failures (quota, privacy modes,
// sandboxed frames) into "not stored" instead of exceptions.

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** In-memory storage; `entries()` lets tests inspect exactly what was written. */
export interface MemoryStorage extends StorageLike {
  entries(): Array<[string, string]>;
}

export function createMemoryStorage(): MemoryStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, String(value));
    },
    removeItem: (key) => {
      items.delete(key);
    },
    entries: () => [...items.entries()],
  };
}

/** Wraps a storage so that every call is best-effort and never throws. */
export function safeStorage(storage: StorageLike): StorageLike {
  return {
    getItem(key) {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        storage.setItem(key, value);
      } catch {
        // Quota exceeded or storage disabled: the value simply is not cached.
      }
    },
    removeItem(key) {
      try {
        storage.removeItem(key);
      } catch {
        // Same as above.
      }
    },
  };
}

/** `localStorage` when this context has a usable one (reading it can itself throw). */
export function browserLocalStorage(): StorageLike | undefined {
  try {
    const candidate = (globalThis as { localStorage?: StorageLike }).localStorage;
    return candidate ? safeStorage(candidate) : undefined;
  } catch {
    return undefined;
  }
}
