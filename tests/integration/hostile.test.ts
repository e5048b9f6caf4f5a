// Every body of the hostile-input catalogue through the whole pipeline: msw's node
// interception → runCheck (the real client, with its size cap) → evaluate. Each entry
// states the outcome of its endpoint and the report; none may throw, and none may end
// `ok` unless the entry says why its body is actually fine.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/health/evaluate.ts';
import type { Endpoint } from '../../src/health/endpoints.ts';
import { HOSTILE_BODIES, type HostileBody } from '../../src/mocks/hostile.ts';
import { startMockServer, type MockServer } from '../../src/mocks/node.ts';
import { SCENARIOS, type MockEndpoint } from '../../src/mocks/scenarios.ts';
import { checkScenario } from './scenario-check.ts';
import { ANSWERING_TIMEOUT_MS } from './timeouts.ts';

const NOW = new Date(Date.UTC(2026, 8, 20, 12));
/** Mock endpoints → the health endpoint whose outcome they decide. */
const HEALTH_ENDPOINT: Record<MockEndpoint, Endpoint> = {
  models: 'models',
  chat: 'probe',
  costs: 'costs',
  spend_limit: 'spend_limit',
  subscription: 'balance',
  usage: 'balance',
};

let mock: MockServer | null = null;
afterEach(() => {
  mock?.close();
  mock = null;
});

async function check(entry: HostileBody) {
  mock = startMockServer(entry.scenario, { now: () => NOW, hostile: entry });
  const { options, signals } = await checkScenario(SCENARIOS[entry.scenario], NOW, { timeoutMs: ANSWERING_TIMEOUT_MS, random: () => 0.5 });
  return { signals, report: evaluate(signals, options, NOW), requests: mock.requests() };
}

describe('the catalogue', () => {
  it('has at least 40 bodies, on every endpoint, with unique names', () => {
    expect(HOSTILE_BODIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HOSTILE_BODIES.map((entry) => entry.name)).size).toBe(HOSTILE_BODIES.length);
    const endpoints = new Set(HOSTILE_BODIES.map((entry) => entry.endpoint));
    expect([...endpoints].sort()).toEqual(['chat', 'costs', 'models', 'spend_limit', 'subscription', 'usage']);
  });

  it('says why every ok is right, and nothing else ends ok', () => {
    for (const entry of HOSTILE_BODIES) {
      const ok = entry.expect.outcome === 'ok' || entry.expect.status === 'ok';
      expect([entry.name, ok]).toEqual([entry.name, Boolean(entry.expect.why)]);
    }
  });
});

describe.each(HOSTILE_BODIES.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
  it('gives its stated outcome and verdict, without throwing', async () => {
    const { signals, report, requests } = await check(entry);
    expect(requests[entry.endpoint]).toBeGreaterThan(0); // the hostile body was really served
    const outcome = signals[HEALTH_ENDPOINT[entry.endpoint]];
    const expected = entry.expect.outcome;
    if (expected === 'ok') {
      expect(outcome.kind).toBe('ok');
    } else {
      // Exactly this code and apiCode (an absent apiCode must stay absent).
      const got = outcome.kind === 'error' ? { code: outcome.code, apiCode: outcome.apiCode } : outcome;
      expect(got).toEqual({ code: expected.code, apiCode: expected.apiCode });
    }
    const codes = report.findings.map((finding) => finding.code).sort();
    expect({ status: report.status, codes }).toEqual({ status: entry.expect.status, codes: [...entry.expect.codes].sort() });
    // No server text reaches a finding (findings are worded from the locales).
    expect(JSON.stringify(report)).not.toMatch(/<script|<img|<svg|\u202E/);
  });
});

describe('the bodies that are fine', () => {
  it('sums markup-labelled line items like any others ($13.50, not the base scenario $12.50)', async () => {
    const { report } = await check(HOSTILE_BODIES.find((entry) => entry.name === 'costs_line_item_markup')!);
    expect(report.spend?.monthToDateUsd).toBe(13.5);
  });
});

describe('what the cap and the retries cost', () => {
  it('asks a 10 MB endpoint once, and a 5xx one at most three times', async () => {
    const big = HOSTILE_BODIES.find((entry) => entry.name === 'costs_10mb')!;
    expect((await check(big)).requests.costs).toBe(1);
    mock?.close();
    const failing = HOSTILE_BODIES.find((entry) => entry.name === 'models_html_503')!;
    expect((await check(failing)).requests.models).toBe(3);
  });
});
