// Shapes shared by the fake Kommo host page (scripts/host), the server that serves it
// (scripts/serve) and the browser tests that drive it. The page is test/demo
// infrastructure: it plays Kommo, it is never shipped.

/** `everywhere`: a page with no widget block (Kommo's dashboard); the widget only listens there. */
export const HOST_AREAS = ['lcard', 'ccard', 'comcard', 'settings', 'advanced_settings', 'everywhere'] as const;
export type HostArea = (typeof HOST_AREAS)[number];

export const HOST_LANGS = ['en', 'es', 'pt', 'tr', 'id'] as const;
export type HostLang = (typeof HOST_LANGS)[number];

export type HostScheme = 'light' | 'dark';
export type HostRole = 'admin' | 'member';

/** How the fake Kommo REST API (/api/v4) answers: normally, or with one of Kommo's errors. */
export const HOST_API_MODES = ['ok', '401', '403', '429'] as const;
export type HostApiMode = (typeof HOST_API_MODES)[number];

/**
 * How the fake Kommo signs `$authorizedAjax`'s one-time tokens: with the test integration's
 * secret, with another integration's (the relay answers 401), or for an account the relay
 * does not serve (403).
 */
export const HOST_TOKEN_MODES = ['valid', 'wrong_secret', 'other_account'] as const;
export type HostTokenMode = (typeof HOST_TOKEN_MODES)[number];

/** What the server tells the page (inlined into index.html as JSON). */
export interface HostConfig {
  widgetCode: string;
  version: string;
  /** Kommo-like base URL of the widget files, no trailing slash: /upl/<code>/<version>/widget */
  widgetPath: string;
  /** URL of the mock-service ES module, or null when the server runs without mocks. */
  mocksUrl: string | null;
  /** Why the mock bundle is missing (build error), for the page to show. */
  mocksError: string | null;
  /** The loopback check relay the server runs (design.md "Relay"), or null without one. */
  relayUrl: string | null;
}

/** The page state that lives in the URL (?area=&scheme=&lang=&role=&scenario=&api=&relay=&token=). */
export interface HostQuery {
  area: HostArea;
  scheme: HostScheme;
  lang: HostLang;
  role: HostRole;
  scenario: string | null;
  /** Kept out of the URL while 'ok'. */
  api: HostApiMode;
  /** 'on': the widget is set up with the server's relay URL and an empty key. Kept out of the URL while 'off'. */
  relay: 'on' | 'off';
  /** Kept out of the URL while 'valid'. */
  token: HostTokenMode;
}

/** One host → widget call, recorded for tests (never the settings values themselves). */
export interface LifecycleEvent {
  instance: number;
  area: HostArea;
  call: string;
  /** render/init/onSave results, stringified; field names for onSave. */
  detail?: string;
}

export interface LoaderReport {
  /** The RequireJS module id the script was required by. */
  moduleId: string;
  /** `typeof` the AMD module value. */
  moduleType: string;
  /** True when Kommo's checks dropped the widget (not a function, callbacks missing). */
  dropped: boolean;
  reason?: string;
}

export interface HostNotification {
  kind: 'message' | 'error' | 'notification';
  /** The APP.notifications method the widget called. */
  method: string;
  header: string;
  text: string;
  link?: string;
  date?: number;
}

/** A task as the fake Kommo stores it (the fields of Kommo's v4 task object). */
export interface HostTask {
  id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  responsible_user_id: number;
  group_id: number;
  entity_id: number | null;
  entity_type: string | null;
  duration: number;
  is_completed: boolean;
  task_type_id: number;
  text: string;
  result: { text: string } | [];
  complete_till: number;
  account_id: number;
}

/** One request to the fake /api/v4, as the server saw it. */
export interface HostApiCall {
  method: string;
  path: string;
  status: number;
  user: number | null;
}

export interface HostKommoState {
  tasks: HostTask[];
  calls: HostApiCall[];
}

/** `window.__kommoHost`: how tests and the demo toolbar drive the page, like a user would. */
export interface KommoHostApi {
  /** Resolves when the first widget instance finished render → bind_actions → init. */
  ready: Promise<void>;
  readonly config: HostConfig;
  readonly query: HostQuery;
  /** Live widget instances (0 or 1). */
  readonly instances: number;
  readonly loader: LoaderReport | null;
  readonly events: LifecycleEvent[];
  readonly errors: string[];
  readonly notifications: HostNotification[];
  /** Property names a widget tried to assign on APP / APP.data (must stay empty). */
  readonly appWrites: string[];
  /** Area change, the Kommo way: destroy the old instance, build a new one. */
  switchArea(area: HostArea): Promise<void>;
  /** Live, like Kommo's theme switch: only <html data-color-scheme> changes. */
  setScheme(scheme: HostScheme): void;
  /** These reload the page (Kommo reloads on a language/user change). */
  setLang(lang: HostLang): void;
  setRole(role: HostRole): void;
  setScenario(name: string): void;
  /** Live (a cookie the server reads): how /api/v4 answers from now on. */
  setApiMode(mode: HostApiMode): void;
  /** Reloads the page with the widget set up for the server's relay ('on') or as the scenario says. */
  setRelay(mode: 'on' | 'off'): void;
  /** Live (a cookie the server reads): how the next one-time tokens are signed. */
  setTokenMode(mode: HostTokenMode): void;
  /** $authorizedAjax calls the widget made, in order (URLs only; tokens are never kept). */
  readonly authorizedRequests: string[];
  /** The server's tasks and the /api/v4 requests it answered. */
  kommoState(): Promise<HostKommoState>;
  /** Forgets every task and request (tests share one server per file). */
  resetKommo(): Promise<void>;
  /** Completes a task the way the admin would in Kommo. */
  completeTask(id: number): Promise<void>;
  /** Opens the widget's settings modal (area `settings`); resolves after callbacks.settings. */
  openSettings(): Promise<void>;
  closeSettings(): void;
  /** Names of the mock scenarios the page knows (empty without mocks). */
  readonly scenarios: string[];
}

declare global {
  interface Window {
    __kommoHost?: KommoHostApi;
  }
}
