// The real data source: runCheck (src/billing, from the engine that deps.loadEngine
// brings in when a check is due) under the cross-tab coordinator, judged by evaluate
// (src/health). The cache holds Signals without server messages, keyed by a one-way
// hash; the key itself never reaches storage, the DOM or a log. A fresh cached result
// paints and refreshes without loading the engine at all.
import { normalizeBaseUrl } from '../billing/base-url.ts';
import { cleanPasted } from '../billing/credentials.ts';
import type { EndpointMemory } from '../billing/memory.ts';
import { ENDPOINT_IDS } from '../health/endpoints.ts';
import { evaluate } from '../health/evaluate.ts';
import type { Outcome, Signals } from '../health/signals.ts';
import type { HealthOptions, Report } from '../health/types.ts';
import { createCheckCoordinator, type CheckCoordinator, type CoordinatorOptions } from './check-coordinator.ts';
import { engineNotLoadedSignals, loadCheckEngine, type LoadEngine } from './check-engine.ts';
import { createCoordinatedSource } from './coordinated-source.ts';
import { hashSettings } from './hash.ts';
import { createCheckHistory, type CheckHistory } from './history.ts';
import type { HealthSource } from './report-source.ts';
import { parseSignals } from './signals-schema.ts';
import { browserLocalStorage, createMemoryStorage } from './storage.ts';
import { defaultUnavailableMemory } from './unavailable-memory.ts';

/** What a check needs from the saved settings. */
export interface MonitorConfig {
  apiKey: string;
  /** As saved; runCheck normalizes it and refuses anything but https/loopback. */
  baseUrl: string;
  options: HealthOptions;
}

export interface EngineDeps {
  /** Which Kommo account (cache scope), as src/kommo reads it. */
  accountId: string;
  /** The network code (runCheck): engine.js in the widget, the real module in tests. */
  loadEngine: LoadEngine;
  fetch?: typeof fetch;
  now?: () => number;
  /** Where unavailable endpoints are remembered (the shared default in production). */
  memory?: EndpointMemory;
  /** Passed through to the coordinator (tests use in-memory ones). */
  coordinator?: Partial<CoordinatorOptions<Signals>>;
}

/** How often the sidebar checks (the `checkEveryMinutes` option, at least a minute). */
export function checkIntervalMs(options: HealthOptions): number {
  return Math.max(1, options.checkEveryMinutes) * 60_000;
}

/**
 * The refresh timer fires once per interval; a cached result that is an interval old
 * minus this much already counts as due, so timer jitter never skips a round (the
 * relay source's cache too).
 */
export const DUE_EARLY_MS = 5_000;
const NOT_THIS_MONTH = { kind: 'skipped', reason: 'not_applicable' } as const;

function sameUtcMonth(a: Date, b: Date): boolean {
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
}

/** Server text stays out of the cache: findings get their words from locales. */
function withoutMessage(outcome: Outcome<unknown>): Outcome<unknown> {
  if (outcome.kind !== 'error' || outcome.message === undefined) return outcome;
  const { message: _dropped, ...rest } = outcome;
  return rest;
}

/** The page's fetch, handed to the engine with every check (engine.js keeps nothing). */
function pageFetch(): typeof fetch | undefined {
  return typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined;
}

function cacheable(signals: Signals): Signals {
  const copy: Record<string, unknown> = { ...signals };
  for (const endpoint of ENDPOINT_IDS) copy[endpoint] = withoutMessage(signals[endpoint]);
  return copy as Signals;
}

/** The history lives beside the cache, scoped to the account and the base (never the key). */
function historyFor(config: MonitorConfig, deps: EngineDeps): CheckHistory {
  const base = normalizeBaseUrl(config.baseUrl);
  const storage = deps.coordinator?.storage ?? browserLocalStorage() ?? createMemoryStorage();
  return createCheckHistory(storage, hashSettings('history', deps.accountId, base.ok ? base.base : ''));
}

export function createEngineSource(config: MonitorConfig, deps: EngineDeps): HealthSource {
  const now = deps.now ?? Date.now;
  const { options } = config;
  const apiKey = cleanPasted(config.apiKey);
  const history = historyFor(config, deps);
  const toReport = (signals: Signals, at: number): Report => {
    const today = new Date(now());
    // A cached check from last month read last month's spend: after midnight UTC on
    // the 1st it must not be judged against this month's budget or forecast.
    const judged = sameUtcMonth(new Date(at), today) ? signals : { ...signals, costs: NOT_THIS_MONTH };
    return { ...evaluate(judged, options, today), checkedAt: new Date(at).toISOString() };
  };

  // Aborted on dispose: a check still in flight when Kommo destroys the widget is
  // cancelled (its fetches too), not left running for a panel that is gone.
  const lifetime = new AbortController();
  const assertAlive = () => {
    if (lifetime.signal.aborted) throw new Error('check aborted: source disposed');
  };

  const coordinator: CheckCoordinator<Signals> = createCheckCoordinator<Signals>({
    cacheKey: hashSettings('check', deps.accountId, cleanPasted(config.baseUrl), apiKey, String(options.quotaProbe), options.probeModel),
    ttlMs: checkIntervalMs(options) - DUE_EARLY_MS,
    parse: parseSignals,
    now,
    ...deps.coordinator,
    run: async () => {
      assertAlive();
      const previous = coordinator.peek()?.value;
      const startedAt = now();
      // Only here, in the one tab that runs the round: a fresh cache never loads it.
      const engine = await loadCheckEngine(deps.loadEngine);
      assertAlive();
      const fetchFn = deps.fetch ?? pageFetch();
      const signals = await engine.runCheck({
        apiKey,
        baseUrl: config.baseUrl,
        quotaProbe: options.quotaProbe,
        probeModel: options.probeModel,
        now: () => new Date(now()),
        memory: deps.memory ?? defaultUnavailableMemory(),
        ...(fetchFn ? { fetch: fetchFn } : {}),
        signal: lifetime.signal,
      });
      // A half-made answer from an aborted check is neither cached nor recorded.
      assertAlive();
      // `stale` needs the last good check even when this one failed.
      const lastSuccessAt = signals.lastSuccessAt ?? previous?.lastSuccessAt ?? null;
      const result = cacheable({ ...signals, lastSuccessAt });
      // Only the tab that ran the check records it, so each check is listed once.
      history.record(toReport(result, startedAt));
      return result;
    },
  });

  /** The engine did not load: a finding for this tab now, nothing cached or recorded. */
  const notLoaded = (): Report => {
    const previous = coordinator.peek()?.value;
    return toReport(engineNotLoadedSignals(options.quotaProbe, previous?.lastSuccessAt ?? null), now());
  };

  return createCoordinatedSource({ coordinator, toReport, notLoaded, history, lifetime, now });
}
