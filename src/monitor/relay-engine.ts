// The relay source (design.md "Relay"): instead of asking OpenAI from the browser, the
// widget asks the check relay, which holds the keys server-side, for its report. The
// request goes through a transport from src/kommo (Kommo's $authorizedAjax), one per
// account and interval across tabs (the same coordinator as the engine). The request,
// its retry and the answer's reading (schema-checked) are engine.js's relay client
// (src/billing/relay-client.ts), loaded only by the tab that runs a due round; a refusal
// or a failure becomes a finding, cached and recorded like a report. No key is involved
// on this side at all.
import type { RelayFailureCode, RelayOutcome, RelayTransport } from '../billing/relay-client.ts';
import { cardExpiryFinding } from '../health/card-expiry.ts';
import { staleFinding } from '../health/stale.ts';
import { overallStatus, sortFindings } from '../health/status.ts';
import { readReport } from '../health/report-reader.ts';
import { FINDING_SEVERITY, type Finding, type HealthOptions, type Report } from '../health/types.ts';
import { ENGINE_NOT_LOADED, VIA_RELAY } from '../health/text-params.ts';
import { createCheckCoordinator, type CheckCoordinator, type CoordinatorOptions } from './check-coordinator.ts';
import { isEngineNotLoaded, loadCheckEngine, type LoadEngine } from './check-engine.ts';
import { createCoordinatedSource } from './coordinated-source.ts';
import { checkIntervalMs, DUE_EARLY_MS } from './engine.ts';
import { hashSettings } from './hash.ts';
import { createCheckHistory } from './history.ts';
import type { HealthSource } from './report-source.ts';
import { readRelayUrl } from './relay-url.ts';
import { browserLocalStorage, createMemoryStorage } from './storage.ts';

export type { RelayAnswer, RelayTransport } from '../billing/relay-client.ts';

export interface RelayConfig {
  /** As saved; refused before any request unless https (or loopback http). */
  relayUrl: string;
  options: HealthOptions;
}

export interface RelayEngineDeps {
  accountId: string;
  transport: RelayTransport;
  /** The relay client with the body's schema check (engine.js in the widget, the real module in tests). */
  loadEngine: LoadEngine;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  coordinator?: Partial<CoordinatorOptions<RelayResult>>;
}

/**
 * What one round gave, as cached for every tab: the relay's report or why there is none.
 * `lastSuccessAt`: when the relay's key check last succeeded, for `stale` on a later failure.
 */
type RelayResult =
  | { kind: 'report'; report: Report; lastSuccessAt: string | null }
  | { kind: 'failed'; code: RelayFailureCode; status?: number; reason?: string; lastSuccessAt: string | null };

const FAILURE_CODES: ReadonlySet<unknown> = new Set(['unreachable', 'relay_refused', 'rate_limited', 'bad_response']);

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** A cached result read back from storage or another tab, or null. */
function parseResult(raw: unknown): RelayResult | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = raw as Record<string, unknown>;
  if (value.lastSuccessAt !== null && !isTime(value.lastSuccessAt)) return null;
  if (value.kind === 'report') {
    const report = readReport(value.report);
    return report && { kind: 'report', report, lastSuccessAt: value.lastSuccessAt };
  }
  if (value.kind !== 'failed' || !FAILURE_CODES.has(value.code)) return null;
  if (value.status !== undefined && !Number.isInteger(value.status)) return null;
  if (value.reason !== undefined && (typeof value.reason !== 'string' || value.reason.length > 40)) return null;
  return {
    kind: 'failed',
    code: value.code as RelayFailureCode,
    ...(value.status === undefined ? {} : { status: value.status as number }),
    ...(value.reason === undefined ? {} : { reason: value.reason as string }),
    lastSuccessAt: value.lastSuccessAt,
  };
}

/**
 * A round without a relay report: the failure, plus what this widget knows by itself
 * (the typed card expiry, how long since the relay last answered). The finding stands
 * for the key check (`endpoint: models`): nothing about the key was confirmed, so the
 * walkthrough's verify must not pass on it.
 */
function failureReport(result: Extract<RelayResult, { kind: 'failed' }>, options: HealthOptions, at: number, now: Date): Report {
  // `via` lets the UI name the relay, not OpenAI and the base URL (ui/finding-text.ts).
  const params: Record<string, string | number> = { via: VIA_RELAY };
  if (result.status !== undefined) params.status = result.status;
  if (result.reason !== undefined) params.apiCode = result.reason;
  const failure: Finding = { code: result.code, severity: FINDING_SEVERITY[result.code], endpoint: 'models', params };
  const found: Finding[] = [failure];
  const card = cardExpiryFinding(options.cardExpiry, now);
  if (card) found.push(card);
  const stale = staleFinding(result.lastSuccessAt, options.checkEveryMinutes, now);
  if (stale) found.push(stale);
  const findings = sortFindings(found);
  return {
    status: overallStatus(findings, 'incomplete'),
    findings,
    checkedAt: new Date(at).toISOString(),
    ...(result.lastSuccessAt ? { lastSuccessAt: result.lastSuccessAt } : {}),
  };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One round: the saved URL checked, then engine.js's relay client (the request, one
 * retry after a dropped connection or a 5xx, the answer read).
 */
async function askRelay(config: RelayConfig, transport: RelayTransport, signal: AbortSignal, sleep: (ms: number) => Promise<void>, loadEngine: LoadEngine): Promise<RelayOutcome> {
  const relay = readRelayUrl(config.relayUrl);
  // A saved URL that is not https (or loopback http) is never asked: nothing leaves.
  if (relay.kind !== 'ok') return { kind: 'failed', code: 'unreachable', reason: `relay_url_${relay.kind === 'none' ? 'missing' : relay.reason}` };
  // Before the request: without the schema check there is no point asking.
  const engine = await loadCheckEngine(loadEngine);
  return engine.askRelay(relay.url, config.options, transport, signal, sleep);
}

/** One uncached round, as "Test connection" needs it: what the relay says right now. */
export async function checkRelayOnce(config: RelayConfig, transport: RelayTransport, signal: AbortSignal, loadEngine: LoadEngine, now: () => number = Date.now): Promise<Report> {
  const startedAt = now();
  const outcome = await askRelay(config, transport, signal, realSleep, loadEngine).catch((error: unknown): RelayOutcome => {
    if (isEngineNotLoaded(error)) return { kind: 'failed', code: 'unreachable', reason: ENGINE_NOT_LOADED };
    throw error;
  });
  return outcome.kind === 'report' ? outcome.report : failureReport({ ...outcome, lastSuccessAt: null }, config.options, startedAt, new Date(now()));
}

export function createRelaySource(config: RelayConfig, deps: RelayEngineDeps): HealthSource {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const { options } = config;
  const relay = readRelayUrl(config.relayUrl);
  const scope = relay.kind === 'ok' ? relay.url : '';
  const storage = deps.coordinator?.storage ?? browserLocalStorage() ?? createMemoryStorage();
  const history = createCheckHistory(storage, hashSettings('history', deps.accountId, 'relay', scope));
  const toReport = (result: RelayResult, at: number): Report =>
    result.kind === 'report' ? result.report : failureReport(result, options, at, new Date(now()));

  const lifetime = new AbortController();
  const assertAlive = () => {
    if (lifetime.signal.aborted) throw new Error('relay check aborted: source disposed');
  };

  const coordinator: CheckCoordinator<RelayResult> = createCheckCoordinator<RelayResult>({
    // The options go to the relay, so they are part of what was asked.
    cacheKey: hashSettings('relay', deps.accountId, scope, JSON.stringify(options)),
    ttlMs: checkIntervalMs(options) - DUE_EARLY_MS,
    parse: parseResult,
    now,
    ...deps.coordinator,
    run: async () => {
      assertAlive();
      const previous = coordinator.peek()?.value;
      const startedAt = now();
      const outcome = await askRelay(config, deps.transport, lifetime.signal, sleep, deps.loadEngine);
      assertAlive();
      // A relay report carries lastSuccessAt only when its key check did not succeed
      // (health/evaluate.ts); a report without a finding for the key check is a success.
      const report = outcome.kind === 'report' ? outcome.report : null;
      const lastSuccessAt =
        report?.lastSuccessAt ??
        (report && !report.findings.some((f) => f.endpoint === 'models') ? new Date(startedAt).toISOString() : (previous?.lastSuccessAt ?? null));
      const result: RelayResult = { ...outcome, lastSuccessAt };
      history.record(toReport(result, startedAt));
      return result;
    },
  });

  const notLoaded = (): Report => {
    const lastSuccessAt = coordinator.peek()?.value.lastSuccessAt ?? null;
    return failureReport({ kind: 'failed', code: 'unreachable', reason: ENGINE_NOT_LOADED, lastSuccessAt }, options, now(), new Date(now()));
  };

  return createCoordinatedSource({ coordinator, toReport, notLoaded, history, lifetime, now });
}
