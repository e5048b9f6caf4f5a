// Requests per user: a token bucket per key (the token's account and user), refilled
// continuously, so a burst up to the limit passes and a steady flood gets 429 with
// how long to wait. Memory is bounded: past `maxKeys` the least recently seen key is
// forgotten (it starts again with a full bucket, which only ever errs on allowing).

type RateDecision = { ok: true } | { ok: false; retryAfterS: number };

export interface RateLimiter {
  take(key: string, nowMs: number): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(perMinute: number, maxKeys: number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  return {
    take(key, nowMs) {
      const previous = buckets.get(key);
      // A clock that steps back refills nothing rather than going negative.
      const elapsed = previous ? Math.max(0, nowMs - previous.at) : 0;
      const tokens = previous ? Math.min(perMinute, previous.tokens + elapsed * perMs) : perMinute;
      // Re-inserting keeps the Map in least-recently-seen order for eviction.
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: nowMs });
        return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: nowMs });
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      return { ok: true };
    },
  };
}
