// The contract between the relay and the widget (design.md "Relay"): what the relay
// answers (the CLI's --json body, formatReportJson) for every mock scenario, with and
// without an Admin key, passes the widget's schema (billing/report-schema.ts) and comes
// out as the same report, and reads back unchanged from the cross-tab cache (the zod-free
// health/report-reader.ts). A field the relay adds that the schema does not know would
// fail here, not in a customer's sidebar.
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_ADMIN_KEY, startRelayMock, type RelayMock } from '../../scripts/relay-mock.ts';
import { evaluate } from '../../src/health/evaluate.ts';
import { formatReportJson } from '../../src/health/report-json.ts';
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from '../../src/mocks/scenarios.ts';
import { parseReport } from '../../src/billing/report-schema.ts';
import { readReport } from '../../src/health/report-reader.ts';
import { checkScenario } from './scenario-check.ts';

const NOW = new Date(Date.UTC(2026, 8, 20, 12));
let mock: RelayMock | null = null;
afterEach(() => {
  mock?.close();
  mock = null;
});

async function relayBody(name: ScenarioName, admin: boolean): Promise<string> {
  const scenario = SCENARIOS[name];
  const now = scenario.at ? new Date(scenario.at) : NOW;
  mock = startRelayMock(name, { admin, now: () => now });
  const { options, signals } = await checkScenario(scenario, now, admin ? { adminKey: MOCK_ADMIN_KEY } : {});
  const report = evaluate(signals, options, now, scenario.timeZone ? { timeZone: scenario.timeZone } : {});
  return formatReportJson(report, { baseUrl: scenario.baseUrl, mock: name });
}

describe('every relay answer passes the widget\'s schema unchanged', () => {
  it.each(SCENARIO_NAMES.flatMap((name) => [[name, false], [name, true]] as const))('%s (Admin key: %s)', async (name, admin) => {
    const body = await relayBody(name, admin);
    const { baseUrl: _base, mock: _mock, ...report } = JSON.parse(body) as Record<string, unknown>;
    const parsed = parseReport(JSON.parse(body));
    expect(parsed).toEqual(report);
    // What the cache stores is that report as JSON; it must read back as it went in.
    expect(readReport(JSON.parse(JSON.stringify(parsed)))).toEqual(report);
  }, 30_000);

  it('with an Admin key on api.openai.com the body carries spend, its daily series and the limit', async () => {
    const parsed = parseReport(JSON.parse(await relayBody('healthy', true)));
    expect(parsed?.spend?.daily.length).toBeGreaterThan(0);
    expect(parsed?.forecast).toBeDefined();
    expect(parsed?.spendLimit).toBeDefined();
  });
});
