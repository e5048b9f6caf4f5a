// Remembers, for 24 h, that an endpoint cannot serve this key on this base (Admin
// endpoints without the scope, legacy endpoints a relay does not implement), so a
// check does not ask again on every refresh. Keyed by a hash, never by the key.
import type { EndpointMemory, MemoryScope } from '../billing/memory.ts';
import type { Endpoint } from '../health/endpoints.ts';
import { hashSettings } from './hash.ts';
import { browserLocalStorage, createMemoryStorage, safeStorage, type StorageLike } from './storage.ts';

const UNAVAILABLE_TTL_MS = 24 * 60 * 60 * 1000;
const PREFIX = 'bytegpt-billing:unavailable:';

export type UnavailableMemory = EndpointMemory;

/** The storage name of a scope: which base and which key, as a one-way hash. */
function scopeHash({ base, apiKey }: MemoryScope): string {
  return hashSettings('unavailable', base, apiKey);
}

export function createUnavailableMemory(options: { storage?: StorageLike; ttlMs?: number; now?: () => number } = {}): UnavailableMemory {
  const storage = safeStorage(options.storage ?? createMemoryStorage());
  const ttlMs = options.ttlMs ?? UNAVAILABLE_TTL_MS;
  const now = options.now ?? Date.now;
  const keyOf = (scope: MemoryScope, endpoint: Endpoint) => `${PREFIX}${scopeHash(scope)}:${endpoint}`;

  return {
    isUnavailable(scope, endpoint) {
      const key = keyOf(scope, endpoint);
      const raw = storage.getItem(key);
      if (raw === null) return false;
      const until = Number(raw);
      // A garbled or expired entry is dropped, so the endpoint gets asked again.
      if (!Number.isFinite(until) || until <= now() || until > now() + ttlMs) {
        storage.removeItem(key);
        return false;
      }
      return true;
    },
    remember(scope, endpoint) {
      storage.setItem(keyOf(scope, endpoint), String(now() + ttlMs));
    },
  };
}

let pageDefault: UnavailableMemory | undefined;

/**
 * The widget's memory: localStorage where there is one (survives reloads, shared by
 * tabs), else in-memory for this page. Created on first use so importing this module
 * touches no storage.
 */
export function defaultUnavailableMemory(): UnavailableMemory {
  pageDefault ??= createUnavailableMemory({ storage: browserLocalStorage() ?? createMemoryStorage() });
  return pageDefault;
}
