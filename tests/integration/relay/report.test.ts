// GET /v1/report end to end in-process: the same report as the CLI's --json, spend for
// a plain api.openai.com account when the relay holds an Admin key, and every upstream
// failure turned into a finding (never a relay error).
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/health/types.ts';
import { MOCK_ADMIN_KEY, MOCK_ADMIN_SPEND_USD, startRelayMock, type RelayMock } from '../../../scripts/relay-mock.ts';
import { SCENARIOS, type ScenarioName } from '../../../src/mocks/scenarios.ts';
import { runCli } from '../cli-run.ts';
import { ORIGIN_A, signToken, testConfig, testRelay } from './relay-helpers.ts';

let mock: RelayMock | null = null;
afterEach(() => {
  mock?.close();
  mock = null;
});

type Body = Report & { baseUrl: string; mock?: string };

async function reportFor(scenario: ScenarioName, options: { admin?: boolean } = {}) {
  mock = startRelayMock(scenario, { admin: options.admin ?? false });
  const { apiKey, baseUrl } = SCENARIOS[scenario];
  const config = testConfig({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: baseUrl, OPENAI_ADMIN_KEY: options.admin ? MOCK_ADMIN_KEY : undefined });
  const relay = testRelay(config, { mock: scenario });
  const response = await relay.get('', { 'X-Auth-Token': await signToken(), Origin: ORIGIN_A });
  const text = await response.text();
  return { response, text, body: JSON.parse(text) as Body, requests: mock.requests(), logs: relay.logs };
}

describe('the report', () => {
  it('is byte for byte the CLI --json output (apart from the check time)', async () => {
    const [relay, cli] = await Promise.all([reportFor('healthy'), runCli(['--mock', 'healthy', '--json'])]);
    expect(relay.response.status).toBe(200);
    expect(relay.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(relay.response.headers.get('cache-control')).toBe('no-store');
    const withoutTime = (text: string) => text.replace(/"checkedAt": "[^"]+"/, '"checkedAt": "…"');
    expect(withoutTime(relay.text)).toBe(withoutTime(cli.stdout));
    expect(relay.body).toMatchObject({ status: 'ok', baseUrl: 'https://api.openai.com', mock: 'healthy' });
  });

  it('has spend, the daily series, the forecast and the spend limit for a plain OpenAI account with the Admin key', async () => {
    const { body, requests } = await reportFor('healthy', { admin: true });
    expect(body.status).toBe('ok');
    expect(body.findings.map((f) => f.code)).toEqual([]);
    expect(body.spend?.monthToDateUsd).toBeCloseTo(MOCK_ADMIN_SPEND_USD, 4);
    expect(body.spend?.daily.length).toBe(new Date().getUTCDate());
    expect(body.forecast).toMatchObject({ budgetUsd: null });
    expect(body.spendLimit).toEqual({ limitUsd: 500, enforcing: false });
    expect(requests).toMatchObject({ models: 1, chat: 1, costs: 1, spend_limit: 1 });
  });

  it('without the Admin key, spend is unavailable and the Admin endpoints are not asked (as today)', async () => {
    const { body, requests } = await reportFor('healthy');
    expect(body.findings.map((f) => f.code)).toEqual(['spend_unavailable']);
    expect(body.spend).toBeUndefined();
    expect(body.spendLimit).toBeUndefined();
    expect(requests).toMatchObject({ models: 1, chat: 1, costs: 0, spend_limit: 0 });
  });
});

describe('upstream failures are findings in a 200', () => {
  it.each([
    ['credits_exhausted', 'critical', 'credits_exhausted'],
    ['legacy_insufficient_quota', 'critical', 'credits_exhausted'],
    ['invalid_key', 'critical', 'key_invalid'],
    ['rate_limited', 'warning', 'rate_limited'],
    ['malformed_json', 'unknown', 'bad_response'],
    ['schema_mismatch', 'unknown', 'bad_response'],
    ['html_error_page', 'unknown', 'unreachable'],
  ] as const)('%s → %s with %s', async (scenario, status, code) => {
    const { response, body } = await reportFor(scenario);
    expect(response.status).toBe(200);
    expect(body.status).toBe(status);
    expect(body.findings.map((f) => f.code)).toContain(code);
    expect(body.findings.map((f) => f.code).sort()).toEqual([...SCENARIOS[scenario].expect.codes].sort());
  });
});

/** An upstream whose /v1/models answers `models`, and every other path a plain 200 chat. */
function fakeUpstream(models: () => Response): typeof fetch {
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/v1/models')) return models();
    return Response.json({ id: 'c', object: 'chat.completion', model: 'gpt-4o-mini-2024-07-18', choices: [] });
  };
}

describe('hostile upstream bodies', () => {
  async function withFetch(upstream: typeof fetch) {
    const relay = testRelay(testConfig(), { fetch: upstream });
    const response = await relay.get('', { 'X-Auth-Token': await signToken() });
    return { response, body: (await response.json()) as Body };
  }

  it('a body over 1 MiB is bad_response (too_large), not read to the end', async () => {
    const huge = `{"object":"list","data":[${'{"id":"m","object":"model"},'.repeat(60_000)}{"id":"m"}]}`;
    expect(huge.length).toBeGreaterThan(1024 * 1024);
    const { response, body } = await withFetch(fakeUpstream(() => new Response(huge, { headers: { 'content-type': 'application/json' } })));
    expect(response.status).toBe(200);
    expect(body.findings.find((f) => f.code === 'bad_response')?.params).toMatchObject({ apiCode: 'too_large' });
  });

  it('truncated JSON is bad_response (not_json)', async () => {
    const { body } = await withFetch(fakeUpstream(() => new Response('{"object":"list","data":[{"id":', { headers: { 'content-type': 'application/json' } })));
    expect(body.findings.find((f) => f.code === 'bad_response')?.params).toMatchObject({ apiCode: 'not_json' });
  });

  it('a fetch that throws is unreachable, still a 200 report', async () => {
    const { response, body } = await withFetch(async () => {
      throw new TypeError('fetch failed');
    });
    expect(response.status).toBe(200);
    expect(body.status).toBe('unknown');
    expect(body.findings.map((f) => f.code)).toContain('unreachable');
  });
});

describe('an internal failure', () => {
  it('is 500 {"error":"internal"} and nothing else, and is logged', async () => {
    const relay = testRelay(testConfig(), {
      runCheck: () => {
        throw new Error('exploded in the engine');
      },
    });
    const response = await relay.get('', { 'X-Auth-Token': await signToken() });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"error":"internal"}');
    expect(relay.logs).toEqual([expect.objectContaining({ level: 'error', status: 500, route: 'GET /v1/report', error: 'Error: exploded in the engine' })]);
  });

  it('is the same when the check rejects asynchronously', async () => {
    const relay = testRelay(testConfig(), { runCheck: () => Promise.reject(new RangeError('late failure')) });
    const response = await relay.get('', { 'X-Auth-Token': await signToken() });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"error":"internal"}');
  });
});
