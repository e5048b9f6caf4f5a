// The real data source: runCheck (src/billing) under the cross-tab coordinator, judged
// by evaluate (src/health). The cache holds Signals without server messages, keyed by
// a one-way hash; the key itself never reaches storage, the DOM or a log.
import { createCheckCoordinator, type CheckCoordinator } from '../billing/check-coordinator.ts';
import { runCheck } from '../billing/check.ts';
import { hashSettings } from '../billing/hash.ts';
import type { UnavailableMemory } from '../billing/unavailable-memory.ts';
import type { Outcome, Signals } from '../billing/signals.ts';
import { evaluate } from '../health/evaluate.ts';
import type { Report } from '../health/types.ts';
import { createReportSource, type HealthSource } from './health-source.ts';
import { checkIntervalMs, type WidgetConfig } from './settings.ts';

export interface EngineDeps {
  /** Which Kommo account (cache scope): APP.constant('account').id or the subdomain. */
  accountId: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Where unavailable endpoints are remembered (the shared default in production). */
  memory?: UnavailableMemory;
  /** Passed through to the coordinator (tests use in-memory ones). */
  coordinator?: Partial<Parameters<typeof createCheckCoordinator<Signals>>[0]>;
}

const OUTCOME_KINDS = new Set(['ok', 'error', 'skipped']);
/**
 * The refresh timer fires once per interval; a cached result that is an interval old
 * minus this much already counts as due, so timer jitter never skips a round.
 */
const DUE_EARLY_MS = 5_000;
const NOT_THIS_MONTH = { kind: 'skipped', reason: 'not_applicable' } as const;

function sameUtcMonth(a: Date, b: Date): boolean {
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
}
const SIGNAL_KEYS = ['models', 'probe', 'costs', 'spendLimit', 'balance'] as const;

/** Server text stays out of the cache: findings get their words from locales. */
function withoutMessage<T>(outcome: Outcome<T>): Outcome<T> {
  if (outcome.kind !== 'error' || outcome.message === undefined) return outcome;
  const { message: _dropped, ...rest } = outcome;
  return rest;
}

function cacheable(signals: Signals): Signals {
  const copy: Record<string, unknown> = { ...signals };
  for (const key of SIGNAL_KEYS) copy[key] = withoutMessage<unknown>(signals[key]);
  return copy as unknown as Signals;
}

/** A cached value comes from storage or another tab: accept only Signals-shaped data. */
export function asSignals(raw: unknown): Signals | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, { kind?: unknown } | null | undefined>;
  const last = (raw as { lastSuccessAt?: unknown }).lastSuccessAt;
  const shaped =
    SIGNAL_KEYS.every((key) => {
      const outcome = record[key] as { kind?: unknown; value?: unknown } | null | undefined;
      // evaluate() reads an ok outcome's value: a cached ok without one is not ours.
      return OUTCOME_KINDS.has(String(outcome?.kind)) && (outcome?.kind !== 'ok' || (typeof outcome.value === 'object' && outcome.value !== null));
    }) &&
    (last === undefined || last === null || typeof last === 'string');
  return shaped ? (raw as Signals) : null;
}

export function createEngineSource(config: WidgetConfig, deps: EngineDeps): HealthSource {
  const now = deps.now ?? Date.now;
  const { options } = config;
  const toReport = (signals: Signals, at: number): Report => {
    const today = new Date(now());
    // A cached check from last month read last month's spend: after midnight UTC on
    // the 1st it must not be judged against this month's budget or forecast.
    const judged = sameUtcMonth(new Date(at), today) ? signals : { ...signals, costs: NOT_THIS_MONTH };
    return { ...evaluate(judged, options, today), checkedAt: new Date(at).toISOString() };
  };

  const coordinator: CheckCoordinator<Signals> = createCheckCoordinator<Signals>({
    cacheKey: hashSettings('check', deps.accountId, config.baseUrl.trim(), config.apiKey, String(options.quotaProbe), options.probeModel),
    ttlMs: checkIntervalMs(options) - DUE_EARLY_MS,
    parse: asSignals,
    now,
    ...deps.coordinator,
    run: async () => {
      const previous = coordinator.peek()?.value;
      const signals = await runCheck({
        apiKey: config.apiKey,
        baseUrl: config.baseUrl,
        quotaProbe: options.quotaProbe,
        probeModel: options.probeModel,
        now: () => new Date(now()),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.memory ? { memory: deps.memory } : {}),
      });
      // `stale` needs the last good check even when this one failed.
      const lastSuccessAt = signals.lastSuccessAt ?? previous?.lastSuccessAt ?? null;
      return cacheable({ ...signals, lastSuccessAt });
    },
  });

  return createReportSource({
    async run(force) {
      const value = await coordinator.get({ force });
      const entry = coordinator.peek();
      return entry ? toReport(entry.value, entry.at) : toReport(value, now());
    },
    peek() {
      const entry = coordinator.peek();
      return entry ? toReport(entry.value, entry.at) : null;
    },
    watch(onReport) {
      return coordinator.subscribe((value, at) => onReport(toReport(value, at)));
    },
    dispose: () => coordinator.dispose(),
  });
}
