// What the OpenAI client found out, request by request: the contract between
// src/billing (which fills it) and src/health (which judges it). The domain's
// language, so it lives with the rules.
import type { Endpoint, SignalValue } from './endpoints.ts';

export type { BalanceSignal, Endpoint, SpendDay as DailySpend, SpendLimitSignal, SpendSignal } from './endpoints.ts';

/** Finding codes that a request's failure is classified into (design.md's table). */
export type ErrorCode =
  | 'key_invalid'
  | 'account_inactive'
  | 'region_blocked'
  | 'credits_exhausted'
  | 'spend_limit_reached'
  | 'key_scope_missing'
  | 'probe_model_unavailable'
  | 'rate_limited'
  | 'unreachable'
  | 'bad_response'
  | 'internal_error';

/**
 * What one request told us. `error.code` is already classified (by error.code,
 * then error.type, then HTTP status); `skipped` means no request was made, or its
 * answer means "not for this key": turned off, not applicable on this base, or
 * unavailable (refused by an auxiliary endpoint, remembered, or not asked because it
 * needs an Admin key). What an unavailable endpoint means is the rules' call
 * (ENDPOINTS[endpoint].whenUnavailable).
 */
export type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'error'; code: ErrorCode; status?: number; apiCode?: string; message?: string; missingScope?: string }
  | { kind: 'skipped'; reason: 'disabled' | 'not_applicable' | 'unavailable' };

export type Signals = { [E in Endpoint]: Outcome<SignalValue<E>> } & {
  /** ISO time of the last check whose key check succeeded, if known (for `stale`). */
  lastSuccessAt?: string | null;
};
