// A Kommo page that misbehaves: callbacks out of order or repeated, a check cut off by
// destroy, APP missing pieces, get_settings returning garbage, and another tab changing
// what is stored. No exception may reach Kommo, and the admin is told what is wrong.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENDPOINT_IDS } from '../../src/health/endpoints.ts';
import type { KommoApp } from '../../src/kommo/sdk-types.ts';
import type { WidgetEnv } from '../../src/kommo/runtime.ts';
import { createCallbacks } from '../../src/kommo/widget.ts';
import { createEngineSource } from '../../src/monitor/engine.ts';
import { createMemoryStorage } from '../../src/monitor/storage.ts';
import { createLocalLockManager } from '../../src/monitor/tab-lock.ts';
import { createUnavailableMemory } from '../../src/monitor/unavailable-memory.ts';
import engine from '../../src/lazy/engine.ts';
import { createApp, createBase, setUpPage, type FakeApp } from './kommo-host.ts';
import { EN } from './text.ts';
import { KEY, roots, styles } from './widget-harness.ts';

const STATUSES = new Set(['ok', 'warning', 'critical', 'stale', 'unknown', 'checking']);

let app: FakeApp;
let trace: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  setUpPage();
  localStorage.clear();
  app = createApp();
  trace = vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A fetch that never answers on its own, only fails when its signal aborts (as a real one does). */
function hangingFetch() {
  const signals: AbortSignal[] = [];
  const fetchImpl = ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      if (!signal) return;
      signals.push(signal);
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
  return { fetch: fetchImpl, signals };
}

/** The widget over the real engine, with an injected fetch and in-page storage for the cache. */
function withEngine(fetchImpl: typeof fetch, settings: Record<string, unknown> = {}, theApp: KommoApp | null = app) {
  const storage = createMemoryStorage();
  const base = createBase({ area: 'lcard', settings: { api_key: KEY, base_url: 'https://api.openai.com', options: '{}', ...settings } });
  const createSource = vi.fn((config: Parameters<WidgetEnv['createSource']>[0]) =>
    createEngineSource(config, {
      accountId: '777',
      loadEngine: async () => engine,
      fetch: fetchImpl,
      memory: createUnavailableMemory(),
      coordinator: { storage, channel: null, locks: createLocalLockManager() },
    }),
  );
  const env: WidgetEnv = { document, app: () => theApp, createSource };
  return { callbacks: createCallbacks(base, () => env), storage, createSource, base };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function rootStatus(): string | null {
  return roots()[0]?.getAttribute('data-bytegpt-health') ?? null;
}

describe('callbacks out of order', () => {
  it('destroy twice (and before any render) throws nothing and leaves nothing', () => {
    const { callbacks } = withEngine(hangingFetch().fetch);
    expect(() => callbacks.destroy()).not.toThrow();
    expect(callbacks.render()).toBe(true);
    expect(roots()).toHaveLength(1);
    expect(callbacks.destroy()).toBeUndefined();
    expect(callbacks.destroy()).toBeUndefined();
    expect(roots()).toHaveLength(0);
    expect(styles()).toHaveLength(0);
    expect(app.showError).not.toHaveBeenCalled();
  });

  it('render twice without destroy keeps one root and one check round', async () => {
    const hanging = hangingFetch();
    const { callbacks, createSource } = withEngine(hanging.fetch);
    expect(callbacks.render()).toBe(true);
    await flush();
    const firstRound = hanging.signals.length;
    expect(firstRound).toBeGreaterThan(0);
    expect(callbacks.render()).toBe(true);
    await flush();
    expect(roots()).toHaveLength(1);
    expect(createSource).toHaveBeenCalledTimes(1);
    expect(hanging.signals).toHaveLength(firstRound);
    callbacks.destroy();
  });

  it('destroy during a check aborts every request and publishes nothing', async () => {
    const hanging = hangingFetch();
    const { callbacks, storage } = withEngine(hanging.fetch);
    const writes = vi.spyOn(storage, 'setItem');
    callbacks.render();
    await flush();
    expect(rootStatus()).toBe('checking');
    expect(hanging.signals.length).toBeGreaterThan(0);
    expect(hanging.signals.length).toBeLessThanOrEqual(ENDPOINT_IDS.length);
    expect(hanging.signals.every((signal) => !signal.aborted)).toBe(true);

    callbacks.destroy();
    expect(hanging.signals.every((signal) => signal.aborted)).toBe(true);
    // Let the aborted requests unwind: no retry, no cache entry, no history, no trace.
    for (let i = 0; i < 5; i += 1) await flush();
    expect(hanging.signals.every((signal) => signal.aborted)).toBe(true);
    expect(hanging.signals.length).toBeLessThanOrEqual(ENDPOINT_IDS.length);
    expect(writes).not.toHaveBeenCalled();
    expect(trace).not.toHaveBeenCalled();
    expect(app.showError).not.toHaveBeenCalled();
    expect(roots()).toHaveLength(0);
  });

  it('render, destroy, render again starts a fresh check that is not already aborted', async () => {
    const hanging = hangingFetch();
    const { callbacks } = withEngine(hanging.fetch);
    callbacks.render();
    await flush();
    callbacks.destroy();
    const before = hanging.signals.length;
    callbacks.render();
    await flush();
    expect(hanging.signals.length).toBeGreaterThan(before);
    expect(hanging.signals.slice(before).every((signal) => !signal.aborted)).toBe(true);
    callbacks.destroy();
  });
});

describe('APP missing pieces', () => {
  const broken: Array<[string, () => KommoApp | null]> = [
    ['no APP at all', () => null],
    ['no notifications', () => ({ ...createApp(), notifications: undefined }) as unknown as KommoApp],
    ['no constant()', () => ({ ...createApp(), constant: undefined }) as unknown as KommoApp],
    ['a throwing constant()', () => ({ ...createApp(), constant: () => { throw new Error('boom'); } }) as unknown as KommoApp],
    ['notifications that throw', () => ({ ...createApp(), notifications: { show_message_error: () => { throw new Error('boom'); } } }) as unknown as KommoApp],
  ];

  it.each(broken)('%s: every callback returns what Kommo expects', (_name, makeApp) => {
    const hanging = hangingFetch();
    const { callbacks } = withEngine(hanging.fetch, {}, makeApp());
    expect(callbacks.render()).toBe(true);
    expect(callbacks.init()).toBe(true);
    expect(callbacks.bind_actions()).toBe(true);
    expect(callbacks.onSave({ active: 'Y', fields: { api_key: 'sk-admin-xxxxxxxxxxxxxxxxxxxxxxxx' } })).toBe(false);
    expect(STATUSES.has(rootStatus() ?? '')).toBe(true);
    expect(() => callbacks.destroy()).not.toThrow();
  });

  it('a source that throws while APP has no notifications still returns true', () => {
    const base = createBase({ area: 'lcard', settings: { api_key: KEY } });
    const env: WidgetEnv = {
      document,
      app: () => ({ ...createApp(), notifications: undefined }) as unknown as KommoApp,
      createSource: () => {
        throw new Error('engine exploded');
      },
    };
    const callbacks = createCallbacks(base, () => env);
    expect(callbacks.render()).toBe(true);
    expect(trace).toHaveBeenCalled();
    expect(() => callbacks.destroy()).not.toThrow();
  });
});

describe('get_settings returning garbage', () => {
  const noticeKeys = () => document.querySelector('[data-bytegpt-notice="options_problem"]')?.getAttribute('data-option-keys') ?? null;

  it('malformed options JSON: defaults are used and the admin is told the whole value is unusable', () => {
    const { callbacks } = withEngine(hangingFetch().fetch, { options: '{"checkEveryMinutes": 5,' });
    callbacks.render();
    expect(noticeKeys()).toBe('*');
    expect(roots()[0]!.textContent).toContain(EN.panel.options_problem_all);
    callbacks.destroy();
  });

  it('numbers as strings: those keys fall back and are named', () => {
    const options = JSON.stringify({ checkEveryMinutes: '15', monthlyBudgetUsd: '100', lowBalanceUsd: 5, quotaProbe: 'false' });
    const { callbacks } = withEngine(hangingFetch().fetch, { options });
    callbacks.render();
    expect(noticeKeys()?.split(' ').sort()).toEqual(['checkEveryMinutes', 'monthlyBudgetUsd', 'quotaProbe']);
    const text = roots()[0]!.textContent ?? '';
    expect(text).toContain('quotaProbe, monthlyBudgetUsd, checkEveryMinutes');
    callbacks.destroy();
  });

  it('members see the status but not the settings notice', () => {
    const member = createApp({ admin: false });
    const { callbacks } = withEngine(hangingFetch().fetch, { options: 'nope' }, member);
    callbacks.render();
    expect(roots()[0]!.getAttribute('data-bytegpt-role')).toBe('member');
    expect(noticeKeys()).toBeNull();
    callbacks.destroy();
  });

  it('valid options show no notice', () => {
    const { callbacks } = withEngine(hangingFetch().fetch, { options: JSON.stringify({ checkEveryMinutes: 30 }) });
    callbacks.render();
    expect(noticeKeys()).toBeNull();
    callbacks.destroy();
  });

  it('a missing api_key: not configured, nothing sent', () => {
    const hanging = hangingFetch();
    const { callbacks } = withEngine(hanging.fetch, { api_key: undefined });
    callbacks.render();
    const root = roots()[0]!;
    expect(root.getAttribute('data-bytegpt-configured')).toBe('false');
    expect(root.querySelector('[data-bytegpt-notice="not_configured"]')).not.toBeNull();
    expect(hanging.signals).toHaveLength(0);
    callbacks.destroy();
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', 'settings'],
    ['an array', [1, 2]],
  ])('get_settings returning %s: rendered, nothing thrown', (_name, value) => {
    const hanging = hangingFetch();
    const { callbacks, base } = withEngine(hanging.fetch);
    (base as { get_settings: () => unknown }).get_settings = () => value;
    (base as { params: unknown }).params = value;
    expect(callbacks.render()).toBe(true);
    expect(() => callbacks.destroy()).not.toThrow();
  });

  it('a throwing get_settings falls back to params', () => {
    const { callbacks, base } = withEngine(hangingFetch().fetch);
    (base as { get_settings: () => unknown }).get_settings = () => {
      throw new Error('Kommo bug');
    };
    expect(callbacks.render()).toBe(true);
    expect(roots()[0]!.getAttribute('data-bytegpt-configured')).toBe('true');
    callbacks.destroy();
  });
});

describe('another tab changes what is stored', () => {
  it('storage cleared in another tab rebuilds the source without a throw', async () => {
    const { callbacks, createSource } = withEngine(hangingFetch().fetch);
    callbacks.render();
    await flush();
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    await flush();
    expect(createSource).toHaveBeenCalledTimes(2);
    expect(roots()).toHaveLength(1);
    expect(STATUSES.has(rootStatus() ?? '')).toBe(true);
    expect(trace).not.toHaveBeenCalled();
    callbacks.destroy();
  });

  it('garbage written by another tab to every stored key is ignored', async () => {
    const { callbacks } = withEngine(hangingFetch().fetch);
    callbacks.render();
    await flush();
    for (const key of ['bytegpt-billing:card-expiry:777', 'bytegpt-billing:check:v1:x', 'anything']) {
      localStorage.setItem(key, '{"value": <garbage');
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: '{"value": <garbage' }));
    }
    await flush();
    expect(roots()).toHaveLength(1);
    expect(STATUSES.has(rootStatus() ?? '')).toBe(true);
    expect(app.showError).not.toHaveBeenCalled();
    callbacks.destroy();
  });

  it('settings saved in another tab take effect at the next render, with no stale notice', () => {
    const settings: Record<string, unknown> = { options: 'broken' };
    const { callbacks, base } = withEngine(hangingFetch().fetch, settings);
    callbacks.render();
    expect(document.querySelector('[data-bytegpt-notice="options_problem"]')).not.toBeNull();
    callbacks.destroy();
    // Kommo hands the next instance what the other tab saved.
    (base as { get_settings: () => unknown }).get_settings = () => ({ ...base.params, api_key: KEY, options: '{}' });
    callbacks.render();
    expect(document.querySelector('[data-bytegpt-notice="options_problem"]')).toBeNull();
    callbacks.destroy();
  });
});
