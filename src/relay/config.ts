// The relay's configuration, read from environment variables (Node's process.env, a
// Worker's env bindings, a container's -e flags). A bad value stops the relay at
// startup with the variable's name and what it expects, never with the value: most of
// these are secrets.
import { normalizeBaseUrl } from '../billing/base-url.ts';
import { cleanPasted, isAdminKey, isSendableKey } from '../billing/credentials.ts';
import { DEFAULT_PROBE_MODEL, OPTION_FIELDS } from '../health/options.ts';

export interface RelayConfig {
  /** Where the Node server listens; 0 = any free port. Workers ignore it. */
  port: number;
  /** Interface the Node server binds (HOST); 0.0.0.0 = every interface (containers). */
  host: string;
  /** The integration's secret key: Kommo signs X-Auth-Token with it (HS256). */
  clientSecret: string;
  /** The integration's id: a token's `client_uuid` must equal it. */
  clientUuid: string;
  /** Kommo account ids this relay answers for. */
  accountIds: ReadonlySet<string>;
  /** Project key for the key check and the quota probe. */
  apiKey: string;
  /**
   * Admin key for costs and the spend limit on api.openai.com (never sent to another
   * base); null = those stay unavailable on api.openai.com.
   */
  adminKey: string | null;
  /** The quota probe's model (RELAY_PROBE_MODEL): the relay's, never the request's. */
  probeModel: string;
  /** Normalized OpenAI (or compatible) base URL. */
  baseUrl: string;
  /** Exact extra origins allowed by CORS besides the account's Kommo origin, for every account. */
  extraOrigins: ReadonlySet<string>;
  /** Requests per user per minute before 429. */
  rateLimitPerMinute: number;
}

export type RelayEnv = Readonly<Record<string, string | undefined>>;

/** A variable that is missing or unusable; the message names it and never quotes its value. */
export class RelayConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'RelayConfigError';
  }
}

const DEFAULT_PORT = 8787;
const DEFAULT_HOST = '0.0.0.0';
const DEFAULT_RATE_LIMIT = 30;
/** HS256 wants a key as long as its hash (256 bits); Kommo's secrets are 64 characters. */
const MIN_SECRET_CHARS = 32;
const ACCOUNT_ID = /^[1-9]\d{0,17}$/;
const CLIENT_UUID = /^[\w-]{8,64}$/;

function text(env: RelayEnv, name: string): string {
  return cleanPasted(env[name] ?? '');
}

function required(env: RelayEnv, name: string, what: string): string {
  const value = text(env, name);
  if (value === '') throw new RelayConfigError(name, `missing; expected ${what}`);
  return value;
}

function wholeNumber(env: RelayEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new RelayConfigError(name, `expected a whole number from ${min} to ${max}`);
  return value;
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function accountIds(env: RelayEnv): Set<string> {
  const ids = list(required(env, 'KOMMO_ACCOUNT_IDS', 'comma-separated Kommo account ids, e.g. 12345678,23456789'));
  if (ids.length === 0 || !ids.every((id) => ACCOUNT_ID.test(id))) {
    throw new RelayConfigError('KOMMO_ACCOUNT_IDS', 'expected comma-separated Kommo account ids (whole numbers), e.g. 12345678,23456789');
  }
  return new Set(ids);
}

function projectKey(env: RelayEnv): string {
  const key = required(env, 'OPENAI_API_KEY', 'an OpenAI project key (sk-proj-…) or a relay token');
  if (isAdminKey(key)) throw new RelayConfigError('OPENAI_API_KEY', 'is an Admin key; put it in OPENAI_ADMIN_KEY and use a project key here');
  if (!isSendableKey(key)) throw new RelayConfigError('OPENAI_API_KEY', 'contains characters an HTTP header cannot carry');
  return key;
}

function adminKey(env: RelayEnv): string | null {
  const key = text(env, 'OPENAI_ADMIN_KEY');
  if (key === '') return null;
  if (!isSendableKey(key)) throw new RelayConfigError('OPENAI_ADMIN_KEY', 'contains characters an HTTP header cannot carry');
  return key;
}

function probeModel(env: RelayEnv): string {
  const raw = text(env, 'RELAY_PROBE_MODEL');
  if (raw === '') return DEFAULT_PROBE_MODEL;
  const model = OPTION_FIELDS.probeModel(raw);
  if (model === undefined) throw new RelayConfigError('RELAY_PROBE_MODEL', `expected a model id such as ${DEFAULT_PROBE_MODEL} (letters, digits, . : / _ -; at most 100 characters)`);
  return model;
}

function baseUrl(env: RelayEnv): string {
  const base = normalizeBaseUrl(text(env, 'OPENAI_BASE_URL'));
  if (!base.ok) {
    throw new RelayConfigError('OPENAI_BASE_URL', 'expected an https:// URL such as https://api.openai.com (http:// only for 127.0.0.1, localhost or [::1])');
  }
  return base.base;
}

/** Plain http only for a page on this machine: anywhere else it could be spoofed on the way. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An https origin, or an http one on a loopback host; null for anything else. */
function originOf(item: string): string | null {
  try {
    const url = new URL(item);
    const scheme = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    return scheme && url.origin === item.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Each entry must be exactly an origin: scheme, host and optional port, nothing else.
 * These origins may read every allowed account's report, so plain http is refused
 * except on loopback.
 */
function extraOrigins(env: RelayEnv): Set<string> {
  const origins = new Set<string>();
  for (const item of list(text(env, 'RELAY_ALLOWED_ORIGINS'))) {
    const origin = originOf(item);
    if (origin === null) {
      throw new RelayConfigError(
        'RELAY_ALLOWED_ORIGINS',
        'expected comma-separated origins such as https://crm.example.com (no path; http:// only for 127.0.0.1, localhost or [::1], e.g. http://127.0.0.1:5173)',
      );
    }
    origins.add(origin);
  }
  return origins;
}

/** Reads and checks every variable; throws RelayConfigError on the first bad one. */
export function parseRelayConfig(env: RelayEnv): RelayConfig {
  // Trimmed only: a copied line break is noise, the rest is the HMAC key as Kommo shows it.
  const clientSecret = (env.KOMMO_CLIENT_SECRET ?? '').trim();
  if (clientSecret === '') throw new RelayConfigError('KOMMO_CLIENT_SECRET', "missing; expected the integration's secret key from Kommo");
  if (clientSecret.length < MIN_SECRET_CHARS) throw new RelayConfigError('KOMMO_CLIENT_SECRET', `too short; expected at least ${MIN_SECRET_CHARS} characters`);
  const clientUuid = required(env, 'KOMMO_CLIENT_UUID', "the integration's id (a UUID) from Kommo");
  if (!CLIENT_UUID.test(clientUuid)) throw new RelayConfigError('KOMMO_CLIENT_UUID', "expected the integration's id, e.g. 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
  const host = text(env, 'HOST') || DEFAULT_HOST;
  return {
    port: wholeNumber(env, 'PORT', DEFAULT_PORT, 0, 65_535),
    host,
    clientSecret,
    clientUuid,
    accountIds: accountIds(env),
    apiKey: projectKey(env),
    adminKey: adminKey(env),
    probeModel: probeModel(env),
    baseUrl: baseUrl(env),
    extraOrigins: extraOrigins(env),
    rateLimitPerMinute: wholeNumber(env, 'RELAY_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT, 1, 100_000),
  };
}
