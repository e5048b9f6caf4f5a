// One health check: every independent request at once, each answer turned into
// an Outcome. Never throws; never sends the key anywhere but the base URL.
import type { Endpoint, Outcome, Signals } from './signals.ts';
import { normalizeBaseUrl } from './base-url.ts';
import { isAdminKey } from './credentials.ts';
import { DEFAULT_TIMEOUT_MS, type HttpDeps } from './http.ts';
import type { EndpointContext } from './endpoint-common.ts';
import { checkModels, probeQuota } from './key-checks.ts';
import { fetchMonthToDateCosts, fetchSpendLimit } from './spend.ts';
import { fetchRelayBalance } from './balance.ts';
import { defaultUnavailableMemory, unavailableScope, type UnavailableMemory } from './unavailable-memory.ts';

export interface CheckConfig {
  apiKey: string;
  baseUrl: string;
  quotaProbe: boolean;
  probeModel: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  memory?: UnavailableMemory;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const NOT_APPLICABLE = { kind: 'skipped', reason: 'not_applicable' } as const;
const UNAVAILABLE = { kind: 'skipped', reason: 'unavailable' } as const;

/** Signals for a check that could not send anything (no key, refused key, bad base URL). */
function withoutRequests(models: Outcome<{ count: number }>, quotaProbe: boolean): Signals {
  return {
    models,
    probe: quotaProbe ? NOT_APPLICABLE : { kind: 'skipped', reason: 'disabled' },
    costs: NOT_APPLICABLE,
    spendLimit: NOT_APPLICABLE,
    balance: NOT_APPLICABLE,
  };
}

/** A bug in one endpoint's handling must not take the whole check down. */
async function guarded<T>(task: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await task();
  } catch {
    return { kind: 'error', code: 'bad_response', apiCode: 'client_error' };
  }
}

function remembered<T>(ctx: EndpointContext, endpoint: Endpoint, task: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  if (ctx.memory.isUnavailable(ctx.scope, endpoint)) return Promise.resolve(UNAVAILABLE);
  return guarded(task);
}

async function runRequests(config: CheckConfig, apiKey: string, base: string, isOpenAI: boolean): Promise<Signals> {
  const now = config.now ? config.now() : new Date();
  const fetchImpl = config.fetch ?? globalThis.fetch.bind(globalThis);
  const http: HttpDeps = {
    fetch: fetchImpl,
    apiKey,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    random: config.random ?? Math.random,
    sleep: config.sleep ?? realSleep,
    now: () => (config.now ? config.now().getTime() : Date.now()),
  };
  const memory = config.memory ?? defaultUnavailableMemory();
  const ctx: EndpointContext = { base, isOpenAI, apiKey, http, now, memory, scope: unavailableScope(base, apiKey) };

  const [models, probe, costs, spendLimit, balance] = await Promise.all([
    guarded(() => checkModels(ctx)),
    config.quotaProbe ? guarded(() => probeQuota(ctx, config.probeModel)) : Promise.resolve({ kind: 'skipped', reason: 'disabled' } as const),
    remembered(ctx, 'costs', () => fetchMonthToDateCosts(ctx)),
    remembered(ctx, 'spend_limit', () => fetchSpendLimit(ctx)),
    // The legacy dashboard endpoints are dead for API keys on OpenAI (docs §2.2).
    isOpenAI ? Promise.resolve(NOT_APPLICABLE) : remembered(ctx, 'balance', () => fetchRelayBalance(ctx)),
  ]);
  return { models, probe, costs, spendLimit, balance, ...(models.kind === 'ok' ? { lastSuccessAt: now.toISOString() } : {}) };
}

/** What a check finds when there is no key at all: key_invalid, nothing sent. */
export function emptyKeySignals(quotaProbe: boolean): Signals {
  return withoutRequests({ kind: 'error', code: 'key_invalid', apiCode: 'empty_key' }, quotaProbe);
}

export async function runCheck(config: CheckConfig): Promise<Signals> {
  try {
    const apiKey = (config.apiKey ?? '').trim();
    if (apiKey === '') return emptyKeySignals(config.quotaProbe);
    // Admin keys can read and change the whole organization's billing: refused.
    if (isAdminKey(apiKey)) return withoutRequests({ kind: 'error', code: 'key_invalid', apiCode: 'admin_key_refused' }, config.quotaProbe);
    const base = normalizeBaseUrl(config.baseUrl);
    if (!base.ok) return withoutRequests({ kind: 'error', code: 'unreachable', apiCode: `base_url_${base.reason}` }, config.quotaProbe);
    return await runRequests(config, apiKey, base.base, base.isOpenAI);
  } catch {
    const failed = { kind: 'error', code: 'bad_response', apiCode: 'client_error' } as const;
    return { models: failed, probe: failed, costs: failed, spendLimit: failed, balance: failed };
  }
}
