// One check for all tabs: a cached last value with a TTL, a Web Lock so only one
// tab runs a check while the others wait and then read the fresh cache, and a
// BroadcastChannel so every tab hears the result. Generic over the value, so
// src/billing needs nothing from src/health.
import { browserLocalStorage, createMemoryStorage, safeStorage, type StorageLike } from './storage.ts';
import { defaultLockManager, withLock, type LockManagerLike } from './tab-lock.ts';
import { defaultChannelFactory, openChannel, type ChannelFactory, type ChannelLike } from './tab-channel.ts';

export interface CoordinatorOptions<T> {
  /** A hash of account id + base URL (see hashSettings); never the key. */
  cacheKey: string;
  ttlMs: number;
  run: () => Promise<T>;
  /** Shared across tabs (localStorage by default); must never receive the key. */
  storage?: StorageLike;
  locks?: LockManagerLike;
  /** `null` turns cross-tab messages off. */
  channel?: ChannelFactory | null;
  now?: () => number;
  /** Validates a value read back from storage or another tab; return null to reject it. */
  parse?: (raw: unknown) => T | null;
  /** Subscribes to `storage` events (the fallback when there is no channel). */
  onStorageChange?: (listener: (key: string | null) => void) => () => void;
}

interface CachedValue<T> {
  value: T;
  at: number;
}

export interface CheckCoordinator<T> {
  get(opts?: { force?: boolean }): Promise<T>;
  peek(): CachedValue<T> | null;
  subscribe(listener: (value: T, at: number) => void): () => void;
  dispose(): void;
}

interface Entry<T> extends CachedValue<T> {
  /** Unique per run: lets a forced get tell "someone ran since I asked" without clocks. */
  id: string;
}

// Versioned: a value cached by an older widget with another shape is never read back.
const PREFIX = 'bytegpt-billing:check:v1:';
const MESSAGE_TYPE = 'bytegpt-billing/check-result';
let runCounter = 0;

function defaultStorageListener(listener: (key: string | null) => void): (() => void) | undefined {
  const target = globalThis as { addEventListener?: (type: 'storage', fn: (event: { key: string | null }) => void) => void; removeEventListener?: (type: 'storage', fn: (event: { key: string | null }) => void) => void };
  if (typeof target.addEventListener !== 'function' || typeof target.removeEventListener !== 'function') return undefined;
  const handler = (event: { key: string | null }) => listener(event.key);
  target.addEventListener('storage', handler);
  return () => target.removeEventListener?.('storage', handler);
}

export function createCheckCoordinator<T>(options: CoordinatorOptions<T>): CheckCoordinator<T> {
  const { cacheKey, ttlMs, run } = options;
  const storageKey = `${PREFIX}${cacheKey}`;
  const storage = safeStorage(options.storage ?? browserLocalStorage() ?? createMemoryStorage());
  const locks = options.locks ?? defaultLockManager();
  const now = options.now ?? Date.now;
  const parse = options.parse ?? ((raw: unknown) => raw as T);
  const listeners = new Set<(value: T, at: number) => void>();
  let local: Entry<T> | null = null;
  let inflight: Promise<T> | null = null;
  let disposed = false;

  function toEntry(raw: unknown): Entry<T> | null {
    if (typeof raw !== 'object' || raw === null) return null;
    const { at, id, value } = raw as Record<string, unknown>;
    if (typeof at !== 'number' || !Number.isFinite(at) || typeof id !== 'string') return null;
    try {
      const parsed = parse(value);
      return parsed === null ? null : { at, id, value: parsed };
    } catch {
      return null;
    }
  }

  function readStored(): Entry<T> | null {
    const text = storage.getItem(storageKey);
    if (text === null) return null;
    try {
      return toEntry(JSON.parse(text));
    } catch {
      return null;
    }
  }

  /** The newest of what storage and this context know. */
  function current(): Entry<T> | null {
    const stored = readStored();
    if (!stored) return local;
    return !local || stored.at >= local.at ? stored : local;
  }

  function isFresh(entry: Entry<T>): boolean {
    const age = now() - entry.at;
    return age >= 0 && age < ttlMs;
  }

  /** Adopts a newer entry and tells subscribers; ignores anything not newer. */
  function adopt(entry: Entry<T>): void {
    if (local && (local.id === entry.id || local.at > entry.at)) return;
    local = entry;
    for (const listener of [...listeners]) {
      try {
        listener(entry.value, entry.at);
      } catch (error) {
        console.trace(error);
      }
    }
  }

  const channel: ChannelLike | undefined =
    options.channel === null ? undefined : openChannel(options.channel ?? defaultChannelFactory(), storageKey);
  const onMessage = (event: { data: unknown }) => {
    const data = event.data as { type?: unknown; entry?: unknown } | null;
    if (disposed || typeof data !== 'object' || data === null || data.type !== MESSAGE_TYPE) return;
    const entry = toEntry(data.entry);
    if (entry) adopt(entry);
  };
  channel?.addEventListener('message', onMessage);

  // Without a channel, another tab's write to shared storage is the signal.
  const stopStorage = channel
    ? undefined
    : (options.onStorageChange ?? defaultStorageListener)((key) => {
        if (disposed || (key !== null && key !== storageKey)) return;
        const stored = readStored();
        if (stored) adopt(stored);
      });

  function publish(entry: Entry<T>): void {
    storage.setItem(storageKey, JSON.stringify(entry));
    adopt(entry);
    try {
      channel?.postMessage({ type: MESSAGE_TYPE, entry });
    } catch {
      // A closed or failing channel only costs the other tabs a refresh.
    }
  }

  async function runLocked(force: boolean, seenId: string | undefined): Promise<T> {
    return withLock(locks, storageKey, async () => {
      // Disposed while waiting for another tab's lock: run nothing, publish nothing.
      if (disposed) throw new Error('check coordinator disposed');
      // Whoever held the lock before us may just have produced the answer.
      const latest = current();
      if (latest && (force ? latest.id !== seenId : isFresh(latest))) {
        adopt(latest);
        return latest.value;
      }
      // A result is as old as the moment its check started: stamping the end instead
      // would make a timer firing one TTL later find it still fresh, and skip a round.
      const startedAt = now();
      const value = await run();
      if (disposed) throw new Error('check coordinator disposed');
      runCounter += 1;
      publish({ value, at: startedAt, id: `${startedAt.toString(36)}-${runCounter}-${Math.random().toString(36).slice(2, 10)}` });
      return value;
    });
  }

  return {
    get(opts = {}) {
      if (disposed) return Promise.reject(new Error('check coordinator disposed'));
      const force = opts.force === true;
      const seen = current();
      if (!force && seen && isFresh(seen)) return Promise.resolve(seen.value);
      // Every caller in this context shares the one check in flight.
      if (inflight) return inflight;
      const pending = runLocked(force, seen?.id).finally(() => {
        if (inflight === pending) inflight = null;
      });
      inflight = pending;
      return pending;
    },
    peek() {
      const entry = current();
      return entry ? { value: entry.value, at: entry.at } : null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      disposed = true;
      listeners.clear();
      channel?.removeEventListener('message', onMessage);
      channel?.close();
      stopStorage?.();
    },
  };
}
