// The relay's HTTP contract (docs/relay.md): 401/403 with short reasons, CORS only for
// the account's Kommo origin, 404 for anything but the one route, 400 for bad options,
// 429 per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayMock, type RelayMock } from '../../../scripts/relay-mock.ts';
import { ACCOUNT_B, optionsQuery, ORIGIN_A, signToken, testConfig, testRelay, TEST_UUID, type TestRelay } from './relay-helpers.ts';

let mock: RelayMock;
beforeAll(() => {
  mock = startRelayMock('healthy');
});
afterAll(() => mock.close());

const DEMO_ORIGIN = 'http://127.0.0.1:5173';
const relay = (): TestRelay => testRelay(testConfig({ RELAY_ALLOWED_ORIGINS: DEMO_ORIGIN }));

describe('authentication', () => {
  it.each([
    ['no header', async (): Promise<string | undefined> => undefined, 401, 'unauthorized', 'missing_token'],
    ['a forged signature', () => signToken({ secret: 'a-different-secret-0123456789abcdef0123' }), 401, 'unauthorized', 'bad_signature'],
    ['an expired token', () => signToken({ iat: Math.floor(Date.now() / 1000) - 3600 }), 401, 'unauthorized', 'expired'],
    ['another integration', () => signToken({ claims: { client_uuid: 'ffffffff-0000-4000-8000-000000000000' } }), 401, 'unauthorized', 'wrong_integration'],
    ['an account not in KOMMO_ACCOUNT_IDS', () => signToken({ claims: { account_id: 99 } }), 403, 'forbidden', 'account_not_allowed'],
  ] as const)('%s → %i', async (_name, token, status, error, reason) => {
    const value = await token();
    const response = await relay().get('', value === undefined ? {} : { 'X-Auth-Token': value });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error, reason });
    expect(mock.total()).toBe(0);
  });

  it('the allowed second account gets its report', async () => {
    const response = await relay().get('', { 'X-Auth-Token': await signToken({ claims: { account_id: ACCOUNT_B, client_uuid: TEST_UUID } }) });
    expect(response.status).toBe(200);
    mock.reset();
  });
});

describe('CORS', () => {
  it("echoes the account's own Kommo origin", async () => {
    const response = await relay().get('', { 'X-Auth-Token': await signToken(), Origin: ORIGIN_A });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
    expect(response.headers.get('vary')).toBe('Origin');
    mock.reset();
  });

  it('refuses another site, and another Kommo account’s page, with 403 and no report', async () => {
    for (const origin of ['https://evil.example.com', 'https://other.kommo.com', 'http://acme.kommo.com', 'https://acme.kommo.com.evil.io']) {
      const response = await relay().get('', { 'X-Auth-Token': await signToken(), Origin: origin });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'forbidden', reason: 'origin_not_allowed' });
      // A Kommo page may read the refusal (so the widget can say so); others may not.
      expect(response.headers.get('access-control-allow-origin')).toBe(origin === 'https://other.kommo.com' ? origin : null);
    }
    expect(mock.total()).toBe(0);
  });

  it('lets a Kommo page read a 401, so the widget can tell refused from unreachable', async () => {
    const response = await relay().get('', { Origin: ORIGIN_A });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
  });

  it('allows the extra origins of RELAY_ALLOWED_ORIGINS', async () => {
    const response = await relay().get('', { 'X-Auth-Token': await signToken(), Origin: DEMO_ORIGIN });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(DEMO_ORIGIN);
    mock.reset();
  });

  it('answers a preflight from any Kommo account or extra origin, for GET with X-Auth-Token only', async () => {
    const preflight = (origin: string, method = 'GET', headers = 'x-auth-token') =>
      relay().app.request('/v1/report', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers } });
    for (const origin of ['https://other-account.kommo.com', DEMO_ORIGIN]) {
      const ok = await preflight(origin);
      expect(ok.status).toBe(204);
      expect(Object.fromEntries(ok.headers)).toMatchObject({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, OPTIONS',
        'access-control-allow-headers': 'X-Auth-Token',
      });
    }
    const refusals: [string, string, string][] = [
      ['https://evil.example.com', 'GET', 'x-auth-token'],
      [ORIGIN_A, 'POST', 'x-auth-token'],
      [ORIGIN_A, 'GET', 'x-auth-token, authorization'],
    ];
    for (const [origin, method, headers] of refusals) {
      const refused = await preflight(origin, method, headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('routes', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/v1/models'],
    ['GET', '/v1/organization/costs'],
    ['GET', '/v1/report/extra'],
    ['GET', '/v1/reports'],
    ['POST', '/v1/report'],
    ['PUT', '/v1/report'],
    ['DELETE', '/v1/report'],
    ['OPTIONS', '/v1/models'],
  ])('%s %s → 404, nothing proxied', async (method, path) => {
    const response = await relay().app.request(path, { method, headers: { 'X-Auth-Token': await signToken() } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
    expect(mock.total()).toBe(0);
  });
});

describe('options', () => {
  it.each([
    ['?options=%7Bnot%20json', 'options: malformed JSON'],
    ['?options=%5B1%2C2%5D', 'options: expected a JSON object'],
    [optionsQuery({ monthlyBudgetUsd: -5 }), 'monthlyBudgetUsd: expected a number of US dollars greater than 0, or null'],
    [optionsQuery({ cardExpiry: '13/29', checkEveryMinutes: 0 }), 'cardExpiry: expected "MM/YY" (month 01-12) or null; checkEveryMinutes: expected a whole number of minutes from 1 to 1440'],
    [`?options=${'x'.repeat(5000)}`, 'options: longer than 4096 characters'],
  ])('%s → 400 with the reason', async (query, reason) => {
    const response = await relay().get(query, { 'X-Auth-Token': await signToken() });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'bad_options', reason });
    expect(mock.total()).toBe(0);
  });

  it('no options, or unknown keys, are fine (defaults; unknown keys are kept)', async () => {
    for (const query of ['', '?options=', optionsQuery({ futureOption: true, monthlyBudgetUsd: 100 })]) {
      expect((await relay().get(query, { 'X-Auth-Token': await signToken() })).status).toBe(200);
    }
    mock.reset();
  });
});

describe('rate limit', () => {
  it('a user past RELAY_RATE_LIMIT_PER_MINUTE gets 429 with Retry-After; other users do not', async () => {
    const limited = testRelay(testConfig({ RELAY_RATE_LIMIT_PER_MINUTE: '2' }));
    const token = await signToken({ claims: { user_id: 5 } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await limited.get('', { 'X-Auth-Token': token, Origin: ORIGIN_A })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await limited.get('', { 'X-Auth-Token': token, Origin: ORIGIN_A });
    expect(await refused.json()).toEqual({ error: 'rate_limited', reason: 'too_many_requests' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect((await limited.get('', { 'X-Auth-Token': await signToken({ claims: { user_id: 6 } }) })).status).toBe(200);
    mock.reset();
  });
});
