// The page chrome around the widget for each area: a lead/contact/company card with
// the right-hand widgets panel, Settings → Integrations, and the advanced-settings page.
// Static demo content only; all text goes in through textContent.
import { cardFor } from './app.ts';
import { text, type HostState } from './state.ts';
import type { HostArea } from './types.ts';

type Child = Node | string | null;

export function el(tag: string, className = '', children: Child[] = [], attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

const ICONS: Record<string, string> = {
  Dashboard: 'M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z',
  Leads: 'M4 6h16M4 12h16M4 18h10',
  Chats: 'M4 5h16v11H9l-5 4z',
  Mail: 'M3 6h18v12H3zM3 6l9 7 9-7',
  Contacts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c1-4 4-6 8-6s7 2 8 6',
  Lists: 'M5 5h14v14H5zM8 9h8M8 13h8',
  Stats: 'M5 19V10M10 19V5M15 19v-7M20 19v-4',
  Settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
};

function menuFor(area: HostArea): string {
  if (area === 'everywhere') return 'Dashboard';
  if (area === 'lcard') return 'Leads';
  if (area === 'ccard' || area === 'comcard') return 'Contacts';
  return 'Settings';
}

export function renderLeftMenu(state: HostState): void {
  const nav = document.getElementById('left_menu');
  if (!nav) return;
  const active = menuFor(state.query.area);
  const initials = state.query.role === 'admin' ? 'MC' : 'JL';
  const items = Object.entries(ICONS).map(([label, path]) => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', path);
    svg.append(p);
    return el('div', `left-menu__item${label === active ? ' left-menu__item_active' : ''}`, [svg, label]);
  });
  nav.replaceChildren(el('div', 'left-menu__avatar', [initials], { title: 'Profile' }), ...items);
}

const CARD_FIELDS: Record<'lcard' | 'ccard' | 'comcard', Array<[string, string]>> = {
  lcard: [['Responsible user', 'Marina Costa'], ['Budget', 'R$ 12,500'], ['Source', 'WhatsApp'], ['Product', 'ByteGPT Pro · 5,000 requests'], ['Next step', 'Send the proposal PDF']],
  ccard: [['Phone', '+55 11 98765-4321'], ['Email', 'ana@lojaaurora.com.br'], ['Position', 'Owner'], ['Company', 'Loja Aurora Ltda']],
  comcard: [['Phone', '+55 11 3333-2211'], ['Web', 'lojaaurora.com.br'], ['Address', 'Rua Augusta 1200, São Paulo'], ['Open leads', '3']],
};

const FEED: Array<[string, string, boolean]> = [
  ['Today 09:12 · WhatsApp', 'Oi! Vocês atendem no sábado? Quero saber do plano anual.', false],
  ['Today 09:12 · ByteGPT', 'Olá, Ana! Sim, atendemos aos sábados das 9h às 13h. Posso te enviar a proposta do plano anual?', false],
  ['Today 09:30', 'Stage changed: Qualified → Proposal sent', true],
  ['Today 10:05 · Task', 'Call back tomorrow at 10:00 — Marina Costa', false],
];

function cardPage(area: 'lcard' | 'ccard' | 'comcard'): HTMLElement {
  const card = cardFor(area)!;
  const kind = area === 'lcard' ? 'Lead' : area === 'ccard' ? 'Contact' : 'Company';
  const steps = Array.from({ length: 6 }, (_, i) => el('span', `card-pipeline__step${i < 4 ? ' card-pipeline__step_done' : ''}`));
  const top = el('header', 'card-top', [
    el('div', 'card-top__back', [`‹ ${kind === 'Lead' ? 'Leads' : 'Contacts'}`]),
    el('h1', 'card-top__name', [card.name]),
    el('div', 'card-top__id', [`${kind} #${card.id}`]),
    el('div', 'card-top__tags', [el('span', 'card-tag', ['whatsapp']), el('span', 'card-tag', ['bytegpt'])]),
    area === 'lcard'
      ? el('div', 'card-pipeline', ['Sales pipeline · Proposal sent', el('div', 'card-pipeline__bar', steps)])
      : null,
  ]);
  const tabs = el('div', 'card-tabs', ['Main', 'Statistics', 'Media', 'Setup'].map((t, i) => el('span', `card-tabs__tab${i === 0 ? ' card-tabs__tab_active' : ''}`, [t])));
  const fields = el('div', 'card-fields', CARD_FIELDS[area].map(([label, value]) =>
    el('div', 'card-fields__row', [el('span', 'card-fields__label', [label]), el('span', 'card-fields__value', [value])])));
  const contact = area === 'ccard' ? null : el('div', 'card-contact', [
    el('div', 'card-contact__avatar', ['AS']),
    el('div', '', [el('div', '', ['Ana Souza']), el('div', 'card-contact__sub', ['Owner · +55 11 98765-4321'])]),
  ]);
  const left = el('section', 'card-left js-card-left', [top, tabs, fields, contact]);
  const feed = el('section', 'card-feed', [
    el('div', 'card-feed__list', FEED.map(([meta, body, system]) =>
      el('div', `feed-note${system ? ' feed-note_system' : ''}`, system ? [`${meta} · ${body}`] : [el('div', 'feed-note__meta', [meta]), body]))),
    el('div', 'card-feed__composer', ['Chat  ·  Note  ·  Task — type a message…']),
  ]);
  const widgets = el('aside', 'card-widgets js-widgets-block', [
    el('div', 'card-widgets__top', [el('span', '', ['Widgets']), el('span', '', ['⋯'])]),
    el('div', 'nano', [el('div', 'nano-content', [el('div', 'card-widgets__elements')])], { id: 'nano-card-widgets' }),
  ], { id: 'widgets_block' });
  return el('div', 'card-holder', [left, feed, widgets], { id: 'card_holder', 'data-entity': card.entity });
}

function settingsPage(state: HostState, onOpen: () => void): HTMLElement {
  const { widgetPath, widgetCode } = state.config;
  const tile = el('button', 'widget-tile', [
    el('img', '', [], { src: `${widgetPath}/images/logo_main.png`, alt: '' }),
    el('div', 'widget-tile__name', [text(state.langs, state.manifest.widget?.name, widgetCode)]),
    el('div', 'widget-tile__status', [state.installStatus === 'installed' ? 'Installed' : 'Not configured']),
  ], { type: 'button', 'data-widget-tile': widgetCode });
  tile.addEventListener('click', onOpen);
  const others = ['Salesbot templates', 'Website chat button', 'Online forms'].map((name) =>
    el('div', 'widget-tile widget-tile_other', [el('div', 'widget-tile__blank'), el('div', 'widget-tile__name', [name]), el('div', 'widget-tile__status', ['Kommo'])]));
  return el('div', 'settings-page', [
    el('div', 'settings-page__crumbs', ['Settings › Integrations']),
    el('h1', 'settings-page__title', ['Integrations']),
    el('div', 'settings-page__grid', [tile, ...others]),
  ]);
}

function advancedPage(state: HostState): HTMLElement {
  const title = text(state.langs, state.manifest.advanced?.title, state.config.widgetCode);
  return el('div', 'settings-page', [
    el('div', 'settings-page__crumbs', [`Settings › ${title}`]),
    el('h1', 'settings-page__title', [title]),
    el('div', 'work-area', [], { id: `work-area-${state.config.widgetCode}` }),
  ]);
}

/** Kommo's dashboard: a page with no widget panel, where only the `everywhere` location runs. */
function dashboardPage(): HTMLElement {
  const tiles: Array<[string, string]> = [['Incoming leads', '18'], ['Active leads', '64'], ['Tasks for today', '7'], ['Won this month', 'R$ 48,200']];
  return el('div', 'settings-page', [
    el('div', 'settings-page__crumbs', ['Dashboard']),
    el('h1', 'settings-page__title', ['Dashboard']),
    el('div', 'settings-page__grid', tiles.map(([label, value]) =>
      el('div', 'widget-tile widget-tile_other', [el('div', 'widget-tile__name', [value]), el('div', 'widget-tile__status', [label])]))),
  ]);
}

/** Replaces the page content for the current area (Kommo swaps the page on navigation). */
export function renderPage(state: HostState, onOpenSettings: () => void): void {
  const holder = document.getElementById('page_holder');
  if (!holder) return;
  const area = state.query.area;
  const page = area === 'settings' ? settingsPage(state, onOpenSettings)
    : area === 'advanced_settings' ? advancedPage(state)
    : area === 'everywhere' ? dashboardPage()
    : cardPage(area);
  holder.replaceChildren(page);
  // Clicking a caption shows or hides that widget's body (bound on the panel, not document).
  const panel = document.getElementById('widgets_block');
  panel?.addEventListener('click', (event) => {
    const caption = (event.target as Element | null)?.closest?.('.card-widgets__widget__caption');
    const widget = caption?.parentElement;
    if (!caption || !widget) return;
    widget.classList.toggle('card-widgets__widget_collapsed');
    widget.querySelector('.card-widgets__widget__body')?.classList.toggle('js-body-hide');
  });
  renderLeftMenu(state);
  document.title = `Kommo · ${area} · ByteGPT Billing Health (demo host)`;
}
