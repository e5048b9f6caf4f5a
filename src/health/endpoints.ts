// The one list of requests a check makes. Everything that walks the endpoints (the
// client's request table, the rules, the cache schema, the unavailable memory) is
// derived from this object or typed as a Record over its keys, so a new endpoint is
// one entry here plus its request and schema: a missing piece is a type error, not a
// silently dropped signal.

/**
 * - `key`: answers "does this key work" (the key check and the credit probe); its
 *   refusals are about the key.
 * - `auxiliary`: reads extra data (spend, limit, relay balance). Its 401/403/404 means
 *   "not available to this key", never that the key is bad (design.md, key_invalid).
 */
type EndpointRole = 'key' | 'auxiliary';

interface EndpointRule {
  role: EndpointRole;
  /** The finding that speaks for an unavailable auxiliary endpoint; null = it is just absent. */
  whenUnavailable: 'spend_unavailable' | null;
  /**
   * On api.openai.com: `ask`; `needs_admin` = only an Admin key may read it and the widget
   * refuses those, so it is not sent and counts as unavailable; `not_applicable` = OpenAI
   * does not serve it at all (the legacy dashboard).
   */
  onOpenAI: 'ask' | 'needs_admin' | 'not_applicable';
}

// The type parameter records what a success carries; it exists only for the compiler.
type Rule<T> = EndpointRule & { readonly value?: T };
const rule = <T>(r: EndpointRule): Rule<T> => r;

export interface SpendDay {
  /** UTC day, YYYY-MM-DD */
  date: string;
  usd: number;
}

export interface SpendSignal {
  /** Month-to-date spend in USD, summed over every page of buckets. */
  monthToDateUsd: number;
  daily: SpendDay[];
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
  /** The relay grants an unlimited quota (a sentinel hard limit): no number to show. */
  unlimited?: boolean;
}

export const ENDPOINTS = {
  models: rule<{ count: number }>({ role: 'key', whenUnavailable: null, onOpenAI: 'ask' }),
  probe: rule<{ model: string }>({ role: 'key', whenUnavailable: null, onOpenAI: 'ask' }),
  // Admin scope: sent with a project key it can only fail, maybe as a CORS error.
  costs: rule<SpendSignal>({ role: 'auxiliary', whenUnavailable: 'spend_unavailable', onOpenAI: 'needs_admin' }),
  spend_limit: rule<SpendLimitSignal>({ role: 'auxiliary', whenUnavailable: null, onOpenAI: 'needs_admin' }),
  // Legacy dashboard endpoints: dead on OpenAI itself, served by one-api/new-api relays.
  balance: rule<BalanceSignal>({ role: 'auxiliary', whenUnavailable: null, onOpenAI: 'not_applicable' }),
} as const;

export type Endpoint = keyof typeof ENDPOINTS;
export type SignalValue<E extends Endpoint> = NonNullable<(typeof ENDPOINTS)[E]['value']>;

/** Every endpoint id, in the registry's order (which is also the findings' merge order). */
export const ENDPOINT_IDS = Object.keys(ENDPOINTS) as Endpoint[];
