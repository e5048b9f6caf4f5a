// Shared by the widget lifecycle tests: a fake HealthSource and callbacks built over
// the fake Kommo page (kommo-host.ts) with an injected environment.
import { vi } from 'vitest';
import type { HealthSource } from '../../src/monitor/report-source.ts';
import type { WidgetEnv } from '../../src/kommo/runtime.ts';
import { createCallbacks } from '../../src/kommo/widget.ts';
import type { PanelState } from '../../src/ui/types.ts';
import { createBase, type FakeApp, type FakeBase } from './kommo-host.ts';

export const KEY = 'sk-proj-TOPSECRETKEY0123456789';

export type FakeSource = ReturnType<typeof fakeSource>;

export function fakeSource(initial: Partial<PanelState> = {}) {
  let state: PanelState = { report: null, checking: false, configured: true, ...initial };
  const listeners = new Set<() => void>();
  const source: HealthSource = {
    snapshot: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    recheck: vi.fn(),
    refresh: vi.fn(),
    history: () => [],
    dispose: vi.fn(),
  };
  return {
    source,
    listeners,
    push(patch: Partial<PanelState>) {
      state = { ...state, ...patch };
      for (const fn of [...listeners]) fn();
    },
  };
}

export interface SetupOptions {
  area?: string;
  settings?: Record<string, unknown>;
  source?: FakeSource;
  app: FakeApp | null;
}

export function setupWidget(opts: SetupOptions) {
  const fake = opts.source ?? fakeSource();
  const base: FakeBase = createBase({ area: opts.area ?? 'lcard', settings: { api_key: KEY, ...opts.settings } });
  const env: WidgetEnv = { document, app: () => opts.app, createSource: vi.fn(() => fake.source) };
  const callbacks = createCallbacks(base, () => env);
  return { base, env, callbacks, fake };
}

export const roots = () => document.querySelectorAll('.bytegpt-health-root');
/**
 * The widget's CSS on the page: its constructable stylesheet (adopted by the document),
 * or its <style> element where the browser has none. Each comes with its CSS text.
 */
export const styles = (): Array<{ textContent: string }> => {
  const adopted = document.adoptedStyleSheets
    .map((sheet) => ({ textContent: [...sheet.cssRules].map((rule) => rule.cssText).join('\n') }))
    .filter((sheet) => sheet.textContent.includes('.bytegpt-health'));
  const elements = [...document.querySelectorAll('style[data-bytegpt-health-style]')].map((el) => ({ textContent: el.textContent ?? '' }));
  return [...adopted, ...elements];
};
