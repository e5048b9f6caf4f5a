// The report the pure rules produce, read by the UI and the CLI. Finding codes and
// severities are fixed by design.md.
import type { BalanceSignal, Endpoint, SpendLimitSignal, SpendSignal } from './signals.ts';

export type * from './signals.ts';

export const FINDING_SEVERITY = {
  key_invalid: 'critical',
  account_inactive: 'critical',
  region_blocked: 'critical',
  credits_exhausted: 'critical',
  spend_limit_reached: 'critical',
  card_expired: 'critical',
  budget_exceeded: 'critical',
  key_scope_missing: 'warning',
  probe_model_unavailable: 'warning',
  card_expiring: 'warning',
  budget_near: 'warning',
  balance_low: 'warning',
  rate_limited: 'warning',
  stale: 'warning',
  unreachable: 'unknown',
  // The check relay (design.md "Relay") answered 401/403: its secret, id or account list.
  relay_refused: 'unknown',
  bad_response: 'unknown',
  internal_error: 'unknown',
  quota_unverified: 'info',
  spend_unavailable: 'info',
} as const;

export type FindingCode = keyof typeof FINDING_SEVERITY;
export type Severity = (typeof FINDING_SEVERITY)[FindingCode];
export type Status = 'ok' | 'warning' | 'critical' | 'unknown';

/** The owner's options (the `options` setting), after parsing and defaults. */
export interface HealthOptions {
  quotaProbe: boolean;
  probeModel: string;
  /** "MM/YY" or null */
  cardExpiry: string | null;
  monthlyBudgetUsd: number | null;
  lowBalanceUsd: number | null;
  checkEveryMinutes: number;
  /** Unknown keys are kept, not dropped (design.md). */
  [extra: string]: unknown;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The request it came from, when it came from one. */
  endpoint?: Endpoint;
  /** Values the finding's text interpolates (amounts, dates, days left, HTTP status). */
  params?: Record<string, string | number>;
}

export interface Forecast {
  /** Projected month-end spend in USD. */
  monthEndUsd: number;
  budgetUsd: number | null;
  /** Enough whole days of the month are over for the projection to be worth a warning. */
  settled: boolean;
}

export interface Report {
  status: Status;
  findings: Finding[];
  /** ISO time of evaluation */
  checkedAt: string;
  spend?: SpendSignal;
  forecast?: Forecast;
  balance?: BalanceSignal;
  /** The organization's hard spend limit, when a relay could read it. */
  spendLimit?: SpendLimitSignal;
  /** ISO time of the last successful key check; only when this check's key check did not succeed. */
  lastSuccessAt?: string;
}
