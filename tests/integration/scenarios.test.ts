// Every mock scenario through the whole pipeline: the mock service on msw's node
// interception → runCheck (the real client) → evaluate (the real rules). Each
// scenario's expected status and finding codes come from design.md's table, and must
// hold on any day of the month, so each runs at three clock readings.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/billing/check.ts';
import { createUnavailableMemory } from '../../src/monitor/unavailable-memory.ts';
import { evaluate } from '../../src/health/evaluate.ts';
import { parseOptions } from '../../src/health/options.ts';
import { startMockServer, type MockServer } from '../../src/mocks/node.ts';
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from '../../src/mocks/scenarios.ts';
import { hangs, timeoutFor } from './timeouts.ts';

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
  const { options, problems } = parseOptions(scenario.options ?? {});
  expect(problems).toEqual([]);
  const signals = await runCheck({
    apiKey: scenario.apiKey,
    baseUrl: scenario.baseUrl,
    quotaProbe: options.quotaProbe,
    probeModel: options.probeModel,
    timeoutMs: timeoutFor(scenario),
    memory: createUnavailableMemory(),
    now: () => now,
    random: () => 0.5,
    sleep: async () => {}, // retries and Retry-After waits happen, instantly
  });
  return { signals, report: evaluate(signals, options, now), requests: mock.requests() };
}

describe.each(CLOCKS.map((now) => [now.toISOString(), now] as const))('at %s', (_label, now) => {
  it.each(SCENARIO_NAMES)('%s gives the expected status and findings', async (name) => {
    const { report } = await check(name, now);
    // The list itself, not a set: a finding reported twice is a bug.
    const codes = report.findings.map((finding) => finding.code).sort();
    expect({ status: report.status, codes }).toEqual({ status: SCENARIOS[name].expect.status, codes: [...SCENARIOS[name].expect.codes].sort() });
  });
});

describe('what the client saw on the way', () => {
  const now = CLOCKS[0]!;

  it('sums every page of costs to the scenario month-to-date', async () => {
    for (const name of SCENARIO_NAMES) {
      const admin = SCENARIOS[name].server.admin;
      if (!admin) continue;
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
