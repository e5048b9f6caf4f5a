// Every mock scenario through the whole pipeline: the mock service on msw's node
// interception → runCheck (the real client) → evaluate (the real rules). Each
// scenario's expected status and finding codes come from design.md's table, and must
// hold on any day of the month, so each runs at three clock readings.
import { afterEach, describe, expect, it } from 'vitest';
import { createUnavailableMemory } from '../../src/monitor/unavailable-memory.ts';
import { evaluate } from '../../src/health/evaluate.ts';
import { parseOptions } from '../../src/health/options.ts';
import { startMockServer, type MockServer } from '../../src/mocks/node.ts';
import { MOCK_RELAY_BASE, SCENARIO_NAMES, SCENARIOS, type ScenarioName } from '../../src/mocks/scenarios.ts';
import { checkScenario } from './scenario-check.ts';
import { hangs } from './timeouts.ts';

const CLOCKS = [
  new Date(Date.UTC(2026, 8, 20, 12)), // mid-month
  new Date(Date.UTC(2026, 9, 1, 0, 30)), // just after midnight on the 1st
  new Date(Date.UTC(2026, 9, 31, 23, 30)), // end of a 31-day month
];
let mock: MockServer | null = null;
afterEach(() => {
  mock?.close();
  mock = null;
});

async function check(name: ScenarioName, now: Date) {
  const scenario = SCENARIOS[name];
  mock = startMockServer(name, { now: () => now });
  const { options, problems, signals } = await checkScenario(scenario, now, { memory: createUnavailableMemory(), random: () => 0.5 });
  expect(problems).toEqual([]);
  const timeZone = scenario.timeZone;
  return { signals, report: evaluate(signals, options, now, timeZone ? { timeZone } : {}), requests: mock.requests() };
}

// Scenarios about one moment run at that moment only.
const ANY_DAY = SCENARIO_NAMES.filter((name) => SCENARIOS[name].at === undefined);
const ONE_MOMENT = SCENARIO_NAMES.filter((name) => SCENARIOS[name].at !== undefined);

function expectVerdict(name: ScenarioName, report: { status: string; findings: { code: string }[] }) {
  // The list itself, not a set: a finding reported twice is a bug.
  const codes = report.findings.map((finding) => finding.code).sort();
  expect({ status: report.status, codes }).toEqual({ status: SCENARIOS[name].expect.status, codes: [...SCENARIOS[name].expect.codes].sort() });
}

it.each(ONE_MOMENT)('%s gives the expected status and findings at its own moment', async (name) => {
  const { report } = await check(name, new Date(SCENARIOS[name].at as string));
  expectVerdict(name, report);
});

describe.each(CLOCKS.map((now) => [now.toISOString(), now] as const))('at %s', (_label, now) => {
  it.each(ANY_DAY)('%s gives the expected status and findings', async (name) => {
    const { report } = await check(name, now);
    expectVerdict(name, report);
  });
});

describe('what the client saw on the way', () => {
  const now = CLOCKS[0]!;

  it('sums every page of costs to the scenario month-to-date', async () => {
    for (const name of ANY_DAY) {
      const admin = SCENARIOS[name].server.admin;
      // Spend is read through a relay only (design.md).
      if (!admin || SCENARIOS[name].baseUrl !== MOCK_RELAY_BASE) continue;
      const { report, requests } = await check(name, now);
      expect([name, report.spend?.monthToDateUsd]).toEqual([name, expect.closeTo(admin.costs.monthToDateUsd, 4)]);
      expect(report.spend?.daily).toHaveLength(20); // Sept 1–20
      const pageSize = Math.min(31, admin.costs.maxPageSize ?? 31);
      expect([name, requests.costs]).toEqual([name, Math.ceil(20 / pageSize)]);
      mock?.close();
    }
  });

  // Retries (500s once, a billing 429 never, a rate-limit 429 once) are pinned in
  // billing/scenarios.test.ts.

  it('gives up on a hanging server at its timeout', async () => {
    expect(hangs(SCENARIOS.timeout)).toBe(true);
    const { signals } = await check('timeout', now);
    expect(signals.models).toMatchObject({ kind: 'error', code: 'unreachable' });
  });

  it('reads the relay balance from dollars and cents', async () => {
    const { report } = await check('relay_balance_low', now);
    expect(report.balance).toEqual({ totalUsd: 20, usedUsd: 17.25, remainingUsd: 2.75 });
  });
});

describe('verdicts II: what each rule changes on the wire', () => {
  const now = CLOCKS[0]!;
  const sent = (requests: Record<string, number>) => Object.values(requests).reduce((sum, n) => sum + n, 0);

  it('rule 1: the probe runs by default and is skipped when turned off', async () => {
    expect((await check('healthy', now)).requests.chat).toBe(1);
    expect((await check('healthy_probe_off', now)).requests.chat).toBe(0);
  });

  it('rule 2: on api.openai.com the Admin endpoints are never sent', async () => {
    const { requests } = await check('openai_admin_not_asked', now);
    expect(requests).toMatchObject({ costs: 0, spend_limit: 0, subscription: 0, usage: 0 });
  });

  it('rule 4: the wallet is read as empty, and the unlimited token as unlimited', async () => {
    expect((await check('relay_wallet_empty', now)).report.balance).toEqual({ totalUsd: 20, usedUsd: 20, remainingUsd: 0 });
    expect((await check('relay_unlimited_token', now)).report.balance).toMatchObject({ unlimited: true });
  });

  it('rule 5: auxiliary refusals are skipped as unavailable, not errors', async () => {
    const { signals } = await check('relay_dashboard_refuses_token', now);
    expect(signals.models.kind).toBe('ok');
    for (const endpoint of ['costs', 'spend_limit', 'balance'] as const) expect(signals[endpoint]).toEqual({ kind: 'skipped', reason: 'unavailable' });
  });

  it('rule 7: the finding names the permission the refusing endpoint needs', async () => {
    const models = (await check('models_missing_scope', now)).report.findings.find((f) => f.code === 'key_scope_missing');
    expect(models).toMatchObject({ endpoint: 'models', params: { permission: 'Models: Read' } });
    const probe = (await check('probe_missing_scope', now)).report.findings.find((f) => f.code === 'key_scope_missing');
    expect(probe).toMatchObject({ endpoint: 'probe', params: { permission: 'Model capabilities: Request' } });
  });

  it('rule 8: a partial sum is never reported', async () => {
    for (const name of ['costs_more_without_cursor', 'costs_repeated_cursor', 'costs_not_usd'] as const) {
      const { report, signals } = await check(name, new Date(SCENARIOS[name].at as string));
      expect([name, report.spend]).toEqual([name, undefined]);
      expect(signals.costs).toMatchObject({ kind: 'error', code: 'bad_response' });
    }
  });

  it('rule 9: a pasted key reaches the server clean; an unsendable one is not sent at all', async () => {
    expect((await check('pasted_key', now)).signals.models.kind).toBe('ok');
    expect(sent((await check('key_not_sendable', now)).requests)).toBe(0);
  });

  it('rule 10: the same moment judged by the UTC day would say expired', async () => {
    const at = new Date(SCENARIOS.card_last_day_sao_paulo.at as string);
    const { signals } = await check('card_last_day_sao_paulo', at);
    const options = { ...parseOptions(SCENARIOS.card_last_day_sao_paulo.options).options };
    expect(evaluate(signals, options, at, { timeZone: 'UTC' }).findings.map((f) => f.code)).toContain('card_expired');
  });

  it('rule 11: the day-1 projection is over the budget, yet it does not warn', async () => {
    const { report } = await check('early_month_spend', new Date(SCENARIOS.early_month_spend.at as string));
    expect(report.forecast).toEqual({ monthEndUsd: 60, budgetUsd: 50, settled: false });
    expect(report.findings).toEqual([]);
  });
});
