import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/billing/check.ts';
import { createCheckCoordinator } from '../../../src/monitor/check-coordinator.ts';
import { hashSettings } from '../../../src/monitor/hash.ts';
import { createMemoryStorage } from '../../../src/monitor/storage.ts';
import { createLocalLockManager } from '../../../src/monitor/tab-lock.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';
import type { Signals } from '../../../src/health/signals.ts';
import { createFakeFetch, instantSleep, json } from './fake-fetch.ts';
import * as E from './bodies.ts';

const KEY = 'relaytoken-7f3a9c2e5b8d1f4a6c0e';

// design.md: the key never appears in any storage. Run real checks through the
// coordinator and the memory, sharing one storage, then read every byte stored.
describe('the API key is never written to storage', () => {
  it('after checks that succeed, fail, echo the key, and get remembered', async () => {
    const storage = createMemoryStorage();
    const echo = { error: { message: `Invalid token ${KEY} (request req_1)`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } };
    const fake = createFakeFetch({
      'GET /v1/models': [json(E.E1_MODELS), json(echo, 401)],
      'POST /v1/chat/completions': json(echo, 401),
      'GET /v1/organization/costs': json(E.E9_MISSING_USAGE_SCOPE, 403),
      'GET /v1/organization/spend_limit': json(E.E9_MISSING_USAGE_SCOPE, 401),
      'GET /dashboard/billing/subscription': json(E.E23_SESSION_KEY, 403),
      'GET /dashboard/billing/usage': json(E.E25_USAGE),
    });
    const memory = createUnavailableMemory({ storage });
    let clock = Date.parse('2026-09-15T10:00:00Z');
    const coordinator = createCheckCoordinator<Signals>({
      cacheKey: hashSettings('account-123', 'https://relay.example.test'),
      ttlMs: 60_000,
      storage,
      locks: createLocalLockManager(),
      channel: null,
      now: () => clock,
      run: () =>
        runCheck({
          apiKey: KEY, baseUrl: 'https://relay.example.test/v1', quotaProbe: true, probeModel: 'gpt-4o-mini-2024-07-18',
          fetch: fake.fetch, memory, now: () => new Date(clock), sleep: instantSleep,
        }),
    });

    const first = await coordinator.get();
    clock += 61_000;
    const second = await coordinator.get({ force: true });
    coordinator.dispose();

    // The checks really ran and really stored things.
    expect(first.models.kind).toBe('ok');
    expect(second.models).toMatchObject({ kind: 'error', code: 'key_invalid' });
    expect(first.probe).toMatchObject({ kind: 'error', message: expect.stringContaining('[redacted]') });
    expect(storage.entries().length).toBeGreaterThanOrEqual(3);

    const everything = storage.entries().flat().join('\n');
    expect(everything).not.toContain(KEY);
    // Not even a recognisable chunk of it.
    for (let i = 0; i + 8 <= KEY.length; i += 4) expect(everything).not.toContain(KEY.slice(i, i + 8));
    // And every request went to the base only, with the key only in the header.
    for (const call of fake.calls) {
      expect(call.url.startsWith('https://relay.example.test/')).toBe(true);
      expect(call.url).not.toContain(KEY);
    }
  });
});
