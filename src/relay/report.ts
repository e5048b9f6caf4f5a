// From an account's cached check to the response body: the same rules as the widget
// (src/health evaluate) judged with the asking user's options, printed as the CLI's
// `--json` prints it. The relay decides the probe's model (RELAY_PROBE_MODEL), so only
// the probe on/off is part of the cache key; the rest (budget, card expiry, low balance)
// only change the judgement, so users with different budgets share one check.
import { evaluate } from '../health/evaluate.ts';
import type { Signals } from '../health/signals.ts';
import type { HealthOptions, Report } from '../health/types.ts';
import { checkIntervalMs } from '../monitor/index.ts';

const NOT_THIS_MONTH = { kind: 'skipped', reason: 'not_applicable' } as const;
/** A check whose key check failed is retried sooner: an outage should not stick for an interval. */
const FAILED_CHECK_TTL_MS = 60_000;

/**
 * The cache key: the account and whether the probe runs (JSON keeps it unambiguous).
 * Two values per account at most, so no request can crowd other accounts out.
 */
export function checkKey(accountId: string, options: HealthOptions): string {
  return JSON.stringify([accountId, options.quotaProbe]);
}

/**
 * How long a check stays fresh for these options (the widget's interval rule). The
 * options parser keeps checkEveryMinutes at 1 or more, so a user can cause at most one
 * round per minute per cache key, whatever the rate limit lets through.
 */
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

/**
 * The report for a check made at `checkedAtMs`, judged now (as the widget's engine does).
 * `timeZone` is the user's (the request's tz), for calendar-day rules; none = the server's.
 */
export function judge(signals: Signals, checkedAtMs: number, options: HealthOptions, nowMs: number, timeZone: string | null = null): Report {
  const today = new Date(nowMs);
  // Last month's spend must not be judged against this month's budget after the 1st.
  const judged = sameUtcMonth(new Date(checkedAtMs), today) ? signals : { ...signals, costs: NOT_THIS_MONTH };
  const context = timeZone === null ? {} : { timeZone };
  return { ...evaluate(judged, options, today, context), checkedAt: new Date(checkedAtMs).toISOString() };
}

/** Longer than any IANA zone name ("America/Argentina/ComodRivadavia" is 32). */
const MAX_TZ_CHARS = 64;

export type TimeZoneRead = { ok: true; timeZone: string | null } | { ok: false; reason: string };

/** The request's `tz`: absent = the server's zone; anything Intl does not know is refused. */
export function readTimeZone(raw: string | undefined): TimeZoneRead {
  if (raw === undefined) return { ok: true, timeZone: null };
  const bad = { ok: false, reason: 'tz: expected an IANA time zone such as "America/Sao_Paulo"' } as const;
  if (raw === '' || raw.length > MAX_TZ_CHARS) return bad;
  try {
    // Throws a RangeError for a zone it does not know; gives the canonical spelling.
    return { ok: true, timeZone: new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone };
  } catch {
    return bad;
  }
}
