// The card expiry typed at the end of the "expiry emails" step. Kommo documents no API
// to save a widget's settings from the sidebar, so it is kept per account in the same
// storage as the progress; src/kommo/settings.ts uses it when the saved options have none.
import { isCardExpiry } from '../health/options.ts';
import type { StorageLike } from './store.ts';

/** The stored "MM/YY", or null when absent, unreadable or not a valid expiry. */
export function readStoredCardExpiry(storage: StorageLike | null, key: string | null): string | null {
  if (!storage || key === null) return null;
  try {
    const value = storage.getItem(key);
    return isCardExpiry(value) ? value : null;
  } catch {
    return null;
  }
}

/** Stores a valid "MM/YY"; false when the value is invalid or the storage refused it. */
export function storeCardExpiry(storage: StorageLike | null, key: string | null, expiry: string): boolean {
  const value = expiry.trim();
  if (!storage || key === null || !isCardExpiry(value)) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
