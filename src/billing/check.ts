// One health check: every independent request at once, each answer turned into
// an Outcome. Never throws; never sends the key anywhere but the base URL.
import { ENDPOINT_IDS, ENDPOINTS, type Endpoint, type SignalValue } from '../health/endpoints.ts';
import type { Outcome, Signals } from '../health/signals.ts';
import { allEndpoints, DISABLED, emptyKeySignals, NOT_APPLICABLE, withoutRequests } from './no-requests.ts';
import { normalizeBaseUrl } from './base-url.ts';
import { cleanPasted, isAdminKey, isSendableKey } from './credentials.ts';
import { DEFAULT_TIMEOUT_MS, type HttpDeps } from './http.ts';
import type { EndpointContext } from './endpoint-common.ts';
import { checkModels, probeQuota } from './key-checks.ts';
import type { EndpointMemory } from './memory.ts';
import { fetchMonthToDateCosts, fetchSpendLimit } from './spend.ts';
import { fetchRelayBalance } from './balance.ts';

export interface CheckConfig {
  apiKey: string;
  baseUrl: string;
  quotaProbe: boolean;
  probeModel: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Endpoints known to be unavailable to this key; none = ask everything. */
  memory?: EndpointMemory;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Cancels every request of the check (the widget was destroyed mid-check). */
  signal?: AbortSignal;
  /**
   * An OpenAI Admin key for the Admin-scope endpoints (costs, spend limit), sent only
   * to api.openai.com: with any other base it is ignored and those endpoints go as
   * without it. Only for servers and the owner's own machine (the relay, the CLI): the
   * widget never passes one, and `apiKey` still refuses Admin keys.
   */
  adminKey?: string;
}

type Request<E extends Endpoint> = (ctx: EndpointContext, config: CheckConfig) => Promise<Outcome<SignalValue<E>>>;

/** The request behind each registry entry; a new endpoint without one is a type error. */
const REQUESTS: { [E in Endpoint]: Request<E> } = {
  models: (ctx) => checkModels(ctx),
  probe: (ctx, config) => probeQuota(ctx, config.probeModel),
  costs: (ctx) => fetchMonthToDateCosts(ctx),
  spend_limit: (ctx) => fetchSpendLimit(ctx),
  balance: (ctx) => fetchRelayBalance(ctx),
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const UNAVAILABLE = { kind: 'skipped', reason: 'unavailable' } as const;
const INTERNAL_ERROR = { kind: 'error', code: 'internal_error' } as const;

/**
 * A bug in one endpoint's handling must not take the whole check down, and must not
 * pass for the server's bad_response (whose text blames the base URL).
 */
async function guarded<T>(task: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await task();
  } catch (error) {
    console.trace(error);
    return INTERNAL_ERROR;
  }
}

/** What to do for one endpoint before sending anything, or null to send it. */
function notSent(endpoint: Endpoint, ctx: EndpointContext, config: CheckConfig, withAdmin: boolean): Outcome<unknown> | null {
  const rule = ENDPOINTS[endpoint];
  if (endpoint === 'probe' && !config.quotaProbe) return DISABLED;
  if (ctx.isOpenAI && rule.onOpenAI === 'not_applicable') return NOT_APPLICABLE;
  if (ctx.isOpenAI && rule.onOpenAI === 'needs_admin' && !withAdmin) return UNAVAILABLE;
  if (rule.role === 'auxiliary' && config.memory?.isUnavailable({ base: ctx.base, apiKey: ctx.apiKey }, endpoint)) return UNAVAILABLE;
  return null;
}

/** The Admin key as sent, or null when there is none a header could carry. */
function usableAdminKey(config: CheckConfig): string | null {
  const key = cleanPasted(config.adminKey ?? '');
  return key !== '' && isSendableKey(key) ? key : null;
}

async function runRequests(config: CheckConfig, apiKey: string, base: string, isOpenAI: boolean): Promise<Signals> {
  const now = config.now ? config.now() : new Date();
  const http: HttpDeps = {
    fetch: config.fetch ?? globalThis.fetch.bind(globalThis),
    apiKey,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    random: config.random ?? Math.random,
    sleep: config.sleep ?? realSleep,
    now: () => (config.now ? config.now().getTime() : Date.now()),
    ...(config.signal ? { signal: config.signal } : {}),
  };
  const refused = new Set<Endpoint>();
  const ctx: EndpointContext = { base, isOpenAI, apiKey, http, now, refused };
  // The Admin-scope endpoints go with the Admin key when there is one and the base is
  // api.openai.com (an OpenAI Admin key is for OpenAI only, never a third-party relay);
  // everything else keeps the project key.
  const adminKey = isOpenAI ? usableAdminKey(config) : null;
  const adminCtx: EndpointContext | null = adminKey === null ? null : { ...ctx, apiKey: adminKey, http: { ...http, apiKey: adminKey } };
  const ctxFor = (endpoint: Endpoint) => (adminCtx !== null && ENDPOINTS[endpoint].onOpenAI === 'needs_admin' ? adminCtx : ctx);

  const outcomes = await Promise.all(
    ENDPOINT_IDS.map((endpoint) => {
      const own = ctxFor(endpoint);
      return notSent(endpoint, own, config, own === adminCtx) ?? guarded(() => REQUESTS[endpoint](own, config) as Promise<Outcome<unknown>>);
    }),
  );
  const signals = allEndpoints((endpoint) => outcomes[ENDPOINT_IDS.indexOf(endpoint)] as Outcome<unknown>);
  // A refusal is "not for this key" only when the key itself works: with a failing
  // key check it says nothing lasting, so nothing is remembered.
  // An aborted check proves nothing about the key: nothing is remembered from it.
  if (signals.models.kind === 'ok' && !config.signal?.aborted) {
    for (const endpoint of refused) config.memory?.remember({ base, apiKey: ctxFor(endpoint).apiKey }, endpoint);
    signals.lastSuccessAt = now.toISOString();
  }
  return signals;
}

export async function runCheck(config: CheckConfig): Promise<Signals> {
  try {
    const apiKey = cleanPasted(config.apiKey ?? '');
    if (apiKey === '') return emptyKeySignals(config.quotaProbe);
    // Admin keys can read and change the whole organization's billing: refused.
    if (isAdminKey(apiKey)) return withoutRequests({ kind: 'error', code: 'key_invalid', apiCode: 'admin_key_refused' }, config.quotaProbe);
    // fetch() would throw on it, which reads as "unreachable"; the key is what is wrong.
    if (!isSendableKey(apiKey)) return withoutRequests({ kind: 'error', code: 'key_invalid', apiCode: 'key_not_sendable' }, config.quotaProbe);
    const base = normalizeBaseUrl(cleanPasted(config.baseUrl ?? ''));
    // Cancelled before it started (e.g. it waited for another tab's lock): send nothing.
    if (config.signal?.aborted) return allEndpoints(() => NOT_APPLICABLE);
    if (!base.ok) return withoutRequests({ kind: 'error', code: 'unreachable', apiCode: `base_url_${base.reason}` }, config.quotaProbe);
    return await runRequests(config, apiKey, base.base, base.isOpenAI);
  } catch (error) {
    console.trace(error);
    return allEndpoints(() => INTERNAL_ERROR);
  }
}
