// Signals for a check that sent nothing: no key, a refused key, a base URL that is not
// allowed, or (in the widget) a check engine that could not load. Kept apart from
// check.ts so that code which only needs these (the widget's first paint, the monitor)
// never pulls in the client and its schemas.
import { ENDPOINT_IDS, type Endpoint } from '../health/endpoints.ts';
import type { Outcome, Signals } from '../health/signals.ts';

export const NOT_APPLICABLE = { kind: 'skipped', reason: 'not_applicable' } as const;
export const DISABLED = { kind: 'skipped', reason: 'disabled' } as const;

export function allEndpoints(pick: (endpoint: Endpoint) => Outcome<unknown>): Signals {
  return Object.fromEntries(ENDPOINT_IDS.map((endpoint) => [endpoint, pick(endpoint)])) as unknown as Signals;
}

/** The key check's outcome stands for the whole check; the probe is off or not asked. */
export function withoutRequests(models: Outcome<{ count: number }>, quotaProbe: boolean): Signals {
  return allEndpoints((endpoint) => {
    if (endpoint === 'models') return models;
    return endpoint === 'probe' && !quotaProbe ? DISABLED : NOT_APPLICABLE;
  });
}

/** What a check finds when there is no key at all: key_invalid, nothing sent. */
export function emptyKeySignals(quotaProbe: boolean): Signals {
  return withoutRequests({ kind: 'error', code: 'key_invalid', apiCode: 'empty_key' }, quotaProbe);
}
