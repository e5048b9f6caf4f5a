// The mock service endpoint by endpoint: auth, bodies and headers, costs pagination
// and quirks, faults, latency and request counts.
import { describe, expect, it } from 'vitest';
import { createMockService, type MockServiceOptions } from '../../../src/mocks/handlers.ts';
import { MOCK_OPENAI_BASE, MOCK_RELAY_BASE, SCENARIOS, type ScenarioName } from '../../../src/mocks/scenarios.ts';
import { callMock, type MockReply } from './call-mock.ts';

const NOW = new Date(Date.UTC(2026, 8, 20, 12)); // 2026-09-20 12:00 UTC
const PROBE = { model: 'gpt-4o-mini-2024-07-18', max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] };

function service(name: ScenarioName, opts: MockServiceOptions = {}) {
  return createMockService(name, { now: () => NOW, ...opts });
}

/** Calls the scenario's own base with its own key unless told otherwise. */
function call(
  svc: ReturnType<typeof service>,
  path: string,
  init: { method?: 'GET' | 'POST'; key?: string | null; body?: unknown; base?: string } = {},
): Promise<MockReply> {
  const scenario = SCENARIOS[svc.scenario];
  const key = init.key === undefined ? scenario.apiKey : init.key;
  return callMock(svc.handlers, `${init.base ?? scenario.baseUrl}${path}`, { ...init, key });
}

const errorCode = (reply: MockReply) => (reply.json as { error: { code: string | null } }).error.code;

describe('authentication', () => {
  it('answers a missing or empty key with E15 and an unknown key with E14, key masked', async () => {
    const svc = service('healthy');
    for (const key of [null, '']) {
      const reply = await call(svc, '/v1/models', { key });
      expect(reply.status).toBe(401);
      expect(reply.json).toMatchObject({ error: { type: 'invalid_request_error', code: null, message: expect.stringMatching(/^You didn't provide an API key/) } });
    }
    const wrong = 'sk-proj-mock-someone-elses-key-1234';
    const reply = await call(svc, '/v1/models', { key: wrong });
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('invalid_api_key');
    expect(reply.text).not.toContain(wrong);
    expect(reply.text).toContain('sk-proj-***');
    expect(reply.text).toContain('1234.');
  });

  it('refuses even the right key when the scenario revoked it', async () => {
    const reply = await call(service('invalid_key'), '/v1/models');
    expect([reply.status, errorCode(reply)]).toEqual([401, 'invalid_api_key']);
  });
});

describe('models and the probe', () => {
  it('lists models with real-shaped headers on api.openai.com', async () => {
    const reply = await call(service('healthy'), '/v1/models');
    expect(reply.status).toBe(200);
    expect((reply.json as { data: { id: string }[] }).data.map((m) => m.id)).toContain('gpt-4o-mini-2024-07-18');
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(reply.headers.get('openai-version')).toBe('2020-10-01');
    expect(Number(reply.headers.get('openai-processing-ms'))).toBeGreaterThan(0);
    expect(reply.headers.get('access-control-expose-headers')).toBe('X-Request-ID');
  });

  it('gives each request its own id, and relays no openai-* headers', async () => {
    const svc = service('healthy_with_spend');
    const [a, b] = [await call(svc, '/v1/models'), await call(svc, '/v1/models')];
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    expect(a.headers.get('openai-organization')).toBeNull();
  });

  it('answers the one-token probe for the asked model, with rate-limit headroom', async () => {
    const reply = await call(service('healthy'), '/v1/chat/completions', { method: 'POST', body: PROBE });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ object: 'chat.completion', model: PROBE.model, created: NOW.getTime() / 1000 });
    expect(reply.headers.get('x-ratelimit-remaining-requests')).toBe('499');
  });

  it('rejects an unknown model (404 model_not_found) and a missing one (400)', async () => {
    const svc = service('healthy');
    const unknown = await call(svc, '/v1/chat/completions', { method: 'POST', body: { ...PROBE, model: 'gpt-0' } });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'model_not_found']);
    const missing = await call(svc, '/v1/chat/completions', { method: 'POST', body: '{not json' });
    expect(missing.status).toBe(400);
  });
});

describe('billing errors', () => {
  it('sends billing 429s without retry-after', async () => {
    for (const [name, code] of [
      ['credits_exhausted', 'credit_balance_exhausted'],
      ['legacy_insufficient_quota', 'insufficient_quota'],
      ['org_spend_limit', 'organization_spend_limit_exceeded'],
      ['project_spend_limit', 'project_spend_limit_exceeded'],
      ['usage_limit', 'organization_usage_limit_exceeded'],
    ] as const) {
      const svc = service(name);
      expect((await call(svc, '/v1/models')).status).toBe(200); // out of credit still lists models
      const reply = await call(svc, '/v1/chat/completions', { method: 'POST', body: PROBE });
      expect([reply.status, errorCode(reply), reply.headers.get('retry-after')]).toEqual([429, code, null]);
      expect((reply.json as { error: { type: string } }).error.type).toBe('insufficient_quota');
    }
  });

  it('sends a real rate limit with retry-after and exhausted x-ratelimit-* headers', async () => {
    const reply = await call(service('rate_limited'), '/v1/chat/completions', { method: 'POST', body: PROBE });
    expect([reply.status, errorCode(reply)]).toEqual([429, 'rate_limit_exceeded']);
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.headers.get('x-ratelimit-remaining-requests')).toBe('0');
  });

  it('applies account-level errors to every endpoint', async () => {
    const cases = [
      ['account_deactivated', 401, 'account_deactivated'],
      ['access_terminated', 429, 'access_terminated'],
      ['billing_not_active', 429, null],
      ['region_blocked', 403, 'unsupported_country_region_territory'],
    ] as const;
    for (const [name, status, code] of cases) {
      const svc = service(name);
      for (const path of ['/v1/models', '/v1/organization/costs?start_time=1']) {
        const reply = await call(svc, path);
        expect([name, reply.status, errorCode(reply)]).toEqual([name, status, code]);
      }
    }
  });

  it('refuses the probe to a restricted key with missing_scope model.request', async () => {
    const reply = await call(service('probe_missing_scope'), '/v1/chat/completions', { method: 'POST', body: PROBE });
    expect([reply.status, errorCode(reply)]).toEqual([401, 'missing_scope']);
    expect(reply.text).toContain('model.request');
  });
});

describe('admin endpoints', () => {
  it('refuse a normal project key with 401 missing_scope api.usage.read (403 in costs_forbidden)', async () => {
    for (const [name, status] of [['healthy', 401], ['costs_forbidden', 403]] as const) {
      for (const path of ['/v1/organization/costs?start_time=1', '/v1/organization/spend_limit']) {
        const reply = await call(service(name), path);
        expect([reply.status, errorCode(reply)]).toEqual([status, 'missing_scope']);
        expect(reply.text).toContain('api.usage.read');
      }
    }
  });

  it('report the spend limit in cents, enforcing or not', async () => {
    const enforcing = await call(service('spend_limit_enforcing'), '/v1/organization/spend_limit');
    expect(enforcing.json).toEqual({ object: 'organization.spend_limit', threshold_amount: 2000, currency: 'USD', interval: 'month', enforcement: { status: 'enforcing' } });
    const inactive = await call(service('healthy_with_spend'), '/v1/organization/spend_limit');
    expect(inactive.json).toMatchObject({ enforcement: { status: 'inactive' } });
  });
});

describe('legacy dashboard endpoints', () => {
  it('are dead on api.openai.com: 403 "must be made with a session key" naming the path (E23)', async () => {
    const svc = service('healthy');
    for (const path of ['/dashboard/billing/subscription', '/v1/dashboard/billing/usage']) {
      const reply = await call(svc, path);
      expect(reply.status).toBe(403);
      expect(reply.json).toMatchObject({ error: { type: 'server_error', code: null } });
      expect(reply.text).toContain(`GET ${path} must be made with a session key`);
    }
  });

  it('answer on the relay in dollars (subscription) and cents (usage)', async () => {
    const svc = service('relay_balance_low');
    for (const prefix of ['', '/v1']) {
      const sub = await call(svc, `${prefix}/dashboard/billing/subscription`);
      expect(sub.json).toMatchObject({ object: 'billing_subscription', has_payment_method: true, hard_limit_usd: 20 });
      const usage = await call(svc, `${prefix}/dashboard/billing/usage?start_date=2026-09-01&end_date=2026-09-21`);
      expect(usage.json).toMatchObject({ object: 'list', total_usage: 1725 });
      expect((usage.json as { daily_costs: { timestamp: number }[] }).daily_costs[0]!.timestamp).toBe(Date.UTC(2026, 8, 1) / 1000);
    }
  });

  it('are 404 Invalid URL on a relay that does not implement them', async () => {
    const reply = await call(service('healthy'), '/dashboard/billing/subscription', { base: MOCK_RELAY_BASE });
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('Invalid URL (GET /dashboard/billing/subscription)');
  });
});

describe('transport faults', () => {
  it('fails each endpoint once with a 500, then recovers; reset() re-arms it', async () => {
    const svc = service('server_error_then_recovery');
    const first = await call(svc, '/v1/models');
    expect([first.status, (first.json as { error: { type: string } }).error.type]).toEqual([500, 'server_error']);
    expect((await call(svc, '/v1/models')).status).toBe(200);
    expect((await call(svc, '/v1/chat/completions', { method: 'POST', body: PROBE })).status).toBe(500);
    expect((await call(svc, '/v1/chat/completions', { method: 'POST', body: PROBE })).status).toBe(200);
    svc.reset();
    expect((await call(svc, '/v1/models')).status).toBe(500);
  });

  it('fails by arrival order even when answers are delayed and overlap', async () => {
    const svc = service('server_error_then_recovery', { latencyMs: 30 });
    const replies = await Promise.all([call(svc, '/v1/models'), call(svc, '/v1/models'), call(svc, '/v1/models')]);
    expect(replies.map((reply) => reply.status)).toEqual([500, 200, 200]);
  });

  it('never answers in the timeout scenario', async () => {
    const pending = call(service('timeout'), '/v1/models');
    const winner = await Promise.race([pending.then(() => 'answered'), new Promise((resolve) => setTimeout(resolve, 50, 'still waiting'))]);
    expect(winner).toBe('still waiting');
  });

  it('sends an nginx 502 HTML page in html_error_page, before any key check', async () => {
    const reply = await call(service('html_error_page'), '/v1/models', { key: null });
    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.text).toContain('<title>502 Bad Gateway</title>');
    expect(reply.json).toBeUndefined();
  });

  it('sends a cut-off JSON body in malformed_json and a wrong shape in schema_mismatch', async () => {
    const malformed = await call(service('malformed_json'), '/v1/models');
    expect([malformed.status, malformed.headers.get('content-type')]).toEqual([200, 'application/json']);
    expect(malformed.text.startsWith('{"object":"list"')).toBe(true);
    expect(malformed.json).toBeUndefined();
    const mismatch = await call(service('schema_mismatch'), '/v1/models');
    expect(mismatch.status).toBe(200);
    expect(Array.isArray((mismatch.json as { data: unknown }).data)).toBe(false);
  });
});

describe('latency and counts', () => {
  it('delays every answer by the latency option, which overrides the scenario', async () => {
    const svc = service('healthy', { latencyMs: 60 });
    const started = Date.now();
    expect((await call(svc, '/v1/models')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(svc.log()[0]!.ms).toBeGreaterThanOrEqual(55);
  });

  it('counts requests per endpoint, both path spellings together, and resets', async () => {
    const svc = service('healthy_with_spend');
    await call(svc, '/v1/models');
    await call(svc, '/v1/models', { key: 'sk-wrong-key-0000' });
    await call(svc, '/v1/chat/completions', { method: 'POST', body: PROBE });
    await call(svc, '/dashboard/billing/subscription');
    await call(svc, '/v1/dashboard/billing/subscription');
    await call(svc, '/v1/organization/spend_limit', { base: MOCK_OPENAI_BASE });
    expect(svc.requests()).toEqual({ models: 2, chat: 1, costs: 0, spend_limit: 1, subscription: 2, usage: 0 });
    expect(svc.log().map((r) => [r.endpoint, r.status])).toEqual([
      ['models', 200], ['models', 401], ['chat', 200], ['subscription', 200], ['subscription', 200], ['spend_limit', 200],
    ]);
    svc.reset();
    expect(Object.values(svc.requests()).every((n) => n === 0)).toBe(true);
    expect(svc.log()).toEqual([]);
  });
});
