// What the OpenAI client found out, request by request: the contract between
// src/billing (which produces it) and src/health (which judges it).

/** Finding codes that a request's failure is classified into (design.md's table). */
export type ErrorCode =
  | 'key_invalid'
  | 'account_inactive'
  | 'region_blocked'
  | 'credits_exhausted'
  | 'spend_limit_reached'
  | 'key_scope_missing'
  | 'rate_limited'
  | 'unreachable'
  | 'bad_response'
  | 'spend_unavailable';

/** Which request a signal came from. */
export type Endpoint = 'models' | 'probe' | 'costs' | 'spend_limit' | 'balance';

/**
 * What one request told us. `error.code` is already classified (by error.code,
 * then error.type, then HTTP status); `skipped` means no request was made: turned
 * off, not applicable on this base, or remembered as unavailable.
 */
export type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'error'; code: ErrorCode; status?: number; apiCode?: string; message?: string }
  | { kind: 'skipped'; reason: 'disabled' | 'not_applicable' | 'unavailable' };

export interface DailySpend {
  /** UTC day, YYYY-MM-DD */
  date: string;
  usd: number;
}

export interface SpendSignal {
  /** Month-to-date spend in USD, summed over every page of buckets. */
  monthToDateUsd: number;
  daily: DailySpend[];
}

export interface SpendLimitSignal {
  limitUsd: number | null;
  enforcing: boolean;
}

export interface BalanceSignal {
  /** Relay balance in USD: granted total (hard limit), used this period, remaining. */
  totalUsd: number;
  usedUsd: number;
  remainingUsd: number;
}

export interface Signals {
  models: Outcome<{ count: number }>;
  probe: Outcome<{ model: string }>;
  costs: Outcome<SpendSignal>;
  spendLimit: Outcome<SpendLimitSignal>;
  balance: Outcome<BalanceSignal>;
  /** ISO time of the last check whose key check succeeded, if known (for `stale`). */
  lastSuccessAt?: string | null;
}
