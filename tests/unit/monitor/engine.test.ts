import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../src/monitor/storage.ts';
import { createLocalLockManager } from '../../../src/monitor/tab-lock.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import type { HealthOptions } from '../../../src/health/types.ts';
import { createEngineSource } from '../../../src/monitor/engine.ts';
import { MODELS_LIST } from '../../../src/mocks/bodies.ts';
import engine from '../../../src/lazy/engine.ts';
import { settled } from './settled.ts';

const KEY = 'sk-proj-SECRETSECRETSECRET1234';
const BASE = 'https://api.openai.com';
const RELAY = 'https://relay.example.test';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function fakeFetch(answer: (path: string) => Response) {
  const calls: { url: string; auth: string | null }[] = [];
  const fetchImpl: typeof globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
    return answer(new URL(url).pathname);
  }) as typeof globalThis.fetch;
  return { fetch: fetchImpl, calls };
}

const invalidKey = () =>
  jsonResponse({ error: { message: `Incorrect API key provided: ${KEY}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, 401);

function makeSource(
  fetch: typeof globalThis.fetch,
  storage = createMemoryStorage(),
  options: Partial<HealthOptions> = {},
  now = () => Date.parse('2026-11-27T10:00:00Z'),
  baseUrl = BASE,
) {
  return {
    storage,
    source: createEngineSource(
      { apiKey: KEY, baseUrl, options: { ...DEFAULT_OPTIONS, ...options } },
      { accountId: '123', loadEngine: async () => engine, fetch, now, memory: createUnavailableMemory(), coordinator: { storage, channel: null, locks: createLocalLockManager() } },
    ),
  };
}

describe('createEngineSource', () => {
  it('checks, evaluates, and sends the key only to the base URL', async () => {
    const { fetch, calls } = fakeFetch((path) => (path === '/v1/models' ? jsonResponse(MODELS_LIST) : jsonResponse({}, 404)));
    const { source } = makeSource(fetch, createMemoryStorage(), { quotaProbe: false });
    const done = settled(source);
    source.refresh();
    await done;
    const snapshot = source.snapshot();
    expect(snapshot.report).not.toBeNull();
    expect(snapshot.report?.findings.map((f) => f.code)).toContain('quota_unverified');
    expect(snapshot.report?.findings.map((f) => f.code)).not.toContain('key_invalid');
    expect(snapshot.report?.checkedAt).toBe('2026-11-27T10:00:00.000Z');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.url.startsWith(`${BASE}/`)).toBe(true);
      expect(call.url).not.toContain(KEY);
    }
    source.dispose();
  });

  it('caches signals without the key or server messages', async () => {
    const { fetch } = fakeFetch(() => invalidKey());
    const { source, storage } = makeSource(fetch);
    const done = settled(source);
    source.recheck();
    await done;
    expect(source.snapshot().report?.status).toBe('critical');
    const stored = storage.entries();
    expect(stored.length).toBeGreaterThan(0);
    for (const [name, value] of stored) {
      expect(name).not.toContain(KEY);
      expect(value).not.toContain(KEY);
      expect(value).not.toContain('SECRET');
      expect(value).not.toContain('Incorrect API key');
    }
    source.dispose();
  });

  it('lets another source on the same storage show the cached report at once', async () => {
    const { fetch, calls } = fakeFetch((path) => (path === '/v1/models' ? jsonResponse(MODELS_LIST) : jsonResponse({}, 404)));
    const first = makeSource(fetch);
    const done = settled(first.source);
    first.source.refresh();
    await done;
    const callsAfterFirst = calls.length;

    const second = makeSource(fetch, first.storage);
    expect(second.source.snapshot().report?.status).toBe(first.source.snapshot().report?.status);
    second.source.refresh(); // fresh in the cache: no new requests
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.length).toBe(callsAfterFirst);
    first.source.dispose();
    second.source.dispose();
  });

  it('a refresh one interval after a check runs the next one', async () => {
    let t = Date.parse('2026-11-27T10:00:00Z');
    const { fetch, calls } = fakeFetch((path) => (path === '/v1/models' ? jsonResponse(MODELS_LIST) : jsonResponse({}, 404)));
    const { source } = makeSource(fetch, createMemoryStorage(), { checkEveryMinutes: 15 }, () => t);
    let done = settled(source);
    source.refresh();
    await done;
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the first check finish settling
    const first = calls.length;
    t += 15 * 60_000 - 1_000; // a timer that fires a second early still finds it due
    done = settled(source);
    source.refresh();
    await done;
    expect(calls.length).toBeGreaterThan(first);
    source.dispose();
  });

  it("does not judge last month's spend against this month's budget", async () => {
    let t = Date.parse('2026-11-30T23:50:00Z');
    const bucket = { object: 'bucket', start_time: Date.parse('2026-11-01T00:00:00Z') / 1000, results: [{ amount: { value: '95', currency: 'usd' } }] };
    const costs = { object: 'page', data: [bucket], has_more: false, next_page: null };
    const { fetch } = fakeFetch((path) =>
      path === '/v1/models' ? jsonResponse(MODELS_LIST) : path === '/v1/organization/costs' ? jsonResponse(costs) : jsonResponse({}, 404),
    );
    // Spend is read through a relay (on api.openai.com costs needs an Admin key).
    const first = makeSource(fetch, createMemoryStorage(), { monthlyBudgetUsd: 100, quotaProbe: false }, () => t, RELAY);
    const done = settled(first.source);
    first.source.refresh();
    await done;
    expect(first.source.snapshot().report?.findings.map((f) => f.code)).toContain('budget_near');
    first.source.dispose();

    // The same cached check, shown by a card opened after midnight UTC on the 1st.
    t = Date.parse('2026-12-01T00:05:00Z');
    const later = makeSource(fetch, first.storage, { monthlyBudgetUsd: 100, quotaProbe: false }, () => t, RELAY);
    const report = later.source.snapshot().report;
    expect(report?.checkedAt).toBe('2026-11-30T23:50:00.000Z');
    expect(report?.spend).toBeUndefined();
    expect(report?.findings.map((f) => f.code)).not.toContain('budget_near');
    later.source.dispose();
  });

  it('keeps the last success across failed checks, so stale can fire', async () => {
    let t = Date.parse('2026-11-27T10:00:00Z');
    let up = true;
    const { fetch } = fakeFetch((path) =>
      up ? (path === '/v1/models' ? jsonResponse(MODELS_LIST) : jsonResponse({}, 404)) : jsonResponse({ error: 'down' }, 503),
    );
    const { source } = makeSource(fetch, createMemoryStorage(), { checkEveryMinutes: 1 }, () => t);
    let done = settled(source);
    source.recheck();
    await done;
    up = false;
    t += 10 * 60_000;
    done = settled(source);
    source.recheck();
    await done;
    const codes = source.snapshot().report?.findings.map((f) => f.code) ?? [];
    expect(codes).toContain('stale');
    expect(codes).toContain('unreachable');
    source.dispose();
  }, 15_000);
});

describe('the check history', () => {
  it('records each check once, newest first, with codes and never the key', async () => {
    let t = Date.parse('2026-11-27T10:00:00Z');
    let healthy = true;
    const { fetch } = fakeFetch((path) => (path !== '/v1/models' ? jsonResponse({}, 404) : healthy ? jsonResponse(MODELS_LIST) : invalidKey()));
    const { source, storage } = makeSource(fetch, createMemoryStorage(), { quotaProbe: false }, () => t);
    let done = settled(source);
    source.recheck();
    await done;
    healthy = false;
    t += 60_000;
    done = settled(source);
    source.recheck();
    await done;
    expect(source.history()).toEqual([
      { at: '2026-11-27T10:01:00.000Z', status: 'critical', findings: ['key_invalid', 'quota_unverified', 'spend_unavailable'] },
      { at: '2026-11-27T10:00:00.000Z', status: 'ok', findings: ['quota_unverified', 'spend_unavailable'] },
    ]);
    expect(JSON.stringify(storage.entries())).not.toContain(KEY);
    source.dispose();
  });
});

describe('a cached value that does not fit the schema', () => {
  it('is ignored: the panel shows no "$NaN", and a fresh check runs', async () => {
    const { fetch, calls } = fakeFetch((path) => (path === '/v1/models' ? jsonResponse(MODELS_LIST) : jsonResponse({}, 404)));
    const first = makeSource(fetch, createMemoryStorage(), { quotaProbe: false });
    let done = settled(first.source);
    first.source.refresh();
    await done;
    first.source.dispose();
    // Corrupt the cached entry the way the issue describes: an ok costs without numbers.
    const [[name, text]] = first.storage.entries().filter(([key]) => key.includes(':check:')) as [[string, string]];
    const entry = JSON.parse(text) as { value: Record<string, unknown> };
    entry.value.costs = { kind: 'ok', value: {} };
    first.storage.setItem(name, JSON.stringify(entry));

    const before = calls.length;
    const second = makeSource(fetch, first.storage, { quotaProbe: false });
    expect(second.source.snapshot().report).toBeNull();
    done = settled(second.source);
    second.source.refresh();
    await done;
    expect(calls.length).toBeGreaterThan(before);
    expect(second.source.snapshot().report?.spend).toBeUndefined();
    second.source.dispose();
  });
});
