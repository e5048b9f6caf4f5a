// The walkthrough's progress, kept per Kommo user and account in a Storage-like object
// (localStorage in production), shared across tabs and across reloads. Storage and the
// change feed are injected: this layer touches no DOM global.
import { EMPTY_PROGRESS, reduceProgress, type Progress, type ProgressAction } from './progress.ts';
import { parseProgress, serializeProgress } from './progress-schema.ts';

/** The slice of Web Storage the store needs. Any call may throw (quota, privacy modes). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Calls back with the changed key (null: storage cleared) when another tab writes; returns the unsubscribe. */
export type WatchStorage = (onChange: (key: string | null) => void) => () => void;

interface ProgressStore {
  get(): Progress;
  dispatch(action: ProgressAction): void;
  /** Called after every change, local or from another tab; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Stops watching other tabs and forgets the listeners. */
  dispose(): void;
}

const KEY_PREFIX = 'bytegpt-health';

/** One id as a key part: short, and never able to forge the separator. */
function keyPart(id: string | number | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  const text = String(id).trim();
  return text === '' || text.length > 64 ? null : encodeURIComponent(text);
}

/**
 * The storage key of one user's progress in one account, or null when either id is
 * unknown (the store then keeps progress in memory only). Built from ids only, never
 * from the API key.
 */
export function progressKey(accountId: string | number | null | undefined, userId: string | number | null | undefined): string | null {
  const account = keyPart(accountId);
  const user = keyPart(userId);
  return account && user ? `${KEY_PREFIX}:walkthrough:v1:${account}:${user}` : null;
}

/** The storage key of the card expiry typed in the walkthrough, one per account. */
export function cardExpiryKey(accountId: string | number | null | undefined): string | null {
  const account = keyPart(accountId);
  return account ? `${KEY_PREFIX}:card-expiry:${account}` : null;
}

interface ProgressStoreOptions {
  storage: StorageLike | null;
  /** progressKey(); null keeps the progress in memory. */
  key: string | null;
  watch?: WatchStorage;
}

export function createProgressStore({ storage, key, watch }: ProgressStoreOptions): ProgressStore {
  const listeners = new Set<() => void>();
  let current: Progress = EMPTY_PROGRESS;
  let currentText = serializeProgress(current);

  /** The stored progress; bad or missing data is a fresh start, an unreadable storage keeps what we have. */
  const read = (): Progress => {
    if (!storage || key === null) return current;
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      return current;
    }
    return text === null ? EMPTY_PROGRESS : (parseProgress(text) ?? EMPTY_PROGRESS);
  };

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  /** Adopts `next`; true when it differs from what we had. */
  const adopt = (next: Progress): boolean => {
    const text = serializeProgress(next);
    if (text === currentText) return false;
    current = next;
    currentText = text;
    return true;
  };

  adopt(read());

  const unwatch =
    watch && key !== null
      ? watch((changed) => {
          if ((changed === null || changed === key) && adopt(read())) notify();
        })
      : () => {};

  return {
    get: () => current,
    dispatch(action) {
      const before = currentText;
      // Start from what is stored now: another tab may have written since our last read.
      const base = read();
      const next = reduceProgress(base, action);
      adopt(next);
      if (next !== base && storage && key !== null) {
        try {
          storage.setItem(key, currentText);
        } catch {
          // Quota or privacy mode: the progress lives on in memory for this page.
        }
      }
      if (currentText !== before) notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unwatch();
      listeners.clear();
    },
  };
}
