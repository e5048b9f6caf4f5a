// What the relay decides rather than the request: the probe's model (RELAY_PROBE_MODEL),
// and the calendar day card expiry is judged on (the request's `tz`, checked first).
import { afterEach, describe, expect, it } from 'vitest';
import { startRelayMock, type RelayMock } from '../../../scripts/relay-mock.ts';
import { DEFAULT_PROBE_MODEL } from '../../../src/health/options.ts';
import type { Report } from '../../../src/health/types.ts';
import { SCENARIOS } from '../../../src/mocks/scenarios.ts';
import { ACCOUNT_B, optionsQuery, signToken, testConfig, testRelay } from './relay-helpers.ts';

let mock: RelayMock | null = null;
afterEach(() => {
  mock?.close();
  mock = null;
});

const codes = (report: Report) => report.findings.map((f) => f.code);

/** An upstream that records the model of every probe and answers like a healthy account. */
function recordingUpstream(models: string[]): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/v1/models')) return Response.json({ object: 'list', data: [{ id: 'gpt-4o-mini-2024-07-18', object: 'model' }] });
    models.push((JSON.parse(String(init?.body)) as { model: string }).model);
    return Response.json({ id: 'c', object: 'chat.completion', model: 'gpt-4o-mini-2024-07-18', choices: [] });
  };
}

describe('the probe model is the relay’s', () => {
  it('probes RELAY_PROBE_MODEL (default: the widget’s default), whatever the request asks', async () => {
    for (const [env, expected] of [[undefined, DEFAULT_PROBE_MODEL], ['gpt-4.1-nano-2025-04-14', 'gpt-4.1-nano-2025-04-14']] as const) {
      const probed: string[] = [];
      const relay = testRelay(testConfig({ RELAY_PROBE_MODEL: env }), { fetch: recordingUpstream(probed) });
      const response = await relay.get(optionsQuery({ probeModel: 'gpt-chosen-by-a-member' }), { 'X-Auth-Token': await signToken() });
      expect(response.status).toBe(200);
      expect(probed).toEqual([expected]);
    }
  });

  it('names the model actually probed in probe_model_unavailable, not the request’s', async () => {
    mock = startRelayMock('probe_model_not_found');
    const { apiKey, baseUrl } = SCENARIOS.probe_model_not_found;
    const config = testConfig({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: baseUrl, RELAY_PROBE_MODEL: 'gpt-4o-mini-2099-01-01' });
    const relay = testRelay(config);
    const response = await relay.get(optionsQuery({ probeModel: 'gpt-chosen-by-a-member' }), { 'X-Auth-Token': await signToken() });
    const report = (await response.json()) as Report;
    expect(report.findings.find((f) => f.code === 'probe_model_unavailable')?.params).toMatchObject({ model: 'gpt-4o-mini-2099-01-01' });
    expect(JSON.stringify(report)).not.toContain('gpt-chosen-by-a-member');
  });
});

describe('tz: the user’s calendar day', () => {
  const scenario = SCENARIOS.card_last_day_sao_paulo;
  const at = Date.parse(scenario.at as string);

  async function askAt(tz: string | null) {
    mock = startRelayMock('card_last_day_sao_paulo', { now: () => new Date(at) });
    const relay = testRelay(testConfig({ OPENAI_API_KEY: scenario.apiKey, OPENAI_BASE_URL: scenario.baseUrl }), { now: () => at });
    const query = optionsQuery(scenario.options ?? {}) + (tz === null ? '' : `&tz=${encodeURIComponent(tz)}`);
    const response = await relay.get(query, { 'X-Auth-Token': await signToken({ iat: Math.floor(at / 1000) }) });
    const result = { status: response.status, body: (await response.json()) as Report & { error?: string; reason?: string }, upstream: mock.total() };
    mock.close();
    mock = null;
    return result;
  }

  it('22:30 on the card’s last day in São Paulo (01:30 UTC the next day): card_expiring, not expired', async () => {
    const { status, body } = await askAt('America/Sao_Paulo');
    expect(status).toBe(200);
    expect(codes(body)).toContain('card_expiring');
    expect(codes(body)).not.toContain('card_expired');
    expect([...codes(body)].sort()).toEqual([...scenario.expect.codes].sort());
  });

  it('the same moment on the UTC calendar is card_expired (the zone is what decides)', async () => {
    const { body } = await askAt('UTC');
    expect(codes(body)).toContain('card_expired');
  });

  it.each(['Mars/Olympus_Mons', '+03:00', '', 'x'.repeat(65)])('a bad tz %j → 400 bad_options naming tz, nothing asked upstream', async (tz) => {
    const { status, body, upstream } = await askAt(tz);
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'bad_options', reason: expect.stringMatching(/^tz: /) });
    expect(upstream).toBe(0);
  });
});

describe('RELAY_ALLOWED_ORIGINS', () => {
  it('an extra origin reads every allowed account’s report (trusted for all of them)', async () => {
    mock = startRelayMock('healthy');
    const relay = testRelay(testConfig({ RELAY_ALLOWED_ORIGINS: 'https://crm.example.com' }));
    const token = await signToken({ claims: { account_id: ACCOUNT_B, subdomain: 'other' } });
    const response = await relay.get('', { 'X-Auth-Token': token, Origin: 'https://crm.example.com' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
  });
});
