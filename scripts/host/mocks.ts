// The page side of the mock OpenAI service: the ES module the server bundles from
// src/mocks (see mocks-entry.ts), read defensively because it is another team's code.

export interface ScenarioInfo {
  name: string;
  apiKey: string;
  baseUrl: string;
  options: unknown;
  description: string;
}

export interface MockModule {
  SCENARIOS?: unknown;
  startMockWorker?: (name: string, options?: Record<string, unknown>) => Promise<{ stop(): unknown }>;
}

const asString = (value: unknown) => (typeof value === 'string' ? value : '');

/** SCENARIOS may be a record keyed by name or a list of named entries. */
export function readScenarios(value: unknown): ScenarioInfo[] {
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, i) => [asString((item as { name?: unknown })?.name) || asString((item as { id?: unknown })?.id) || `scenario-${i}`, item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return entries.map(([name, raw]) => {
    const s = (raw ?? {}) as Record<string, unknown>;
    return { name, apiKey: asString(s.apiKey), baseUrl: asString(s.baseUrl), options: s.options, description: asString(s.description) };
  });
}

/** The settings Kommo would have stored for a widget configured like the scenario. */
export function settingsFor(scenario: ScenarioInfo): Record<string, string> {
  const options = typeof scenario.options === 'string' ? scenario.options : JSON.stringify(scenario.options ?? {});
  return { api_key: scenario.apiKey, base_url: scenario.baseUrl, options };
}

export async function loadMocks(url: string): Promise<MockModule> {
  return (await import(/* @vite-ignore */ url)) as MockModule;
}
