// A short one-way fingerprint for cache and memory keys, so storage holds
// "which account/base this was about" without ever holding the key itself.

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;
// Namespaces our fingerprints so they never equal some other tool's FNV of the same text.
const DOMAIN = 'bytegpt-billing/v1';

/**
 * FNV-1a 64 over the UTF-8 of the parts (NUL-separated, so ("ab","c") ≠ ("a","bc")).
 * Synchronous on purpose: callers build storage keys inline. 64 bits cannot hold a
 * 150+ bit key, so the key is not recoverable from it.
 */
export function hashSettings(...parts: string[]): string {
  const bytes = new TextEncoder().encode([DOMAIN, ...parts].join('\u0000'));
  let hash = FNV64_OFFSET;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, '0');
}
