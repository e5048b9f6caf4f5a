import { describe, expect, it, vi } from 'vitest';
import { readStoredCardExpiry, storeCardExpiry } from '../../../src/checklist/card-expiry.ts';
import { EMPTY_PROGRESS, MAX_RUNS, reduceProgress } from '../../../src/checklist/progress.ts';
import { parseProgress, serializeProgress } from '../../../src/checklist/progress-schema.ts';
import { STEP_IDS } from '../../../src/checklist/steps.ts';
import { cardExpiryKey, createProgressStore, progressKey, type StorageLike } from '../../../src/checklist/store.ts';
import { report } from './fixtures.ts';

const AT = '2026-11-27T10:00:00.000Z';

/** A localStorage shared by "tabs", with the browser's rule: a write is announced to the other tabs only. */
function sharedStorage() {
  const items = new Map<string, string>();
  const tabs = new Set<(key: string | null) => void>();
  return {
    items,
    tab() {
      let own: ((key: string | null) => void) | null = null;
      const storage: StorageLike = {
        getItem: (key) => items.get(key) ?? null,
        setItem(key, value) {
          items.set(key, value);
          for (const listener of tabs) if (listener !== own) listener(key);
        },
      };
      const watch = vi.fn((onChange: (key: string | null) => void) => {
        own = onChange;
        tabs.add(onChange);
        return () => tabs.delete(onChange);
      });
      return { storage, watch };
    },
    get listeners() {
      return tabs.size;
    },
  };
}

const KEY = progressKey(777, 5)!;

describe('keys', () => {
  it('are built from the account and user ids only', () => {
    expect(progressKey(777, 5)).toBe('bytegpt-health:walkthrough:v1:777:5');
    expect(progressKey('acme', '5')).toBe('bytegpt-health:walkthrough:v1:acme:5');
    expect(progressKey(777, 6)).not.toBe(progressKey(777, 5));
    expect(progressKey(778, 5)).not.toBe(progressKey(777, 5));
    expect(cardExpiryKey(777)).toBe('bytegpt-health:card-expiry:777');
  });

  it('cannot be forged across the separator, and need both ids', () => {
    expect(progressKey('a:b', 'c')).not.toBe(progressKey('a', 'b:c'));
    for (const [account, user] of [[null, 5], [777, undefined], ['', 5], [777, '  '], ['x'.repeat(65), 5]] as const) {
      expect(progressKey(account, user)).toBeNull();
    }
    expect(cardExpiryKey(null)).toBeNull();
  });
});

describe('the stored progress is validated on read', () => {
  const good = reduceProgress(EMPTY_PROGRESS, { type: 'mark', step: 'login', at: AT });

  it('reads back what it wrote', () => {
    expect(parseProgress(serializeProgress(good))).toEqual(good);
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ ...JSON.parse(serializeProgress(good)), v: 2 })],
    ['an unknown step', serializeProgress({ ...good, done: ['login', 'hack'] as never })],
    ['a bad date', serializeProgress({ ...good, finishedAt: 'yesterday' })],
    ['an unknown finding code', serializeProgress({ ...good, seen: { at: AT, critical: ['nope'] as never } })],
    ['a wrong type', JSON.stringify({ ...JSON.parse(serializeProgress(good)), done: 'login' })],
    ['null', 'null'],
    ['a list', '[]'],
    ['a missing field', JSON.stringify({ v: 1, done: [], finishedAt: null, runs: [], verify: null })],
    ['a string verdict', serializeProgress({ ...good, verify: { at: AT, passed: 'true' as never, blockers: [] } })],
    ['a time longer than 40 characters', serializeProgress({ ...good, runs: [new Date(AT).toString()] })],
    ['a stuffed list of runs', serializeProgress({ ...good, runs: Array.from({ length: 65 }, () => AT) })],
    ['a stuffed list of steps', serializeProgress({ ...good, done: Array.from({ length: 100_000 }, () => 'login') as never })],
    ['a stuffed list of blockers', serializeProgress({ ...good, verify: { at: AT, passed: false, blockers: Array.from({ length: 65 }, () => 'card_expired') } })],
    ['a prototype-named step', serializeProgress({ ...good, done: ['constructor'] as never })],
  ])('drops %s', (_name, text) => {
    expect(parseProgress(text)).toBeNull();
  });

  it('keeps the last MAX_RUNS runs of a longer stored list', () => {
    const runs = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString());
    expect(parseProgress(serializeProgress({ ...good, runs }))?.runs).toEqual(runs.slice(-MAX_RUNS));
  });

  it('reads a "__proto__" key as an unknown field: dropped, never a prototype', () => {
    const text = serializeProgress(good).replace('{', '{"__proto__":{"polluted":true},');
    const parsed = parseProgress(text);
    expect(parsed).toEqual(good);
    expect(Object.hasOwn(parsed ?? {}, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('restores order, drops duplicates, and keeps the fields consistent', () => {
    const text = JSON.stringify({
      v: 1,
      done: ['support', 'login', 'login', 'verify'],
      finishedAt: AT,
      runs: [AT],
      // A result that claims to pass with blockers does not pass.
      verify: { at: AT, passed: true, blockers: ['credits_exhausted'] },
      seen: { at: AT, critical: ['card_expired', 'card_expired'] },
    });
    expect(parseProgress(text)).toEqual({
      done: ['login', 'support'],
      finishedAt: null,
      runs: [AT],
      verify: { at: AT, passed: false, blockers: ['credits_exhausted'] },
      seen: { at: AT, critical: ['card_expired'] },
    });
  });
});

describe('the progress store', () => {
  it('persists and survives a reload (a new store on the same storage)', () => {
    const shared = sharedStorage();
    const first = createProgressStore({ ...shared.tab(), key: KEY });
    first.dispatch({ type: 'mark', step: 'login', at: AT });
    expect(JSON.parse(shared.items.get(KEY)!)).toMatchObject({ v: 1, done: ['login'] });
    const reloaded = createProgressStore({ ...shared.tab(), key: KEY });
    expect(reloaded.get().done).toEqual(['login']);
  });

  it('keeps users and accounts apart', () => {
    const shared = sharedStorage();
    createProgressStore({ ...shared.tab(), key: KEY }).dispatch({ type: 'mark', step: 'login', at: AT });
    expect(createProgressStore({ ...shared.tab(), key: progressKey(777, 6) }).get()).toEqual(EMPTY_PROGRESS);
    expect(createProgressStore({ ...shared.tab(), key: progressKey(778, 5) }).get()).toEqual(EMPTY_PROGRESS);
  });

  it('is shared across tabs, and stops listening on dispose', () => {
    const shared = sharedStorage();
    const a = createProgressStore({ ...shared.tab(), key: KEY });
    const b = createProgressStore({ ...shared.tab(), key: KEY });
    const seenByB = vi.fn();
    b.subscribe(seenByB);
    a.dispatch({ type: 'mark', step: 'billing', at: AT });
    expect(b.get().done).toEqual(['billing']);
    expect(seenByB).toHaveBeenCalledTimes(1);
    // B builds on A's write, not on a stale copy.
    b.dispatch({ type: 'mark', step: 'login', at: AT });
    expect(a.get().done).toEqual(['login', 'billing']);
    expect(shared.listeners).toBe(2);
    a.dispose();
    b.dispose();
    expect(shared.listeners).toBe(0);
  });

  it('ignores other keys and unchanged writes, and treats a cleared storage as a fresh start', () => {
    const shared = sharedStorage();
    const a = createProgressStore({ ...shared.tab(), key: KEY });
    const tabB = shared.tab();
    const b = createProgressStore({ ...tabB, key: KEY });
    a.dispatch({ type: 'mark', step: 'login', at: AT });
    const listener = vi.fn();
    b.subscribe(listener);
    tabB.storage.setItem('other', 'x');
    a.dispatch({ type: 'mark', step: 'login', at: AT });
    expect(listener).not.toHaveBeenCalled();
    shared.items.clear();
    const watcher = tabB.watch.mock.calls[0]![0];
    watcher(null);
    expect(b.get()).toEqual(EMPTY_PROGRESS);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('never trusts storage: bad data reads as a fresh start and is replaced on the next write', () => {
    const shared = sharedStorage();
    shared.items.set(KEY, JSON.stringify({ v: 1, done: ['login', '<img src=x onerror=alert(1)>'] }));
    const store = createProgressStore({ ...shared.tab(), key: KEY });
    expect(store.get()).toEqual(EMPTY_PROGRESS);
    store.dispatch({ type: 'mark', step: 'dashboard', at: AT });
    expect(parseProgress(shared.items.get(KEY)!)?.done).toEqual(['dashboard']);
  });

  it('keeps working in memory when storage throws or there are no ids', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    for (const store of [createProgressStore({ storage: throwing, key: KEY }), createProgressStore({ storage: null, key: null })]) {
      const listener = vi.fn();
      store.subscribe(listener);
      store.dispatch({ type: 'mark', step: 'login', at: AT });
      expect(store.get().done).toEqual(['login']);
      expect(listener).toHaveBeenCalledTimes(1);
    }
  });

  it('records a finished run and starts over on a new critical billing finding', () => {
    const shared = sharedStorage();
    const store = createProgressStore({ ...shared.tab(), key: KEY });
    for (const step of STEP_IDS) if (step !== 'verify') store.dispatch({ type: 'mark', step, at: AT });
    store.dispatch({ type: 'verified', report: report('2026-11-27T11:00:00.000Z'), at: '2026-11-27T11:00:01.000Z' });
    expect(store.get().finishedAt).toBe('2026-11-27T11:00:01.000Z');
    store.dispatch({ type: 'observe', report: report('2026-11-28T09:00:00.000Z', { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' }) });
    expect(store.get().done).toEqual([]);
    expect(store.get().runs).toEqual(['2026-11-27T11:00:01.000Z']);
  });
});

describe('the card expiry typed in the walkthrough', () => {
  it('is stored per account, validated on write and on read', () => {
    const { storage } = sharedStorage().tab();
    const key = cardExpiryKey(777);
    expect(readStoredCardExpiry(storage, key)).toBeNull();
    expect(storeCardExpiry(storage, key, ' 08/29 ')).toBe(true);
    expect(readStoredCardExpiry(storage, key)).toBe('08/29');
    expect(readStoredCardExpiry(storage, cardExpiryKey(778))).toBeNull();
    expect(storeCardExpiry(storage, key, '13/29')).toBe(false);
    expect(storeCardExpiry(storage, null, '08/29')).toBe(false);
    storage.setItem(key!, '4111 1111 1111 1111');
    expect(readStoredCardExpiry(storage, key)).toBeNull();
    expect(readStoredCardExpiry(null, key)).toBeNull();
  });

  it('never throws on a failing storage', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('x');
      },
      setItem: () => {
        throw new Error('x');
      },
    };
    expect(readStoredCardExpiry(throwing, 'k')).toBeNull();
    expect(storeCardExpiry(throwing, 'k', '08/29')).toBe(false);
  });
});
