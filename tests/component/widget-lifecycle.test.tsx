// The card sidebar lifecycle: render (re-entrant), theme, destroy, and callbacks that never throw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCallbacks } from '../../src/kommo/widget.ts';
import { CODE, createApp, createBase, instrumentListeners, instrumentObservers, setUpPage, settingsModal, type FakeApp } from './kommo-host.ts';
import { EN, makeReport } from './text.ts';
import { fakeSource, KEY, roots, setupWidget, styles, type SetupOptions } from './widget-harness.ts';

let app: FakeApp;
let trace: ReturnType<typeof vi.spyOn>;

const setup = (opts: Omit<SetupOptions, 'app'> & { app?: FakeApp | null } = {}) =>
  setupWidget({ ...opts, app: opts.app === undefined ? app : opts.app });

beforeEach(() => {
  setUpPage();
  app = createApp();
  trace = vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('render', () => {
  it('draws one block with one root in a card and returns true', () => {
    const { callbacks, base, fake } = setup({ source: fakeSource({ report: makeReport('warning') }) });
    expect(callbacks.render()).toBe(true);
    expect(callbacks.init()).toBe(true);
    expect(callbacks.bind_actions()).toBe(true);
    expect(base.renderTemplateCalls).toBe(1);
    expect(roots()).toHaveLength(1);
    const root = roots()[0]!;
    expect(root.getAttribute('data-bytegpt-health')).toBe('warning');
    expect(root.closest(`.card-widgets__widget-${CODE} .card-widgets__widget__body`)).not.toBeNull();
    expect(root.parentElement!.classList.contains('bytegpt-health-host')).toBe(true);
    expect(fake.source.refresh).toHaveBeenCalledTimes(1); // first check (or cached result) at mount
  });

  it('is safe to call again: one root, no second block', () => {
    const { callbacks, base } = setup();
    callbacks.render();
    callbacks.render();
    callbacks.render();
    expect(base.renderTemplateCalls).toBe(1);
    expect(roots()).toHaveLength(1);
    expect(document.querySelectorAll('.bytegpt-health-host')).toHaveLength(1);
    expect(styles()).toHaveLength(1);
  });

  it('mounts again when Kommo rebuilt its block, keeping a single root', () => {
    const { callbacks, base } = setup();
    callbacks.render();
    document.querySelector(`.card-widgets__widget-${CODE}`)!.remove();
    callbacks.render();
    expect(base.renderTemplateCalls).toBe(2);
    expect(roots()).toHaveLength(1);
  });

  it('mounts into an existing empty host instead of drawing another block', () => {
    const { callbacks, base } = setup();
    base.render_template({ caption: { class_name: 'x' }, body: `<div class="bytegpt-health-host bytegpt-health" data-bytegpt-code="${CODE}"></div>`, render: '' });
    base.renderTemplateCalls = 0;
    callbacks.render();
    expect(base.renderTemplateCalls).toBe(0);
    expect(roots()).toHaveLength(1);
  });

  it('draws nothing outside card areas', () => {
    for (const area of ['llist', 'settings', 'advanced_settings', 'everywhere']) {
      const { callbacks, base } = setup({ area });
      expect(callbacks.render()).toBe(true);
      expect(base.renderTemplateCalls).toBe(0);
    }
    expect(roots()).toHaveLength(0);
    expect(styles()).toHaveLength(0);
  });

  it.each(['lcard', 'ccard', 'comcard'])('draws in %s', (area) => {
    const { callbacks } = setup({ area });
    callbacks.render();
    expect(roots()).toHaveLength(1);
  });

  it('skips a new, unsaved card (current_card.id === 0)', () => {
    app = createApp({ newCard: true });
    const { callbacks, base } = setup();
    expect(callbacks.render()).toBe(true);
    expect(base.renderTemplateCalls).toBe(0);
    expect(roots()).toHaveLength(0);
  });

  it('redraws when the source reports and wires the re-check button', () => {
    const fake = fakeSource({ checking: true });
    const { callbacks } = setup({ source: fake });
    callbacks.render();
    expect(roots()[0]!.getAttribute('data-bytegpt-health')).toBe('checking');
    fake.push({ checking: false, report: makeReport('critical', [{ code: 'credits_exhausted', severity: 'critical' }]) });
    const root = roots()[0]!;
    expect(root.getAttribute('data-bytegpt-health')).toBe('critical');
    expect(root.querySelector('[data-finding="credits_exhausted"]')).not.toBeNull();
    (root.querySelector('[data-action="recheck"]') as HTMLButtonElement).click();
    expect(fake.source.recheck).toHaveBeenCalledTimes(1);
  });

  it('shows "not configured" and key_invalid without a key, and builds no engine', () => {
    const { callbacks, env } = setup({ settings: { api_key: '' } });
    callbacks.render();
    expect(env.createSource).not.toHaveBeenCalled();
    expect(roots()[0]!.getAttribute('data-bytegpt-configured')).toBe('false');
    expect(roots()[0]!.textContent).toContain(EN.panel.not_configured);
    // design.md: an empty api_key is key_invalid (critical), as the CLI reports it too.
    expect(roots()[0]!.getAttribute('data-bytegpt-health')).toBe('critical');
    expect(roots()[0]!.querySelector('[data-finding="key_invalid"]')).not.toBeNull();
  });

  it('shows a member "ask your admin"', () => {
    app = createApp({ admin: false });
    const { callbacks } = setup({ source: fakeSource({ report: makeReport('critical', [{ code: 'card_expired', severity: 'critical' }]) }) });
    callbacks.render();
    expect(roots()[0]!.getAttribute('data-bytegpt-role')).toBe('member');
    expect(roots()[0]!.textContent).toContain(EN.panel.ask_admin);
  });

  it('never puts the key in the DOM', () => {
    const { callbacks } = setup({ source: fakeSource({ report: makeReport('ok') }) });
    callbacks.render();
    callbacks.settings(settingsModal('{}'));
    expect(document.documentElement.outerHTML).not.toContain(KEY);
  });
});

describe('theme', () => {
  it('follows <html data-color-scheme> live, and stops after destroy', async () => {
    const observers = instrumentObservers();
    try {
      const { callbacks } = setup();
      document.documentElement.setAttribute('data-color-scheme', 'dark');
      callbacks.render();
      const host = document.querySelector('.bytegpt-health-host')!;
      expect(host.getAttribute('data-bytegpt-theme')).toBe('dark');
      document.documentElement.setAttribute('data-color-scheme', 'light');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(host.getAttribute('data-bytegpt-theme')).toBe('light');
      expect(observers.created).toHaveLength(1);
      callbacks.destroy();
      expect(observers.created.every((o) => o.disconnected)).toBe(true);
    } finally {
      observers.restore();
    }
  });

  it('scopes every CSS rule under the widget class', () => {
    const { callbacks } = setup();
    callbacks.render();
    const css = styles()[0]!.textContent!;
    const selectors = css
      .replace(/@keyframes[^{]+\{[^}]*\{[^}]*\}\s*\}/g, '')
      .replace(/@media[^{]+\{/g, '')
      .split('}')
      .map((block) => block.split('{')[0]!.trim())
      .filter(Boolean);
    expect(selectors.length).toBeGreaterThan(20);
    for (const group of selectors) {
      for (const selector of group.split(',')) expect(selector.trim()).toMatch(/^\.bytegpt-health[\s[.:]|^\.bytegpt-health$/);
    }
  });
});

describe('destroy', () => {
  it('leaves the page as it found it', () => {
    vi.useFakeTimers();
    const listeners = instrumentListeners();
    const observers = instrumentObservers();
    try {
      const before = document.head.innerHTML;
      const fake = fakeSource({ report: makeReport('ok') });
      const { callbacks } = setup({ source: fake });
      callbacks.render();
      callbacks.settings(settingsModal('{"quotaProbe":true}'));
      const area = document.createElement('div');
      area.id = `work-area-${CODE}`;
      document.body.appendChild(area);
      callbacks.advancedSettings();
      expect(document.querySelectorAll('.bytegpt-health')).toHaveLength(3);

      callbacks.destroy();
      expect(roots()).toHaveLength(0);
      expect(document.querySelectorAll('.bytegpt-health, .bytegpt-health-host')).toHaveLength(0);
      expect(document.head.innerHTML).toBe(before);
      expect(fake.listeners.size).toBe(0);
      expect(fake.source.dispose).toHaveBeenCalledTimes(1);
      expect(listeners.leaked()).toEqual([]);
      expect(observers.created.length).toBeGreaterThan(0);
      expect(observers.created.every((o) => o.disconnected)).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      listeners.restore();
      observers.restore();
    }
  });

  it('clears the re-check interval it started', () => {
    vi.useFakeTimers();
    const fake = fakeSource();
    const { callbacks } = setup({ source: fake, settings: { options: '{"checkEveryMinutes":5}' } });
    callbacks.render();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(5 * 60_000);
    expect(fake.source.refresh).toHaveBeenCalledTimes(2); // once at mount, once on the tick
    callbacks.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the shared style until the last widget instance goes', () => {
    const a = setup();
    a.callbacks.render();
    const b = setup({ area: 'advanced_settings' });
    const area = document.createElement('div');
    area.id = `work-area-${CODE}`;
    document.body.appendChild(area);
    b.callbacks.advancedSettings();
    expect(styles()).toHaveLength(1);
    a.callbacks.destroy();
    expect(styles()).toHaveLength(1);
    b.callbacks.destroy();
    expect(styles()).toHaveLength(0);
  });

  it('can be called before render, and twice', () => {
    const { callbacks } = setup();
    expect(() => callbacks.destroy()).not.toThrow();
    callbacks.render();
    callbacks.destroy();
    expect(() => callbacks.destroy()).not.toThrow();
    expect(roots()).toHaveLength(0);
  });

  it('allows rendering again after destroy (init_once reuse)', () => {
    const { callbacks } = setup();
    callbacks.render();
    callbacks.destroy();
    callbacks.render();
    expect(roots()).toHaveLength(1);
    expect(styles()).toHaveLength(1);
  });
});

describe('callbacks never throw into Kommo', () => {
  it('render_template throwing: render returns true, traces, notifies', () => {
    const { callbacks, base } = setup();
    base.render_template = () => {
      throw new Error('kommo broke');
    };
    expect(callbacks.render()).toBe(true);
    expect(trace).toHaveBeenCalled();
    expect(app.showError).toHaveBeenCalledWith({ header: EN.widget.name, text: EN.panel.error_generic });
  });

  it('works without APP at all', () => {
    const { callbacks } = setup({ app: null });
    expect(callbacks.render()).toBe(true);
    expect(roots()[0]!.getAttribute('data-bytegpt-role')).toBe('member');
    expect(callbacks.onSave({ fields: { api_key: 'sk-admin-x' }, active: 'Y' })).toBe(false);
    expect(() => callbacks.destroy()).not.toThrow();
  });

  it('survives a base object whose methods throw or are missing', () => {
    const broken = createBase();
    const throwing = () => {
      throw new Error('nope');
    };
    Object.assign(broken, { system: throwing, get_settings: throwing, i18n: throwing, langs: undefined, params: undefined });
    const callbacks = createCallbacks(broken, () => ({ document, app: () => app, createSource: () => fakeSource().source }));
    expect(callbacks.render()).toBe(true);
    expect(callbacks.settings(undefined)).toBe(true);
    expect(callbacks.advancedSettings()).toBe(true);
    expect(callbacks.onSave(undefined)).toBe(true);
    expect(() => callbacks.destroy()).not.toThrow();

    const empty = createCallbacks({}, () => ({ document, app: () => null, createSource: () => fakeSource().source }));
    expect(empty.render()).toBe(true);
    expect(empty.init()).toBe(true);
    expect(empty.bind_actions()).toBe(true);
  });

  it('a source that throws on subscribe still lets render return true', () => {
    const fake = fakeSource();
    fake.source.subscribe = () => {
      throw new Error('bad source');
    };
    const { callbacks } = setup({ source: fake });
    expect(callbacks.render()).toBe(true);
    expect(trace).toHaveBeenCalled();
    expect(() => callbacks.destroy()).not.toThrow();
  });

  it('an env that cannot be built is caught too', () => {
    const callbacks = createCallbacks(createBase(), () => {
      throw new Error('no env');
    });
    expect(callbacks.render()).toBe(true);
    expect(callbacks.onSave({ fields: {} })).toBe(true);
    expect(() => callbacks.destroy()).not.toThrow();
  });
});

