// The network half of a check, which the widget keeps out of script.js: src/kommo loads
// it on demand (engine.js through the page's RequireJS) and hands the monitor a loader,
// called only by the tab that actually runs a check. Tests and the source build pass
// the real modules. When it cannot load (a 404, a CSP refusal, a timeout), the round
// ends as an `unreachable` finding whose apiCode says why, never as a thrown error;
// nothing is cached or recorded, so the next refresh loads again.
import type { CheckConfig } from '../billing/check.ts';
import { withoutRequests } from '../billing/no-requests.ts';
import type { RelayOutcome, RelayTransport } from '../billing/relay-client.ts';
import type { Signals } from '../health/signals.ts';
import { ENGINE_NOT_LOADED } from '../health/text-params.ts';

/** What the monitor needs of engine.js (src/lazy/engine.ts has more). */
export interface CheckEngine {
  runCheck(config: CheckConfig): Promise<Signals>;
  /** One round with the relay at `relayUrl` for `options` (one retry after `sleep`), its body schema-checked. */
  askRelay(relayUrl: string, options: unknown, transport: RelayTransport, signal: AbortSignal, sleep: (ms: number) => Promise<void>): Promise<RelayOutcome>;
}

/** Resolves with the engine, or rejects when it could not load; one load per page is the caller's job. */
export type LoadEngine = () => Promise<CheckEngine>;


/** Marks a failed load, so the round can end as a finding instead of a widget error. */
class EngineNotLoaded extends Error {}

export async function loadCheckEngine(load: LoadEngine): Promise<CheckEngine> {
  try {
    return await load();
  } catch {
    // The loader has traced the cause; here it only has to end the round.
    throw new EngineNotLoaded('the check engine did not load');
  }
}

export const isEngineNotLoaded = (error: unknown): boolean => error instanceof EngineNotLoaded;

/** The signals of a round that could not run: the key check stands for it, as unreachable. */
export function engineNotLoadedSignals(quotaProbe: boolean, lastSuccessAt: string | null): Signals {
  return { ...withoutRequests({ kind: 'error', code: 'unreachable', apiCode: ENGINE_NOT_LOADED }, quotaProbe), lastSuccessAt };
}
