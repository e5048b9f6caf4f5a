// The shipped entry with the production environment: Kommo's `new Widget()` after
// mixing in its base object, APP as a global, the real engine against a stubbed fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as entry from '../../src/main.ts';
import Widget from '../../src/main.ts';
import type { KommoCallbacks } from '../../src/kommo/sdk-types.ts';
import { MODELS_LIST } from '../../src/mocks/bodies.ts';
import { createApp, createBase, instantiate, instrumentListeners, setUpPage } from './kommo-host.ts';
import { styles } from './widget-harness.ts';

const KEY = 'sk-proj-MAINENTRYSECRET987654321';
const BASE = 'https://relay.example.com';

type Instance = { callbacks: KommoCallbacks };

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  setUpPage();
  localStorage.clear();
  vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('src/main.ts', () => {
  it('exports the constructor and nothing else', () => {
    expect(Object.keys(entry)).toEqual(['default']);
    expect(typeof Widget).toBe('function');
  });

  it('builds callbacks on `new` without touching the page', () => {
    const before = document.documentElement.outerHTML;
    const widget = instantiate<Instance>(Widget, createBase());
    for (const name of ['render', 'init', 'bind_actions', 'settings', 'onSave', 'destroy', 'advancedSettings'] as const) {
      expect(typeof widget.callbacks[name]).toBe('function');
    }
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('checks through the real engine and cleans up after itself', async () => {
    const urls: string[] = [];
    vi.stubGlobal('APP', createApp());
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      urls.push(url);
      return new URL(url).pathname === '/v1/models' ? jsonResponse(MODELS_LIST) : jsonResponse({ error: { message: 'nope', type: 'invalid_request_error', code: null } }, 404);
    });
    const listeners = instrumentListeners();
    try {
      const widget = instantiate<Instance>(Widget, createBase({ settings: { api_key: KEY, base_url: BASE } }));
      expect(widget.callbacks.render()).toBe(true);
      expect(widget.callbacks.init()).toBe(true);
      expect(widget.callbacks.bind_actions()).toBe(true);
      const root = () => document.querySelector('.bytegpt-health-root')!;
      expect(root().getAttribute('data-bytegpt-health')).toBe('checking');
      await vi.waitFor(() => expect(root().getAttribute('data-bytegpt-health')).not.toBe('checking'), { timeout: 5000 });
      expect(['ok', 'warning', 'unknown', 'critical']).toContain(root().getAttribute('data-bytegpt-health'));

      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url.startsWith(`${BASE}/`)).toBe(true);
        expect(url).not.toContain(KEY);
      }
      expect(document.documentElement.outerHTML).not.toContain(KEY);
      for (let i = 0; i < localStorage.length; i++) {
        const name = localStorage.key(i)!;
        expect(name).not.toContain(KEY);
        expect(localStorage.getItem(name)).not.toContain(KEY);
      }

      widget.callbacks.destroy();
      expect(document.querySelectorAll('.bytegpt-health-root')).toHaveLength(0);
      expect(styles()).toHaveLength(0);
      expect(listeners.leaked()).toEqual([]);
    } finally {
      listeners.restore();
    }
  });
});
