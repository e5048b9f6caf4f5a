import { describe, expect, it, vi } from 'vitest';
import { hashSettings } from '../../../src/monitor/hash.ts';
import { createUnavailableMemory, defaultUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';
import { createMemoryStorage } from '../../../src/monitor/storage.ts';

describe('hashSettings', () => {
  it('is short, stable and hex', () => {
    const a = hashSettings('https://api.openai.com', 'sk-proj-abc');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hashSettings('https://api.openai.com', 'sk-proj-abc')).toBe(a);
  });

  it('changes with any part and with how parts are split', () => {
    const base = hashSettings('ab', 'c');
    expect(hashSettings('a', 'bc')).not.toBe(base);
    expect(hashSettings('ab', 'd')).not.toBe(base);
    expect(hashSettings('ab', 'c', '')).not.toBe(base);
  });

  it('spreads similar inputs (no collisions over 5000 keys)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i += 1) seen.add(hashSettings('base', `sk-proj-${i}`));
    expect(seen.size).toBe(5000);
  });

  it('does not contain its input', () => {
    expect(hashSettings('sk-proj-abcdefgh')).not.toContain('abcdefgh');
  });
});

const unavailableScope = (base: string, apiKey: string) => ({ base, apiKey });
const S = unavailableScope('s', 'k');
const DAY_MS = 24 * 60 * 60 * 1000;

describe('unavailable memory', () => {
  it('remembers an endpoint for 24 h, per scope and endpoint', () => {
    let clock = 1_000_000;
    const memory = createUnavailableMemory({ now: () => clock });
    const scope = unavailableScope('https://api.openai.com', 'sk-proj-1');
    expect(memory.isUnavailable(scope, 'costs')).toBe(false);
    memory.remember(scope, 'costs');
    expect(memory.isUnavailable(scope, 'costs')).toBe(true);
    expect(memory.isUnavailable(scope, 'spend_limit')).toBe(false);
    expect(memory.isUnavailable(unavailableScope('https://api.openai.com', 'sk-proj-2'), 'costs')).toBe(false);
    clock += DAY_MS - 1;
    expect(memory.isUnavailable(scope, 'costs')).toBe(true);
    clock += 1;
    expect(memory.isUnavailable(scope, 'costs')).toBe(false);
  });

  it('shares state through a storage (the localStorage adapter case)', () => {
    const storage = createMemoryStorage();
    const scope = unavailableScope('https://relay.example.test', 'token-abcdef123456');
    createUnavailableMemory({ storage }).remember(scope, 'balance');
    expect(createUnavailableMemory({ storage }).isUnavailable(scope, 'balance')).toBe(true);
    const dump = JSON.stringify(storage.entries());
    expect(dump).not.toContain('token-abcdef123456');
    expect(dump).not.toContain('relay.example.test');
  });

  it('drops garbled or far-future entries', () => {
    const storage = createMemoryStorage();
    const memory = createUnavailableMemory({ storage, now: () => 0 });
    memory.remember(S, 'costs');
    const [key] = storage.entries()[0] ?? [];
    storage.setItem(key as string, 'garbage');
    expect(memory.isUnavailable(S, 'costs')).toBe(false);
    storage.setItem(key as string, String(DAY_MS * 10));
    expect(memory.isUnavailable(S, 'costs')).toBe(false);
    expect(storage.entries()).toHaveLength(0);
  });

  it('survives a storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const memory = createUnavailableMemory({ storage: throwing });
    expect(() => memory.remember(S, 'costs')).not.toThrow();
    expect(memory.isUnavailable(S, 'costs')).toBe(false);
  });
});

describe('the default memory', () => {
  it('uses localStorage when the context has one, created on first use', () => {
    const fakeLocalStorage = createMemoryStorage();
    vi.stubGlobal('localStorage', fakeLocalStorage);
    try {
      const memory = defaultUnavailableMemory();
      expect(defaultUnavailableMemory()).toBe(memory);
      memory.remember(unavailableScope('https://relay.example.test', 'token-x'), 'costs');
      expect(fakeLocalStorage.entries().map(([key]) => key)).toEqual([expect.stringMatching(/^bytegpt-billing:unavailable:[0-9a-f]{16}:costs$/)]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
