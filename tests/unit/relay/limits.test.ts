// The relay's two bounded memories: the per-user rate limit and the per-account check
// cache with single flight.
import { describe, expect, it } from 'vitest';
import { createCheckCache } from '../../../src/relay/check-cache.ts';
import { createRateLimiter } from '../../../src/relay/rate-limit.ts';

describe('createRateLimiter', () => {
  it('lets a burst up to the limit through, then says when to come back', () => {
    const limiter = createRateLimiter(3, 100);
    expect([1, 2, 3].map(() => limiter.take('u', 0).ok)).toEqual([true, true, true]);
    expect(limiter.take('u', 0)).toEqual({ ok: false, retryAfterS: 20 });
    // One token every 20 s.
    expect(limiter.take('u', 19_000).ok).toBe(false);
    expect(limiter.take('u', 40_000).ok).toBe(true);
    expect(limiter.take('other', 40_000).ok).toBe(true);
  });

  it('forgets the least recently seen user past its bound', () => {
    const limiter = createRateLimiter(1, 2);
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('b', 0).ok).toBe(true);
    expect(limiter.take('a', 0).ok).toBe(false);
    // 'c' evicts 'b' (a was seen last), so b starts again with a full bucket; a does not.
    expect(limiter.take('c', 0).ok).toBe(true);
    expect(limiter.take('b', 0).ok).toBe(true);
    expect(limiter.take('c', 0).ok).toBe(false);
  });
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('createCheckCache', () => {
  it('runs one check for concurrent askers and serves it while fresh', async () => {
    let clock = 1_000;
    const cache = createCheckCache<string>(10, () => clock);
    const gate = deferred<string>();
    let runs = 0;
    const run = () => {
      runs += 1;
      return gate.promise;
    };
    const fresh = (cached: { at: number }) => clock - cached.at < 500;
    const asks = [cache.get('k', fresh, run), cache.get('k', fresh, run), cache.get('k', fresh, run)];
    gate.resolve('signals');
    const results = await Promise.all(asks);
    expect(runs).toBe(1);
    expect(results.map((r) => r.upstream)).toEqual(['checked', 'joined', 'joined']);
    expect(results.every((r) => r.value === 'signals' && r.at === 1_000)).toBe(true);
    clock = 1_400;
    expect((await cache.get('k', fresh, run)).upstream).toBe('cached');
    clock = 1_500;
    const next = await cache.get('k', fresh, async (previous) => `after ${previous}`);
    expect(next).toEqual({ value: 'after signals', at: 1_500, upstream: 'checked' });
  });

  it('does not cache a failed check; every waiting asker gets the error', async () => {
    const cache = createCheckCache<string>(10, () => 0);
    const gate = deferred<string>();
    const asks = [cache.get('k', () => true, () => gate.promise), cache.get('k', () => true, () => gate.promise)];
    gate.reject(new Error('boom'));
    for (const ask of asks) await expect(ask).rejects.toThrow('boom');
    expect((await cache.get('k', () => true, async () => 'ok')).upstream).toBe('checked');
  });

  it('keeps at most maxEntries results, dropping the least recently used', async () => {
    const cache = createCheckCache<string>(2, () => 0);
    const always = () => true;
    for (const key of ['a', 'b']) await cache.get(key, always, async () => key);
    await cache.get('a', always, async () => 'unused');
    await cache.get('c', always, async () => 'c');
    expect((await cache.get('a', always, async () => 'again')).upstream).toBe('cached');
    expect((await cache.get('b', always, async () => 'again')).upstream).toBe('checked');
  });
});
