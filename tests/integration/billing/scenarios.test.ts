// runCheck against the mock OpenAI billing service (src/mocks, msw node server):
// every named scenario, compared with the codes the scenario says a check finds.
import { afterEach, describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/health/options.ts';
import { runCheck } from '../../../src/billing/check.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';
import type { ErrorCode, Signals } from '../../../src/health/signals.ts';
import { SCENARIOS, type ScenarioName } from '../../../src/mocks/scenarios.ts';
import { startMockServer, type MockServer } from '../../../src/mocks/node.ts';
import { timeoutFor } from '../timeouts.ts';

// The codes a scenario expects that come straight from the client (the rest —
// budgets, card, balance_low, quota_unverified — are the health rules' job).
const CLIENT_CODES = new Set<string>([
  'key_invalid', 'account_inactive', 'region_blocked', 'credits_exhausted', 'spend_limit_reached',
  'key_scope_missing', 'probe_model_unavailable', 'rate_limited', 'unreachable', 'bad_response', 'internal_error',
] satisfies ErrorCode[]);

/** Error codes in the signals, plus an enforcing spend limit (design.md: spend_limit_reached). */
function errorCodes(signals: Signals): string[] {
  const outcomes = [signals.models, signals.probe, signals.costs, signals.spend_limit, signals.balance];
  const codes = outcomes.flatMap((o) => (o.kind === 'error' ? [o.code] : []));
  if (signals.spend_limit.kind === 'ok' && signals.spend_limit.value.enforcing) codes.push('spend_limit_reached');
  // design.md: an empty relay wallet is credits_exhausted.
  if (signals.balance.kind === 'ok' && signals.balance.value.remainingUsd <= 0) codes.push('credits_exhausted');
  return [...new Set(codes)].sort();
}

let mock: MockServer | undefined;
afterEach(() => {
  mock?.close();
  mock = undefined;
});

async function check(name: ScenarioName, extra: { memory?: ReturnType<typeof createUnavailableMemory> } = {}) {
  const scenario = SCENARIOS[name];
  return runCheck({
    apiKey: scenario.apiKey,
    baseUrl: scenario.baseUrl,
    quotaProbe: parseOptions(scenario.options).options.quotaProbe,
    probeModel: parseOptions(scenario.options).options.probeModel,
    timeoutMs: timeoutFor(scenario),
    memory: extra.memory ?? createUnavailableMemory(),
    sleep: async () => {},
    ...(scenario.at ? { now: () => new Date(scenario.at as string) } : {}),
  });
}

describe('runCheck against every mock scenario', () => {
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    it(name, async () => {
      const at = SCENARIOS[name].at;
      mock = startMockServer(name, { latencyMs: 0, ...(at ? { now: () => new Date(at) } : {}) });
      const signals = await check(name);
      const expected = SCENARIOS[name].expect.codes.filter((code) => CLIENT_CODES.has(code)).sort();
      expect(errorCodes(signals)).toEqual(expected);
    });
  }
});

describe('details the scenarios pin down', () => {
  it('healthy_with_spend: sums every bucket, string and number amounts, and reads the relay wallet', async () => {
    mock = startMockServer('healthy_with_spend');
    const signals = await check('healthy_with_spend');
    expect(signals.costs.kind).toBe('ok');
    if (signals.costs.kind === 'ok') expect(signals.costs.value.monthToDateUsd).toBeCloseTo(12.5, 4);
    expect(signals.balance).toEqual({ kind: 'ok', value: { totalUsd: 100, usedUsd: 12.5, remainingUsd: 87.5 } });
    expect(signals.spend_limit).toEqual({ kind: 'ok', value: { limitUsd: 500, enforcing: false } });
  });

  it('costs_paginated: follows every page to reach the full sum', async () => {
    mock = startMockServer('costs_paginated');
    const signals = await check('costs_paginated');
    expect(signals.costs.kind === 'ok' && signals.costs.value.monthToDateUsd).toBeCloseTo(30.5, 4);
    const pageSize = SCENARIOS.costs_paginated.server.admin?.costs.maxPageSize ?? 31;
    expect(mock.requests().costs).toBe(Math.ceil(new Date().getUTCDate() / pageSize));
  });

  it('healthy: models and the probe only; no Admin or legacy calls on OpenAI', async () => {
    mock = startMockServer('healthy');
    await check('healthy');
    expect(mock.requests()).toEqual({ models: 1, chat: 1, costs: 0, spend_limit: 0, subscription: 0, usage: 0 });
  });

  it('a relay without an Admin key: its Admin endpoints are not asked again once known unavailable', async () => {
    mock = startMockServer('relay_balance_low');
    const memory = createUnavailableMemory();
    await check('relay_balance_low', { memory });
    const second = await check('relay_balance_low', { memory });
    expect(second.costs).toEqual({ kind: 'skipped', reason: 'unavailable' });
    expect(mock.requests()).toMatchObject({ models: 2, costs: 1, spend_limit: 1, subscription: 2 });
  });

  it('server_error_then_recovery: each endpoint retried once, then it succeeds', async () => {
    mock = startMockServer('server_error_then_recovery');
    const signals = await check('server_error_then_recovery');
    expect(signals.models.kind).toBe('ok');
    expect(signals.probe.kind).toBe('ok');
    expect(mock.requests()).toMatchObject({ models: 2, chat: 2 });
  });

  it('credits_exhausted: the billing 429 is asked once, never retried', async () => {
    mock = startMockServer('credits_exhausted');
    await check('credits_exhausted');
    expect(mock.requests().chat).toBe(1);
  });

  it('rate_limited: a short Retry-After is honoured once', async () => {
    mock = startMockServer('rate_limited');
    const signals = await check('rate_limited');
    expect(signals.probe).toMatchObject({ kind: 'error', code: 'rate_limited', status: 429 });
    expect(mock.requests().chat).toBe(2);
  });
});
