// The demo's control bar above the fake Kommo page. It only calls the same test API
// the browser tests use (window.__kommoHost), never the widget.
import { el } from './pages.ts';
import type { HostState } from './state.ts';
import { HOST_API_MODES, HOST_AREAS, HOST_LANGS, HOST_TOKEN_MODES, type HostApiMode, type HostArea, type HostTokenMode, type KommoHostApi } from './types.ts';

const AREA_LABELS: Record<HostArea, string> = {
  lcard: 'Lead card',
  ccard: 'Contact card',
  comcard: 'Company card',
  settings: 'Settings (modal)',
  advanced_settings: 'Advanced settings',
  everywhere: 'Dashboard (everywhere)',
};

const API_LABELS: Record<HostApiMode, string> = {
  ok: 'answers',
  '401': '401 session expired',
  '403': '403 no permission',
  '429': '429 too many requests',
};

const TOKEN_LABELS: Record<HostTokenMode, string> = {
  valid: 'signed right',
  wrong_secret: 'wrong secret (401)',
  other_account: 'other account (403)',
};

/** The check relay's switches, when the server runs one (npm start does). */
function relayControls(state: HostState, api: KommoHostApi): HTMLElement[] {
  if (!state.config.relayUrl) return [];
  const q = state.query;
  return [
    select('Relay', 'relay', [['off', 'off (key in the page)'], ['on', `on: ${state.config.relayUrl}`]], q.relay, (v) => api.setRelay(v === 'on' ? 'on' : 'off')),
    select('Kommo token', 'token', HOST_TOKEN_MODES.map((m) => [m, TOKEN_LABELS[m]]), q.token, (v) => api.setTokenMode(v as HostTokenMode)),
  ];
}

function select(label: string, name: string, options: Array<[string, string]>, value: string, onChange: (v: string) => void): HTMLElement {
  const box = el('select', '', options.map(([v, text]) => {
    const option = el('option', '', [text], { value: v }) as HTMLOptionElement;
    option.selected = v === value;
    return option;
  }), { name, 'data-demo-control': name }) as HTMLSelectElement;
  box.addEventListener('change', () => onChange(box.value));
  return el('label', '', [label, box]);
}

export function renderToolbar(state: HostState, api: KommoHostApi, descriptions: Record<string, string>): void {
  const bar = document.getElementById('demo-toolbar');
  if (!bar) return;
  const q = state.query;
  const scenarioControl = state.scenarios.length
    ? select('Scenario', 'scenario', state.scenarios.map((s) => [s, s]), q.scenario ?? '', (v) => api.setScenario(v))
    : el('span', 'demo-toolbar__note', [state.config.mocksError ? `Mock service unavailable: ${state.config.mocksError.split('\n')[0]}` : 'No mock service']);
  const description = q.scenario ? descriptions[q.scenario] : undefined;
  bar.replaceChildren(
    el('span', 'demo-toolbar__title', ['Kommo host · demo']),
    scenarioControl,
    select('Language', 'lang', HOST_LANGS.map((l) => [l, l]), q.lang, (v) => api.setLang(v as typeof q.lang)),
    select('Theme', 'scheme', [['light', 'light'], ['dark', 'dark']], q.scheme, (v) => api.setScheme(v === 'dark' ? 'dark' : 'light')),
    select('User', 'role', [['admin', 'admin'], ['member', 'member']], q.role, (v) => api.setRole(v === 'member' ? 'member' : 'admin')),
    select('Area', 'area', HOST_AREAS.map((a) => [a, AREA_LABELS[a]]), q.area, (v) => void api.switchArea(v as HostArea)),
    select('Kommo API', 'api', HOST_API_MODES.map((m) => [m, API_LABELS[m]]), q.api, (v) => api.setApiMode(v as HostApiMode)),
    ...relayControls(state, api),
    el('span', '', [description ?? '']),
  );
}
