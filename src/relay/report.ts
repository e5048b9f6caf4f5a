// From an account's cached check to the response body: the same rules as the widget
// (src/health evaluate) judged with the asking user's options, printed as the CLI's
// `--json` prints it. Options that change what is asked upstream (the probe and its
// model) are part of the cache key; the rest (budget, card expiry, low balance) only
// change the judgement, so users with different budgets share one check.
import { evaluate } from '../health/evaluate.ts';
import type { Signals } from '../health/signals.ts';
import type { HealthOptions, Report } from '../health/types.ts';
import { checkIntervalMs } from '../monitor/index.ts';

const NOT_THIS_MONTH = { kind: 'skipped', reason: 'not_applicable' } as const;
/** A check whose key check failed is retried sooner: an outage should not stick for an interval. */
const FAILED_CHECK_TTL_MS = 60_000;

/** The part of the cache key the options decide (JSON keeps it unambiguous). */
export function checkKey(accountId: string, options: HealthOptions): string {
  return JSON.stringify([accountId, options.quotaProbe, options.probeModel]);
}

/** How long a check stays fresh for these options (the widget's interval rule). */
export function freshForMs(signals: Signals, options: HealthOptions): number {
  const interval = checkIntervalMs(options);
  return signals.models.kind === 'ok' ? interval : Math.min(interval, FAILED_CHECK_TTL_MS);
}

/** `stale` needs the last good check even when this one failed. */
export function carryLastSuccess(signals: Signals, previous: Signals | null): Signals {
  return { ...signals, lastSuccessAt: signals.lastSuccessAt ?? previous?.lastSuccessAt ?? null };
}

function sameUtcMonth(a: Date, b: Date): boolean {
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
}

/** The report for a check made at `checkedAtMs`, judged now (as the widget's engine does). */
export function judge(signals: Signals, checkedAtMs: number, options: HealthOptions, nowMs: number): Report {
  const today = new Date(nowMs);
  // Last month's spend must not be judged against this month's budget after the 1st.
  const judged = sameUtcMonth(new Date(checkedAtMs), today) ? signals : { ...signals, costs: NOT_THIS_MONTH };
  return { ...evaluate(judged, options, today), checkedAt: new Date(checkedAtMs).toISOString() };
}
