// Drawing into the three places Kommo gives us: the card sidebar block (render_template),
// the settings modal's custom field, and the advanced settings page. The settings form,
// the dashboard and the walkthrough come from admin.js in the shipped widget
// (src/ui/admin-ui.tsx): the two admin areas ask for it as they mount, and an admin's
// card page asks for it when the browser is idle.
import { h } from 'preact';
import { AdvancedPage } from '../ui/AdvancedPage.tsx';
import { Dashboard, SettingsFields } from '../ui/admin-ui.tsx';
import { SCOPE_CLASS } from '../ui/styles.ts';
import { isNewCard } from './app.ts';
import { createConnectionTester } from './connection-test.ts';
import { writeHiddenInput } from './hidden-input.ts';
import type { Root } from './mount.ts';
import { reportCaught } from './notify.ts';
import { panelView, type Runtime } from './runtime.ts';
import { readStoredOptions } from '../health/options.ts';
import { readParams, readWidgetCode } from './settings.ts';
import type { KommoModal } from './sdk-types.ts';

export const CARD_AREAS: ReadonlySet<string> = new Set(['lcard', 'ccard', 'comcard']);
const HOST_CLASS = 'bytegpt-health-host';

export interface AreaRoots {
  card: Root | null;
  settings: Root | null;
  advanced: Root | null;
}

function cardHosts(doc: Document, code: string | null): HTMLElement[] {
  const attr = `[data-bytegpt-code="${code ?? ''}"]`;
  const inBlock = code ? [...doc.querySelectorAll<HTMLElement>(`.card-widgets__widget-${code} .${HOST_CLASS}`)] : [];
  const anywhere = [...doc.querySelectorAll<HTMLElement>(`.${HOST_CLASS}${attr}`)];
  return [...new Set([...inBlock, ...anywhere])];
}

/**
 * The card panel. Safe to call again (Kommo re-calls render for init_once widgets and
 * may have rebuilt its block): a live root is redrawn, a detached one is unmounted,
 * and at most one host keeps a root. A new, unsaved card (current_card.id === 0) gets
 * no block: the check is about the account, and the card reloads once saved.
 */
export function renderCard(runtime: Runtime, roots: AreaRoots): void {
  const { env, widget } = runtime;
  if (isNewCard(env.app())) return;
  const doc = env.document;
  const code = readWidgetCode(readParams(widget));

  if (roots.card && !roots.card.host.isConnected) {
    runtime.removeRoot(roots.card);
    roots.card = null;
  }
  if (roots.card) {
    roots.card.draw();
    removeStrayHosts(doc, code, roots.card.host);
    return;
  }

  let host = cardHosts(doc, code)[0];
  if (!host && typeof widget.render_template === 'function') {
    widget.render_template({
      caption: { class_name: 'bytegpt-health-caption' },
      body: `<div class="${HOST_CLASS} ${SCOPE_CLASS}" data-bytegpt-code="${code ?? ''}"></div>`,
      render: '',
    });
    host = cardHosts(doc, code)[0];
  }
  if (!host) return;
  removeStrayHosts(doc, code, host);
  roots.card = runtime.addRoot(host, panelView(runtime), true);
  // Admins are the ones who open "Fix it", the settings and the dashboard: their card
  // page fetches admin.js once the browser is idle, never before the panel paints.
  if (runtime.base().role === 'admin') runtime.admin()?.preload();
}

/** Our own empty host divs left by an earlier render_template (never Kommo's elements). */
function removeStrayHosts(doc: Document, code: string | null, keep: HTMLElement): void {
  for (const host of cardHosts(doc, code)) if (host !== keep) host.remove();
}

/**
 * Finds an element by id inside Kommo's `$modal` (a jQuery object) first, so a closing
 * modal's copy of the field is never picked; else in the page.
 */
function findById(doc: Document, modal: KommoModal, id: string): HTMLElement | null {
  try {
    const found = (modal as JQuery<HTMLElement> | undefined)?.find?.(`#${id}`)[0];
    if (found) return found;
  } catch {
    // an odd $modal: fall back to the page
  }
  return doc.getElementById(id);
}

function createHost(doc: Document, parent: HTMLElement, kind: string): HTMLElement {
  const host = doc.createElement('div');
  host.className = `${SCOPE_CLASS} bytegpt-health-${kind}`;
  parent.appendChild(host);
  return host;
}

/**
 * The `options` custom field: Kommo renders a hidden input `#<code>_custom` and a div
 * `#<code>_custom_content`. The form writes the merged JSON into the input (keys it
 * does not know are kept) and triggers `change` so Kommo enables Save.
 */
export function renderSettings(runtime: Runtime, roots: AreaRoots, modal: KommoModal): void {
  const { env, widget } = runtime;
  const doc = env.document;
  const params = readParams(widget);
  const code = readWidgetCode(params);
  if (!code) return;
  const content = findById(doc, modal, `${code}_custom_content`);
  if (!content) return;
  const found = findById(doc, modal, `${code}_custom`);
  const input = found?.tagName === 'INPUT' ? (found as HTMLInputElement) : null;

  runtime.removeRoot(roots.settings);
  const stored = readStoredOptions(input && input.value.trim() !== '' ? input.value : params.options);
  const { strings } = runtime.base();
  runtime.admin()?.load();
  // "Test connection" reads what is typed now: Kommo's own key and URL inputs, our draft.
  let options: Record<string, unknown> = stored;
  const typed = (name: string, saved: unknown): string => {
    const value = findByName(doc, modal, name)?.value ?? '';
    return value !== '' ? value : typeof saved === 'string' ? saved : '';
  };
  const tester = createConnectionTester(() => ({ apiKey: typed('api_key', params.api_key), baseUrl: typed('base_url', params.base_url), relayUrl: findByName(doc, modal, 'relay_url')?.value ?? (typeof params.relay_url === 'string' ? params.relay_url : ''), options }), { widget });
  runtime.own(() => tester.dispose());
  runtime.own(tester.subscribe(() => roots.settings?.draw()));
  const host = createHost(doc, content, 'settings');
  roots.settings = runtime.addRoot(
    host,
    () =>
      h(SettingsFields, {
        t: strings.t,
        fmt: strings.fmt,
        stored,
        idPrefix: `${code}-options`,
        onOptions: (next) => {
          try {
            options = next();
            if (input) writeHiddenInput(input, JSON.stringify(options));
          } catch (error) {
            reportCaught(error);
          }
        },
        test: tester.state(),
        onTest: () => tester.run(),
      }),
    true,
  );
}

/** A settings field of Kommo's modal (`input[name=…]`), inside `$modal` first. */
function findByName(doc: Document, modal: KommoModal, name: string): HTMLInputElement | null {
  const selector = `input[name="${name}"]`;
  try {
    const found = (modal as JQuery<HTMLElement> | undefined)?.find?.(selector)[0];
    if (found instanceof HTMLInputElement) return found;
  } catch {
    // an odd $modal: fall back to the page
  }
  return doc.querySelector<HTMLInputElement>(selector);
}

/** The advanced settings page: `#work-area-<code>`. */
export function renderAdvanced(runtime: Runtime, roots: AreaRoots): void {
  const { env, widget } = runtime;
  const code = readWidgetCode(readParams(widget));
  if (!code) return;
  const area = env.document.getElementById(`work-area-${code}`);
  if (!area) return;
  runtime.removeRoot(roots.advanced);
  runtime.admin()?.load();
  const host = createHost(env.document, area, 'advanced');
  roots.advanced = runtime.addRoot(
    host,
    () => {
      const props = runtime.panelProps();
      const dashboard = h(Dashboard, { report: props.state.report, history: runtime.source().history(), t: props.t, fmt: props.fmt });
      return h(AdvancedPage, { ...props, dashboard });
    },
    true,
  );
}
