// runCheck's `adminKey` (for the relay and the CLI): on api.openai.com the Admin-scope
// endpoints (costs, spend limit) go with it; everything else keeps the project key; on
// any other base, and without it, nothing changes.
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckConfig } from '../../../src/billing/check.ts';
import type { EndpointMemory, MemoryScope } from '../../../src/billing/memory.ts';
import type { Endpoint } from '../../../src/health/endpoints.ts';
import { E1_MODELS, E24_RELAY_SUBSCRIPTION, E25_USAGE, E27_PROBE_OK, E2_COSTS, E6_NO_LIMIT, E9_MISSING_USAGE_SCOPE } from '../billing/bodies.ts';
import { createFakeFetch, instantSleep, json } from '../billing/fake-fetch.ts';

const PROJECT = 'sk-proj-project-key-0001';
const ADMIN = 'sk-admin-admin-key-0001';
const NOW = new Date('2025-09-03T12:00:00Z');

function upstream() {
  return createFakeFetch({
    'GET /v1/models': json(E1_MODELS),
    'POST /v1/chat/completions': json(E27_PROBE_OK),
    'GET /v1/organization/costs': json(E2_COSTS),
    'GET /v1/organization/spend_limit': json(E6_NO_LIMIT),
    'GET /dashboard/billing/subscription': json(E24_RELAY_SUBSCRIPTION),
    'GET /dashboard/billing/usage': json(E25_USAGE),
  });
}

function config(fake: ReturnType<typeof upstream>, extra: Partial<CheckConfig> = {}): CheckConfig {
  return { apiKey: PROJECT, baseUrl: '', quotaProbe: true, probeModel: 'gpt-4o-mini-2024-07-18', fetch: fake.fetch, now: () => NOW, sleep: instantSleep, ...extra };
}

const keyOf = (fake: ReturnType<typeof upstream>, route: string) => fake.callsTo(route).map((call) => call.headers.authorization);

describe('runCheck with an Admin key', () => {
  it('asks costs and the spend limit on api.openai.com with the Admin key, the rest with the project key', async () => {
    const fake = upstream();
    const signals = await runCheck(config(fake, { adminKey: ` ${ADMIN}\n` }));
    expect(keyOf(fake, 'GET /v1/models')).toEqual([`Bearer ${PROJECT}`]);
    expect(keyOf(fake, 'POST /v1/chat/completions')).toEqual([`Bearer ${PROJECT}`]);
    expect(keyOf(fake, 'GET /v1/organization/costs')).toEqual([`Bearer ${ADMIN}`]);
    expect(keyOf(fake, 'GET /v1/organization/spend_limit')).toEqual([`Bearer ${ADMIN}`]);
    expect(fake.callsTo('GET /dashboard/billing/subscription')).toEqual([]);
    expect(signals.costs).toMatchObject({ kind: 'ok', value: { monthToDateUsd: 1.28498135 } });
    expect(signals.spend_limit).toEqual({ kind: 'ok', value: { limitUsd: null, enforcing: false } });
  });

  it('without it, api.openai.com is as before: the Admin endpoints are not asked', async () => {
    for (const adminKey of [undefined, '', '  ', 'sk-admin-ключ']) {
      const fake = upstream();
      const signals = await runCheck(config(fake, adminKey === undefined ? {} : { adminKey }));
      expect(fake.calls.map((call) => new URL(call.url).pathname).sort()).toEqual(['/v1/chat/completions', '/v1/models']);
      expect(signals.costs).toEqual({ kind: 'skipped', reason: 'unavailable' });
      expect(signals.spend_limit).toEqual({ kind: 'skipped', reason: 'unavailable' });
    }
  });

  it('on any other base it is never sent: costs and the spend limit go as without it', async () => {
    for (const baseUrl of ['https://relay.example.com', 'http://127.0.0.1:3000', 'https://api.openai.com.evil.example']) {
      const withAdmin = upstream();
      const signalsWith = await runCheck(config(withAdmin, { baseUrl, adminKey: ADMIN }));
      const without = upstream();
      const signalsWithout = await runCheck(config(without, { baseUrl }));
      expect(withAdmin.calls.map((call) => call.headers.authorization)).not.toContain(`Bearer ${ADMIN}`);
      expect(keyOf(withAdmin, 'GET /v1/organization/costs')).toEqual(keyOf(without, 'GET /v1/organization/costs'));
      expect(keyOf(withAdmin, 'GET /v1/organization/spend_limit')).toEqual(keyOf(without, 'GET /v1/organization/spend_limit'));
      expect(keyOf(withAdmin, 'GET /dashboard/billing/subscription')).toEqual([`Bearer ${PROJECT}`]);
      expect(signalsWith.costs).toEqual(signalsWithout.costs);
      expect(signalsWith.spend_limit).toEqual(signalsWithout.spend_limit);
    }
  });

  it('still refuses an Admin key as the project key (the browser rule)', async () => {
    const fake = upstream();
    const signals = await runCheck(config(fake, { apiKey: ADMIN, adminKey: ADMIN }));
    expect(signals.models).toMatchObject({ kind: 'error', code: 'key_invalid', apiCode: 'admin_key_refused' });
    expect(fake.calls).toEqual([]);
  });

  it('remembers a refusal of the Admin key under the Admin key, and then does not ask it', async () => {
    const remembered: [MemoryScope, Endpoint][] = [];
    const memory: EndpointMemory = {
      isUnavailable: (scope, endpoint) => remembered.some(([s, e]) => s.apiKey === scope.apiKey && s.base === scope.base && e === endpoint),
      remember: (scope, endpoint) => void remembered.push([scope, endpoint]),
    };
    const refusing = createFakeFetch({
      'GET /v1/models': json(E1_MODELS),
      'POST /v1/chat/completions': json(E27_PROBE_OK),
      'GET /v1/organization/costs': json(E9_MISSING_USAGE_SCOPE, 401),
      'GET /v1/organization/spend_limit': json(E6_NO_LIMIT),
    });
    await runCheck(config(refusing, { adminKey: ADMIN, memory }));
    expect(remembered).toEqual([[{ base: 'https://api.openai.com', apiKey: ADMIN }, 'costs']]);
    const again = upstream();
    const signals = await runCheck(config(again, { adminKey: ADMIN, memory }));
    expect(again.callsTo('GET /v1/organization/costs')).toEqual([]);
    expect(signals.costs).toEqual({ kind: 'skipped', reason: 'unavailable' });
  });
});
