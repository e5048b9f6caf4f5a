// A Kommo-shaped page for lifecycle tests: the widgets panel, a base widget object
// whose render_template wraps the body the way Kommo does, APP with managers and
// notifications, and the settings modal's custom-field elements.
import { vi } from 'vitest';
import en from '../../locales/en.json';
import type { KommoApp, KommoSettingsParams, KommoWidgetBase } from '../../src/kommo/sdk-types.ts';

export const CODE = 'bytegpt_health';

export interface FakeBaseOptions {
  area?: string;
  settings?: KommoSettingsParams;
  langs?: unknown;
}

export type FakeBase = KommoWidgetBase & { renderTemplateCalls: number };

export function createBase(options: FakeBaseOptions = {}): FakeBase {
  const settings: KommoSettingsParams = { widget_code: CODE, path: '/upl/x', version: '0.1.0', ...options.settings };
  const base = {
    renderTemplateCalls: 0,
    langs: options.langs ?? en,
    params: settings,
    get_settings: () => settings,
    set_settings: (patch: Partial<KommoSettingsParams>) => Object.assign(settings, patch),
    i18n: (key: string) => (en as Record<string, unknown>)[key],
    system: () => ({ area: options.area ?? 'lcard', subdomain: 'acme' }),
    get_version: () => '0.1.0',
    set_status: () => {},
    get_install_status: () => 'installed' as const,
    render_template(this: FakeBase, opts: { caption?: { class_name?: string }; body: string }) {
      this.renderTemplateCalls += 1;
      const panel = document.getElementById('widgets_block')!;
      const block = document.createElement('div');
      block.className = `card-widgets__widget card-widgets__widget-${CODE}`;
      block.innerHTML = `<div class="card-widgets__widget__caption ${opts.caption?.class_name ?? ''}"></div><div class="card-widgets__widget__body js-body-hide">${opts.body}</div>`;
      panel.appendChild(block);
      return block;
    },
  };
  return base as unknown as FakeBase;
}

/** Mixes the base into the constructor's prototype and calls `new`, as Kommo's loader does. */
export function instantiate<T>(Ctor: unknown, base: FakeBase): T & FakeBase {
  const Widget = Ctor as { new (): T; prototype: object };
  Object.assign(Widget.prototype, base);
  return new Widget() as T & FakeBase;
}

export interface FakeApp extends KommoApp {
  showError: ReturnType<typeof vi.fn>;
}

export function createApp(opts: { admin?: boolean; lang?: string; newCard?: boolean } = {}): FakeApp {
  const showError = vi.fn();
  const constants: Record<string, unknown> = {
    user: { id: 5, login: 'ana@acme.test', name: 'Ana' },
    managers: { '5': { is_admin: opts.admin === false ? 'N' : 'Y' } },
    account: { id: 777, subdomain: 'acme' },
    user_rights: {},
  };
  return {
    lang_id: opts.lang ?? 'en',
    constant: ((key: string) => constants[key]) as KommoApp['constant'],
    notifications: { show_message_error: showError, show_message: vi.fn(), add_error: vi.fn() },
    data: { current_card: { id: opts.newCard ? 0 : 42 } },
    showError,
  };
}

export function setUpPage(): void {
  document.head.innerHTML = '<title>Kommo</title>';
  // A new page has no adopted stylesheets either.
  document.adoptedStyleSheets = [];
  document.body.innerHTML = '<div id="card_holder"><div id="widgets_block"><div class="card-widgets__elements"></div></div></div>';
  document.documentElement.removeAttribute('data-color-scheme');
}

export function settingsModal(value: string): HTMLElement {
  const modal = document.createElement('div');
  modal.className = 'widget-settings__modal';
  modal.innerHTML = `<input type="hidden" id="${CODE}_custom" name="options"><div id="${CODE}_custom_content"></div>`;
  (modal.querySelector('input') as HTMLInputElement).value = value;
  document.body.appendChild(modal);
  return modal;
}

/** Counts add/removeEventListener on document and window, per event type. */
export function instrumentListeners() {
  const live = new Map<string, number>();
  const spies: Array<{ mockRestore(): void }> = [];
  for (const target of [document, window] as EventTarget[]) {
    const name = target === document ? 'document' : 'window';
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    spies.push(
      vi.spyOn(target, 'addEventListener').mockImplementation((type: string, ...rest: unknown[]) => {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) + 1);
        return (add as (...a: unknown[]) => void)(type, ...rest);
      }),
      vi.spyOn(target, 'removeEventListener').mockImplementation((type: string, ...rest: unknown[]) => {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) - 1);
        return (remove as (...a: unknown[]) => void)(type, ...rest);
      }),
    );
  }
  return {
    /** Listener types with more adds than removes. */
    leaked: () => [...live.entries()].filter(([, n]) => n > 0).map(([k]) => k),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

/** Tracks every MutationObserver created and whether it was disconnected. */
export function instrumentObservers() {
  const Original = globalThis.MutationObserver;
  const created: Array<{ disconnected: boolean }> = [];
  class Tracked extends Original {
    record = { disconnected: false };
    constructor(callback: MutationCallback) {
      super(callback);
      created.push(this.record);
    }
    override disconnect() {
      this.record.disconnected = true;
      super.disconnect();
    }
  }
  globalThis.MutationObserver = Tracked;
  (window as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver = Tracked;
  return {
    created,
    restore() {
      globalThis.MutationObserver = Original;
      (window as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver = Original;
    },
  };
}
