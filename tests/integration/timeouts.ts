// How long a test lets the client wait for the mock service. Only a scenario whose
// server never answers needs a short timeout (it ends at the timeout, times the
// retries); every other scenario gets a comfortable one, so a busy machine never
// turns a real answer into `unreachable`.
import type { Scenario } from '../../src/mocks/scenarios.ts';

export const HANGING_TIMEOUT_MS = 150;
export const ANSWERING_TIMEOUT_MS = 5_000;

/** True when some endpoint of the scenario never answers. */
export function hangs(scenario: Scenario): boolean {
  const { everywhere, faults = {} } = scenario.server;
  return everywhere === 'hang' || Object.values(faults).includes('hang');
}

export function timeoutFor(scenario: Scenario): number {
  return hangs(scenario) ? HANGING_TIMEOUT_MS : ANSWERING_TIMEOUT_MS;
}
