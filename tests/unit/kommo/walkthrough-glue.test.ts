import { describe, expect, it, vi } from 'vitest';
import { readConfig, readSavedCardExpiry } from '../../../src/kommo/settings.ts';
import { createSwappableSource, type BuiltSource } from '../../../src/kommo/swappable-source.ts';
import { readWalkthroughIds } from '../../../src/kommo/walkthrough.ts';
import type { KommoApp } from '../../../src/kommo/sdk-types.ts';
import type { HealthSource } from '../../../src/monitor/index.ts';

describe('the card expiry stored from the walkthrough', () => {
  it('fills in when the saved options have none', () => {
    const read = readConfig({ api_key: 'sk-proj-x', options: '{"monthlyBudgetUsd":50,"custom":1}' }, '08/29');
    expect(read.ok && read.config.options).toMatchObject({ cardExpiry: '08/29', monthlyBudgetUsd: 50, custom: 1 });
    const noKey = readConfig({}, '08/29');
    expect(noKey.ok ? null : noKey.options.cardExpiry).toBe('08/29');
  });

  it('never overrides the saved one, and is ignored when not MM/YY', () => {
    const saved = readConfig({ api_key: 'sk-proj-x', options: '{"cardExpiry":"12/27"}' }, '08/29');
    expect(saved.ok && saved.config.options.cardExpiry).toBe('12/27');
    expect(readSavedCardExpiry({ options: '{"cardExpiry":"12/27"}' })).toBe('12/27');
    const bad = readConfig({ api_key: 'sk-proj-x' }, '4111');
    expect(bad.ok && bad.config.options.cardExpiry).toBeNull();
    const none = readConfig({ api_key: 'sk-proj-x' });
    expect(none.ok && none.config.options.cardExpiry).toBeNull();
  });
});

describe('the walkthrough ids', () => {
  const app = (constants: Record<string, unknown>) => ({ constant: (key: string) => constants[key] }) as unknown as KommoApp;

  it('come from APP.constant: the account id (else its subdomain) and the user id', () => {
    expect(readWalkthroughIds(app({ account: { id: 777, subdomain: 'acme' }, user: { id: 5 } }))).toEqual({ account: 777, user: 5 });
    expect(readWalkthroughIds(app({ account: { subdomain: 'acme' }, user: { id: 5 } }))).toEqual({ account: 'acme', user: 5 });
    expect(readWalkthroughIds(app({}))).toEqual({ account: null, user: null });
    expect(readWalkthroughIds(null)).toEqual({ account: null, user: null });
  });
});

function fakeInner(label: string) {
  const listeners = new Set<() => void>();
  const source: HealthSource = {
    snapshot: () => ({ report: null, checking: false, configured: true, label }) as never,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    recheck: vi.fn(),
    refresh: vi.fn(),
    history: () => [],
    dispose: vi.fn(),
  };
  return { source, listeners, emit: () => listeners.forEach((fn) => fn()) };
}

describe('a swappable source', () => {
  it('moves its subscribers to the rebuilt source and tells them once', () => {
    const inners = [fakeInner('a'), fakeInner('b')];
    const stops = [vi.fn(), vi.fn()];
    let built = 0;
    const swappable = createSwappableSource((): BuiltSource => {
      const i = built++;
      return { source: inners[i]!.source, stop: stops[i]! };
    });
    const listener = vi.fn();
    const unsubscribe = swappable.subscribe(listener);
    inners[0]!.emit();
    expect(listener).toHaveBeenCalledTimes(1);

    swappable.rebuild();
    expect(inners[0]!.source.dispose).toHaveBeenCalled();
    expect(stops[0]).toHaveBeenCalled();
    expect(inners[0]!.listeners.size).toBe(0);
    expect(listener).toHaveBeenCalledTimes(2);
    expect((swappable.snapshot() as unknown as { label: string }).label).toBe('b');
    swappable.recheck();
    expect(inners[1]!.source.recheck).toHaveBeenCalled();
    inners[1]!.emit();
    expect(listener).toHaveBeenCalledTimes(3);

    unsubscribe();
    expect(inners[1]!.listeners.size).toBe(0);
    swappable.dispose();
    expect(inners[1]!.source.dispose).toHaveBeenCalled();
    expect(stops[1]).toHaveBeenCalled();
    swappable.rebuild();
    expect(built).toBe(2);
  });
});
