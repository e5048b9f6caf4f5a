/// <reference types="jquery" />
// The fake Kommo card page: boots like Kommo (RequireJS + jQuery, APP, the widget
// loader), starts the mock OpenAI service before the widget, and exposes
// window.__kommoHost so the demo toolbar and the browser tests drive it like a user.
import { installApp } from './app.ts';
import { changeKommoState, readKommoState, setApiModeCookie, setTokenModeCookie, startSession } from './kommo-session.ts';
import { destroyInstance, loadWidgetModule, startInstance } from './lifecycle.ts';
import { listScenarios, loadMocks, settingsFor } from './mocks.ts';
import { renderPage } from './pages.ts';
import { USERS } from './people.ts';
import { requireAsync, setUpRequire } from './requirejs.ts';
import { closeSettingsModal, openSettingsModal } from './settings-modal.ts';
import { queryString, readQuery, recordError, type HostState } from './state.ts';
import { renderToolbar } from './toolbar.ts';
import type { HostArea, HostConfig, HostQuery, KommoHostApi } from './types.ts';

const config = JSON.parse(document.getElementById('kommo-host-config')?.textContent ?? '{}') as HostConfig;
const query = readQuery(window.location.search);
document.documentElement.setAttribute('data-color-scheme', query.scheme);
document.documentElement.lang = query.lang;

let state: HostState | null = null;
let setAppArea: (area: HostArea) => void = () => undefined;
let queue: Promise<void> = Promise.resolve();
const descriptions: Record<string, string> = {};

function navigate(patch: Partial<HostQuery>): void {
  window.location.search = queryString({ ...query, ...patch });
}

function need(): HostState {
  if (!state) throw new Error('The Kommo host is still starting; await __kommoHost.ready first');
  return state;
}

function openSettings(s: HostState): void {
  openSettingsModal(s);
}

/**
 * Kommo's navigation: page:changed, the new page, then widgets:load → destroyAll → init.
 * The page is swapped first, as in Kommo (kommo-platform.md §3.2), so destroyAll's
 * block removal finds nothing and destroy() must unmount from an already detached page;
 * widget.test.ts holds on to the old trees to check that it does.
 */
async function changeArea(area: HostArea): Promise<void> {
  const s = need();
  closeSettingsModal();
  s.$(document).trigger('page:changed');
  s.query.area = area;
  setAppArea(area);
  window.history.replaceState(null, '', queryString(s.query));
  renderPage(s, () => openSettings(s));
  s.$(document).trigger('widgets:load');
  destroyInstance(s);
  await startInstance(s);
  if (area === 'settings') openSettings(s);
  renderToolbar(s, api, descriptions);
}

const api: KommoHostApi = {
  ready: Promise.resolve(),
  config,
  query,
  get instances() {
    return state?.current ? 1 : 0;
  },
  get loader() {
    return state?.loader ?? null;
  },
  get events() {
    return state?.events ?? [];
  },
  get errors() {
    return state?.errors ?? [];
  },
  get notifications() {
    return state?.notifications ?? [];
  },
  get appWrites() {
    return state?.appWrites ?? [];
  },
  get scenarios() {
    return state?.scenarios ?? [];
  },
  get authorizedRequests() {
    return state?.authorizedRequests ?? [];
  },
  switchArea(area) {
    queue = queue.then(() => changeArea(area));
    return queue;
  },
  setScheme(scheme) {
    query.scheme = scheme;
    document.documentElement.setAttribute('data-color-scheme', scheme);
    window.history.replaceState(null, '', queryString(query));
    if (state) renderToolbar(state, api, descriptions);
  },
  setLang: (lang) => navigate({ lang }),
  setRole: (role) => navigate({ role }),
  setScenario: (scenario) => navigate({ scenario }),
  setApiMode(mode) {
    query.api = mode;
    setApiModeCookie(mode);
    window.history.replaceState(null, '', queryString(query));
    if (state) renderToolbar(state, api, descriptions);
  },
  setRelay: (relay) => navigate({ relay }),
  setTokenMode(mode) {
    query.token = mode;
    setTokenModeCookie(mode);
    window.history.replaceState(null, '', queryString(query));
    if (state) renderToolbar(state, api, descriptions);
  },
  kommoState: readKommoState,
  resetKommo: () => changeKommoState({ reset: true }),
  completeTask: (id) => changeKommoState({ complete: id }),
  openSettings() {
    queue = queue.then(() => openSettings(need()));
    return queue;
  },
  closeSettings: closeSettingsModal,
};
window.__kommoHost = api;

async function startMocks(s: HostState): Promise<void> {
  if (!config.mocksUrl) return;
  const mocks = await loadMocks(config.mocksUrl);
  const scenarios = listScenarios(mocks.SCENARIOS);
  s.scenarios = scenarios.map((sc) => sc.name);
  for (const sc of scenarios) descriptions[sc.name] = sc.description;
  const chosen = scenarios.find((sc) => sc.name === query.scenario) ?? scenarios.find((sc) => sc.name === 'healthy') ?? scenarios[0];
  if (!chosen) return;
  query.scenario = chosen.name;
  // The worker must be intercepting before the widget makes its first request.
  await mocks.startMockWorker(chosen.name);
  s.savedSettings = settingsFor(chosen);
  s.installStatus = 'installed';
}

/**
 * `?relay=on`: the widget is set up as an admin would set it up with a check relay: the
 * relay's URL and no key at all. The page itself never holds a key then.
 */
function useRelay(s: HostState): void {
  if (query.relay !== 'on' || !config.relayUrl) return;
  s.savedSettings = { ...s.savedSettings, api_key: '', base_url: '', relay_url: config.relayUrl };
  s.installStatus = 'installed';
}

async function boot(): Promise<void> {
  // Before the widget loads: its /api/v4 calls go out with this user's session.
  startSession(USERS[query.role].id, query.api, query.token);
  setUpRequire();
  const [$] = (await requireAsync(['jquery'])) as [JQueryStatic];
  const s: HostState = {
    config, query, $,
    manifest: {}, langs: {}, savedSettings: {}, installStatus: 'not_configured', widgetStatus: '',
    current: null, instanceCounter: 0, loader: null,
    events: [], errors: [], notifications: [], appWrites: [], scenarios: [], authorizedRequests: [],
  };
  state = s;
  setAppArea = installApp(s).setArea;
  try {
    await startMocks(s);
  } catch (err) {
    recordError(s, 'mock service', err);
  }
  useRelay(s);
  window.history.replaceState(null, '', queryString(query));
  renderToolbar(s, api, descriptions);
  await loadWidgetModule(s);
  renderPage(s, () => openSettings(s));
  await startInstance(s);
  if (query.area === 'settings') openSettings(s);
}

api.ready = boot();
queue = api.ready.catch(() => undefined);
api.ready.catch((err: unknown) => {
  if (state) recordError(state, 'host boot', err);
  else console.error('[kommo-host] boot failed', err);
});
