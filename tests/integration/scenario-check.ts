// One check of a mock scenario as the integration tests run it: the scenario's key, base
// URL and options into runCheck (the real client), at a fixed clock, with retries and
// Retry-After waits happening instantly. The caller starts the mock server and evaluates.
import { runCheck, type CheckConfig } from '../../src/billing/check.ts';
import { parseOptions, type ParsedOptions } from '../../src/health/options.ts';
import type { Signals } from '../../src/health/signals.ts';
import type { Scenario } from '../../src/mocks/scenarios.ts';
import { timeoutFor } from './timeouts.ts';

type Extra = Omit<Partial<CheckConfig>, 'apiKey' | 'baseUrl' | 'quotaProbe' | 'probeModel' | 'now'>;

/**
 * The scenario's parsed options (and their problems) and the signals of one check at
 * `now`. `extra` adds to or overrides the rest of the config (timeoutMs defaults to
 * timeoutFor(scenario)).
 */
export async function checkScenario(scenario: Scenario, now: Date, extra: Extra = {}): Promise<ParsedOptions & { signals: Signals }> {
  const parsed = parseOptions(scenario.options ?? {});
  const signals = await runCheck({
    apiKey: scenario.apiKey,
    baseUrl: scenario.baseUrl,
    quotaProbe: parsed.options.quotaProbe,
    probeModel: parsed.options.probeModel,
    timeoutMs: timeoutFor(scenario),
    now: () => now,
    sleep: async () => {},
    ...extra,
  });
  return { ...parsed, signals };
}
