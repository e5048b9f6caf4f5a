import { describe, expect, it } from 'vitest';
import { runCheck, type CheckConfig } from '../../../src/billing/check.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';
import { createMemoryStorage } from '../../../src/monitor/storage.ts';
import { createFakeFetch, instantSleep, json, type Route } from './fake-fetch.ts';
import * as E from './bodies.ts';

const KEY = 'sk-proj-unit-test-key-0123456789';
const NOW = new Date('2026-09-15T10:30:00Z');
const MONTH_START_S = Date.UTC(2026, 8, 1) / 1000;
const RELAY = 'https://relay.example.test/v1';

const healthyOpenAI: Record<string, Route> = {
  'GET /v1/models': json(E.E1_MODELS),
  'POST /v1/chat/completions': json(E.E27_PROBE_OK),
  'GET /v1/organization/costs': json(E.E9_MISSING_USAGE_SCOPE, 401),
  'GET /v1/organization/spend_limit': json(E.E9_MISSING_USAGE_SCOPE, 401),
};

function config(fetchImpl: typeof fetch, extra: Partial<CheckConfig> = {}): CheckConfig {
  return {
    apiKey: KEY, baseUrl: '', quotaProbe: true, probeModel: 'gpt-4o-mini-2024-07-18',
    fetch: fetchImpl, memory: createUnavailableMemory(), now: () => NOW, random: () => 0.5, sleep: instantSleep,
    ...extra,
  };
}

describe('runCheck on OpenAI with a normal key', () => {
  it('reads models, probes, and finds spend unavailable; balance is not applicable', async () => {
    const fake = createFakeFetch(healthyOpenAI);
    const signals = await runCheck(config(fake.fetch));
    expect(signals.models).toEqual({ kind: 'ok', value: { count: 5 } });
    expect(signals.probe).toEqual({ kind: 'ok', value: { model: 'gpt-4o-mini-2024-07-18' } });
    // Admin-scope endpoints are not even asked with a project key on OpenAI (rule 2).
    expect(signals.costs).toEqual({ kind: 'skipped', reason: 'unavailable' });
    expect(signals.spend_limit).toEqual({ kind: 'skipped', reason: 'unavailable' });
    expect(fake.calls.some((c) => c.url.includes('/v1/organization/'))).toBe(false);
    expect(signals.balance).toEqual({ kind: 'skipped', reason: 'not_applicable' });
    expect(signals.lastSuccessAt).toBe(NOW.toISOString());
    expect(fake.calls.some((c) => c.url.includes('/dashboard/'))).toBe(false);
  });

  it('sends the key only as Bearer, only to the base, never in a URL', async () => {
    const fake = createFakeFetch(healthyOpenAI);
    await runCheck(config(fake.fetch));
    expect(fake.calls.length).toBeGreaterThan(0);
    for (const call of fake.calls) {
      expect(new URL(call.url).origin).toBe('https://api.openai.com');
      expect(call.url).not.toContain(KEY);
      expect(call.headers.authorization).toBe(`Bearer ${KEY}`);
    }
  });

  it('sends a one-token probe to the configured model', async () => {
    const fake = createFakeFetch(healthyOpenAI);
    await runCheck(config(fake.fetch, { probeModel: 'gpt-4.1-nano-2025-04-14' }));
    const body = JSON.parse(fake.callsTo('POST /v1/chat/completions')[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'gpt-4.1-nano-2025-04-14', max_completion_tokens: 1 });
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('skips the probe when it is off', async () => {
    const fake = createFakeFetch(healthyOpenAI);
    const signals = await runCheck(config(fake.fetch, { quotaProbe: false }));
    expect(signals.probe).toEqual({ kind: 'skipped', reason: 'disabled' });
    expect(fake.callsTo('POST /v1/chat/completions')).toHaveLength(0);
  });

  it('classifies an exhausted account: models still list, the probe says no credits', async () => {
    const fake = createFakeFetch({ ...healthyOpenAI, 'POST /v1/chat/completions': json(E.E10_CREDITS, 429) });
    const signals = await runCheck(config(fake.fetch));
    expect(signals.models.kind).toBe('ok');
    expect(signals.probe).toMatchObject({ kind: 'error', code: 'credits_exhausted', status: 429, apiCode: 'credit_balance_exhausted' });
    expect(fake.callsTo('POST /v1/chat/completions')).toHaveLength(1);
  });

  it('reports an invalid key without lastSuccessAt', async () => {
    const fake = createFakeFetch({ 'GET /v1/models': json(E.E14_INVALID_KEY, 401), 'POST /v1/chat/completions': json(E.E14_INVALID_KEY, 401) });
    const signals = await runCheck(config(fake.fetch));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'key_invalid', status: 401 });
    expect(signals.lastSuccessAt).toBeUndefined();
    // The masked key in OpenAI's message is scrubbed too.
    expect(JSON.stringify(signals)).not.toContain('MxYA');
  });

  it('turns an HTML page or a wrong shape into bad_response', async () => {
    const fake = createFakeFetch({
      ...healthyOpenAI,
      'GET /v1/models': new Response('<!doctype html><h1>Welcome</h1>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'POST /v1/chat/completions': json({ hello: 'world' }),
    });
    const signals = await runCheck(config(fake.fetch));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'bad_response', status: 200, apiCode: 'not_json' });
    expect(signals.probe).toMatchObject({ kind: 'error', code: 'bad_response', status: 200 });
  });

  it('gives unreachable after retrying a failing network', async () => {
    let calls = 0;
    const down = (async () => {
      calls += 1;
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const signals = await runCheck(config(down, { quotaProbe: false }));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'unreachable', apiCode: 'network' });
    // Only models is asked on OpenAI with the probe off: three tries.
    expect(calls).toBe(3);
  });
});

describe('runCheck without requests', () => {
  it.each(['', '   '])('an empty key (%j) is key_invalid and sends nothing', async (apiKey) => {
    const fake = createFakeFetch(healthyOpenAI);
    const signals = await runCheck(config(fake.fetch, { apiKey }));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'key_invalid' });
    expect(signals.probe).toEqual({ kind: 'skipped', reason: 'not_applicable' });
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses an Admin key without sending it', async () => {
    const fake = createFakeFetch(healthyOpenAI);
    const signals = await runCheck(config(fake.fetch, { apiKey: 'sk-admin-1234abcd', quotaProbe: false }));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'key_invalid', apiCode: 'admin_key_refused' });
    expect(signals.probe).toEqual({ kind: 'skipped', reason: 'disabled' });
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a plain-http base without sending the key', async () => {
    const fake = createFakeFetch(healthyOpenAI);
    const signals = await runCheck(config(fake.fetch, { baseUrl: 'http://relay.example.test' }));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'unreachable', apiCode: 'base_url_not_https' });
    expect(fake.calls).toHaveLength(0);
  });

  it('never throws, even when fetch itself is broken', async () => {
    const broken = (() => {
      throw new Error('boom');
    }) as unknown as typeof fetch;
    const signals = await runCheck(config(broken));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'unreachable' });
  });
});

describe('runCheck through a relay', () => {
  const relayRoutes: Record<string, Route> = {
    'GET /v1/models': json(E.E1_MODELS),
    'POST /v1/chat/completions': json(E.E27_PROBE_OK),
    'GET /v1/organization/costs': json(E.E2_COSTS),
    'GET /v1/organization/spend_limit': json(E.E6_SPEND_LIMIT),
    'GET /dashboard/billing/subscription': json(E.E24_RELAY_SUBSCRIPTION),
    'GET /dashboard/billing/usage': json(E.E25_USAGE),
  };

  it('reads spend, the spend limit (cents → USD) and the balance (usage in cents)', async () => {
    const fake = createFakeFetch(relayRoutes);
    const signals = await runCheck(config(fake.fetch, { baseUrl: RELAY, now: () => new Date('2025-09-15T00:00:00Z') }));
    expect(signals.spend_limit).toEqual({ kind: 'ok', value: { limitUsd: 100, enforcing: true } });
    expect(signals.balance).toEqual({ kind: 'ok', value: { totalUsd: 1000, usedUsd: 1.06619, remainingUsd: 1000 - 1.06619 } });
    expect(signals.costs.kind).toBe('ok');
    if (signals.costs.kind === 'ok') {
      expect(signals.costs.value.monthToDateUsd).toBeCloseTo(0.00042075 + 0.0000606 + 0.05 + 1.2345, 10);
      expect(signals.costs.value.daily.map((d) => d.date)).toEqual(['2025-09-01', '2025-09-02', '2025-09-03']);
      expect(signals.costs.value.daily[1]?.usd).toBe(0);
    }
    const probe = JSON.parse(fake.callsTo('POST /v1/chat/completions')[0]?.body ?? '{}') as Record<string, unknown>;
    expect(probe).toMatchObject({ max_tokens: 1 });
    for (const call of fake.calls) expect(call.url.startsWith('https://relay.example.test/')).toBe(true);
  });

  it('asks costs from the first of the month UTC, by day', async () => {
    const fake = createFakeFetch(relayRoutes);
    await runCheck(config(fake.fetch, { baseUrl: RELAY }));
    const url = new URL(fake.callsTo('GET /v1/organization/costs')[0]?.url ?? '');
    expect(url.searchParams.get('start_time')).toBe(String(MONTH_START_S));
    expect(url.searchParams.get('bucket_width')).toBe('1d');
    // A whole month of daily buckets fits in one page.
    expect(url.searchParams.get('limit')).toBe('31');
    const usage = new URL(fake.callsTo('GET /dashboard/billing/usage')[0]?.url ?? '');
    expect(usage.searchParams.get('start_date')).toBe('2026-09-01');
    expect(usage.searchParams.get('end_date')).toBe('2026-09-16');
  });

  it('reads "no limit" (threshold 0) as no limit, not $0', async () => {
    const fake = createFakeFetch({ ...relayRoutes, 'GET /v1/organization/spend_limit': json(E.E6_NO_LIMIT) });
    const signals = await runCheck(config(fake.fetch, { baseUrl: RELAY }));
    expect(signals.spend_limit).toEqual({ kind: 'ok', value: { limitUsd: null, enforcing: false } });
  });

  it('classifies an error body sent with HTTP 200 (one-api style)', async () => {
    const fake = createFakeFetch({ ...relayRoutes, 'POST /v1/chat/completions': json(E.E11_QUOTA, 200) });
    const signals = await runCheck(config(fake.fetch, { baseUrl: RELAY }));
    expect(signals.probe).toMatchObject({ kind: 'error', code: 'credits_exhausted', status: 200 });
  });

  it('sends every independent request at once', async () => {
    const releases: Array<() => void> = [];
    const gate = (body: unknown) => () => new Promise<Response>((resolve) => releases.push(() => resolve(json(body))));
    const fake = createFakeFetch({
      'GET /v1/models': gate(E.E1_MODELS),
      'POST /v1/chat/completions': gate(E.E27_PROBE_OK),
      'GET /v1/organization/costs': gate(E.E2_COSTS),
      'GET /v1/organization/spend_limit': gate(E.E6_SPEND_LIMIT),
      'GET /dashboard/billing/subscription': gate(E.E24_RELAY_SUBSCRIPTION),
      'GET /dashboard/billing/usage': gate(E.E25_USAGE),
    });
    const pending = runCheck(config(fake.fetch, { baseUrl: RELAY }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // All six are in flight before any has answered.
    expect(fake.calls).toHaveLength(6);
    releases.forEach((release) => release());
    expect((await pending).balance.kind).toBe('ok');
  });
});

describe('runCheck remembers unavailable endpoints', () => {
  const relayRefusingAdmin: Record<string, Route> = {
    'GET /v1/models': json(E.E1_MODELS),
    'GET /v1/organization/costs': json(E.E9_MISSING_USAGE_SCOPE, 401),
    'GET /v1/organization/spend_limit': json(E.E9_MISSING_USAGE_SCOPE, 403),
    'GET /dashboard/billing/subscription': json(E.E23_SESSION_KEY, 403),
    'GET /dashboard/billing/usage': json(E.E23_SESSION_KEY, 403),
  };

  it('asks the Admin endpoints once a day, not on every check', async () => {
    let clock = NOW.getTime();
    const storage = createMemoryStorage();
    const memory = createUnavailableMemory({ storage, now: () => clock });
    const fake = createFakeFetch(relayRefusingAdmin);
    const first = await runCheck(config(fake.fetch, { memory, baseUrl: RELAY, quotaProbe: false }));
    const second = await runCheck(config(fake.fetch, { memory, baseUrl: RELAY, quotaProbe: false }));
    expect(first.costs).toEqual({ kind: 'skipped', reason: 'unavailable' });
    expect(second.costs).toEqual({ kind: 'skipped', reason: 'unavailable' });
    expect(second.spend_limit).toEqual({ kind: 'skipped', reason: 'unavailable' });
    expect(fake.callsTo('GET /v1/organization/costs')).toHaveLength(1);
    // The memory is filed under a hash, never the key.
    expect(JSON.stringify(storage.entries())).not.toContain(KEY);

    clock += 24 * 60 * 60 * 1000 + 1;
    await runCheck(config(fake.fetch, { memory, baseUrl: RELAY, quotaProbe: false }));
    expect(fake.callsTo('GET /v1/organization/costs')).toHaveLength(2);
  });

  it('a different key or base is a different memory', async () => {
    const memory = createUnavailableMemory();
    const fake = createFakeFetch(relayRefusingAdmin);
    await runCheck(config(fake.fetch, { memory, baseUrl: RELAY }));
    await runCheck(config(fake.fetch, { memory, baseUrl: RELAY, apiKey: `${KEY}-other` }));
    expect(fake.callsTo('GET /v1/organization/costs')).toHaveLength(2);
  });

  it('remembers nothing while the key check fails: the refusal may be the key\'s', async () => {
    const storage = createMemoryStorage();
    const memory = createUnavailableMemory({ storage });
    const fake = createFakeFetch({ ...relayRefusingAdmin, 'GET /v1/models': json(E.E14_INVALID_KEY, 401) });
    const signals = await runCheck(config(fake.fetch, { memory, baseUrl: RELAY, quotaProbe: false }));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'key_invalid' });
    // The auxiliary 401s are still "unavailable", never a second key_invalid.
    expect(signals.costs).toEqual({ kind: 'skipped', reason: 'unavailable' });
    expect(storage.entries()).toEqual([]);
  });

  it('a relay without legacy endpoints: balance is skipped as unavailable, then not asked', async () => {
    const memory = createUnavailableMemory();
    const fake = createFakeFetch({ 'GET /v1/models': json(E.E1_MODELS), 'GET /dashboard/billing/subscription': json(E.E23_SESSION_KEY, 403) });
    const first = await runCheck(config(fake.fetch, { memory, baseUrl: RELAY, quotaProbe: false }));
    expect(first.balance).toEqual({ kind: 'skipped', reason: 'unavailable' });
    await runCheck(config(fake.fetch, { memory, baseUrl: RELAY, quotaProbe: false }));
    expect(fake.callsTo('GET /dashboard/billing/subscription')).toHaveLength(1);
  });
});
