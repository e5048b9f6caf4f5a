// The real data source: runCheck (src/billing) under the cross-tab coordinator, judged
// by evaluate (src/health). The cache holds Signals without server messages, keyed by
// a one-way hash; the key itself never reaches storage, the DOM or a log.
import { createCheckCoordinator, type CheckCoordinator } from '../billing/check-coordinator.ts';
import { runCheck } from '../billing/check.ts';
import { hashSettings } from '../billing/hash.ts';
import type { Outcome, Signals } from '../billing/signals.ts';
import { evaluate } from '../health/evaluate.ts';
import type { Report } from '../health/types.ts';
import { createReportSource, type HealthSource } from './health-source.ts';
import type { WidgetConfig } from './settings.ts';

export interface EngineDeps {
  /** Which Kommo account (cache scope): APP.constant('account').id or the subdomain. */
  accountId: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Passed through to the coordinator (tests use in-memory ones). */
  coordinator?: Partial<Parameters<typeof createCheckCoordinator<Signals>>[0]>;
}

const OUTCOME_KINDS = new Set(['ok', 'error', 'skipped']);
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
    SIGNAL_KEYS.every((key) => OUTCOME_KINDS.has(String(record[key]?.kind))) &&
    (last === undefined || last === null || typeof last === 'string');
  return shaped ? (raw as Signals) : null;
}

export function createEngineSource(config: WidgetConfig, deps: EngineDeps): HealthSource {
  const now = deps.now ?? Date.now;
  const { options } = config;
  const toReport = (signals: Signals, at: number): Report => ({
    ...evaluate(signals, options, new Date(now())),
    checkedAt: new Date(at).toISOString(),
  });

  const coordinator: CheckCoordinator<Signals> = createCheckCoordinator<Signals>({
    cacheKey: hashSettings('check', deps.accountId, config.baseUrl.trim(), config.apiKey, String(options.quotaProbe), options.probeModel),
    ttlMs: Math.max(1, options.checkEveryMinutes) * 60_000,
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
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
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
