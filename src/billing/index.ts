// The OpenAI billing client's public surface (the files below can also be imported directly).
export type * from './signals.ts';
export { normalizeBaseUrl, DEFAULT_BASE_URL, type BaseUrlResult } from './base-url.ts';
export { isAdminKey, redactMessage } from './credentials.ts';
export { runCheck, type CheckConfig } from './check.ts';
export { classifyFailure, type Classified } from './classify.ts';
export { DEFAULT_PROBE_MODEL } from './key-checks.ts';
export { hashSettings } from './hash.ts';
export { createMemoryStorage, browserLocalStorage, safeStorage, type StorageLike } from './storage.ts';
export {
  createUnavailableMemory, defaultUnavailableMemory, unavailableScope, UNAVAILABLE_TTL_MS, type UnavailableMemory,
} from './unavailable-memory.ts';
export { createCheckCoordinator, type CheckCoordinator, type CoordinatorOptions, type CachedValue } from './check-coordinator.ts';
export { createLocalLockManager, defaultLockManager, type LockManagerLike } from './tab-lock.ts';
export { defaultChannelFactory, type ChannelFactory, type ChannelLike } from './tab-channel.ts';
