// The page side of the mock OpenAI service: the ES module the server bundles from
// src/mocks (mocks-entry.ts), loaded by URL at run time, so only its type is imported.
import type { Scenario, ScenarioName } from '../../src/mocks/scenarios.ts';

export type MockModule = typeof import('./mocks-entry.ts');

export interface NamedScenario extends Scenario {
  name: ScenarioName;
}

/** The scenario table as a list, in its declared order (the toolbar shows it so). */
export function listScenarios(table: MockModule['SCENARIOS']): NamedScenario[] {
  return (Object.keys(table) as ScenarioName[]).map((name) => ({ ...table[name], name }));
}

/** The settings Kommo would have stored for a widget configured like the scenario. */
export function settingsFor(scenario: Scenario): Record<string, string> {
  return { api_key: scenario.apiKey, base_url: scenario.baseUrl, options: JSON.stringify(scenario.options ?? {}) };
}

export async function loadMocks(url: string): Promise<MockModule> {
  return (await import(/* @vite-ignore */ url)) as MockModule;
}
