/// <reference types="jquery" />
// The fake Kommo's own state: what the URL asked for, what Kommo "knows" about the
// widget (manifest, saved settings, install status) and what tests may read back.
import {
  HOST_API_MODES,
  HOST_AREAS,
  HOST_LANGS,
  HOST_TOKEN_MODES,
  type HostApiMode,
  type HostArea,
  type HostConfig,
  type HostLang,
  type HostNotification,
  type HostQuery,
  type HostTokenMode,
  type LifecycleEvent,
  type LoaderReport,
} from './types.ts';

/** manifest.json, as far as the host reads it. */
export interface HostManifest {
  widget?: {
    name?: string;
    description?: string;
    short_description?: string;
    version?: string;
    init_once?: boolean;
    support?: unknown;
  };
  advanced?: { title?: string };
  settings?: Record<string, { name?: string; type?: string; required?: boolean }>;
}

/** A widget instance as the host sees it: Kommo's base widget plus the widget's callbacks. */
export interface WidgetInstance {
  callbacks?: Record<string, unknown>;
  ns?: string;
  init_once?: boolean;
  params?: Record<string, unknown>;
  langs?: unknown;
  set_settings(patch: Record<string, unknown>): void;
  set_lang(langs: unknown): void;
  /** Host bookkeeping, not Kommo's. */
  __hostInstance?: number;
  [key: string]: unknown;
}

export interface HostState {
  config: HostConfig;
  query: HostQuery;
  $: JQueryStatic;
  manifest: HostManifest;
  langs: unknown;
  /** What Kommo has stored for the widget (field code → value). In memory only. */
  savedSettings: Record<string, string>;
  installStatus: 'install' | 'installed' | 'not_configured';
  widgetStatus: string;
  current: WidgetInstance | null;
  instanceCounter: number;
  loader: LoaderReport | null;
  events: LifecycleEvent[];
  errors: string[];
  notifications: HostNotification[];
  appWrites: string[];
  scenarios: string[];
  /** URLs the widget asked through $authorizedAjax. */
  authorizedRequests: string[];
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function readQuery(search: string): HostQuery {
  const params = new URLSearchParams(search);
  return {
    area: pick<HostArea>(params.get('area'), HOST_AREAS, 'lcard'),
    scheme: params.get('scheme') === 'dark' ? 'dark' : 'light',
    lang: pick<HostLang>(params.get('lang'), HOST_LANGS, 'en'),
    role: params.get('role') === 'member' ? 'member' : 'admin',
    scenario: params.get('scenario'),
    api: pick<HostApiMode>(params.get('api'), HOST_API_MODES, 'ok'),
    relay: params.get('relay') === 'on' ? 'on' : 'off',
    token: pick<HostTokenMode>(params.get('token'), HOST_TOKEN_MODES, 'valid'),
  };
}

export function queryString(query: Omit<HostQuery, 'api' | 'relay' | 'token'> & Partial<Pick<HostQuery, 'api' | 'relay' | 'token'>>): string {
  const params = new URLSearchParams({ area: query.area, scheme: query.scheme, lang: query.lang, role: query.role });
  if (query.scenario) params.set('scenario', query.scenario);
  if (query.api && query.api !== 'ok') params.set('api', query.api);
  if (query.relay === 'on') params.set('relay', 'on');
  if (query.token && query.token !== 'valid') params.set('token', query.token);
  return `?${params.toString()}`;
}

export function isCardArea(area: HostArea): boolean {
  return area === 'lcard' || area === 'ccard' || area === 'comcard';
}

/** A dotted key into an i18n object: an object, a string, or undefined. */
export function lookup(langs: unknown, key: string): unknown {
  let node: unknown = langs;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function text(langs: unknown, key: string | undefined, fallback: string): string {
  const value = key ? lookup(langs, key) : undefined;
  return typeof value === 'string' ? value : fallback;
}

export function recordError(state: HostState, where: string, err: unknown): void {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  state.errors.push(`${where}: ${message}`);
  // The fake Kommo reports widget errors the way a browser console would.
  console.error(`[kommo-host] ${where}`, err);
}
