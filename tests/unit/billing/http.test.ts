import { describe, expect, it, vi } from 'vitest';
import { NOT_JSON, requestJson, type HttpDeps } from '../../../src/billing/http.ts';
import { createFakeFetch, hangingFetch, json } from './fake-fetch.ts';
import * as E from './bodies.ts';

const URL_MODELS = 'https://api.openai.com/v1/models';

function deps(fetchImpl: typeof fetch, extra: Partial<HttpDeps> = {}): HttpDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    fetch: fetchImpl,
    apiKey: 'sk-test-key',
    timeoutMs: 1000,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => 1_700_000_000_000,
    sleeps,
    ...extra,
  };
}

describe('requestJson', () => {
  it('sends the key only as a Bearer header, without cookies or redirects', async () => {
    const fake = createFakeFetch({ 'GET /v1/models': json(E.E1_MODELS) });
    const result = await requestJson(deps(fake.fetch), URL_MODELS, 'GET');
    expect(result).toMatchObject({ kind: 'response', status: 200 });
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer sk-test-key');
    expect(fake.calls[0]?.url).not.toContain('sk-test-key');
    expect(fake.calls[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
  });

  it('returns NOT_JSON for an HTML page instead of throwing', async () => {
    const fake = createFakeFetch({ 'GET /v1/models': new Response('<html>502</html>', { status: 200 }) });
    expect(await requestJson(deps(fake.fetch), URL_MODELS, 'GET')).toEqual({ kind: 'response', status: 200, body: NOT_JSON });
  });

  it('retries 5xx twice with growing backoff, then gives up', async () => {
    const fake = createFakeFetch({ 'GET /v1/models': json({}, 503) });
    const d = deps(fake.fetch);
    const result = await requestJson(d, URL_MODELS, 'GET');
    expect(result).toMatchObject({ kind: 'response', status: 503 });
    expect(fake.calls).toHaveLength(3);
    expect(d.sleeps).toHaveLength(2);
    expect(d.sleeps[1]).toBeGreaterThan(d.sleeps[0] as number);
  });

  it('recovers when a retry succeeds', async () => {
    const fake = createFakeFetch({ 'GET /v1/models': [json({}, 500), json({}, 502), json(E.E1_MODELS)] });
    expect(await requestJson(deps(fake.fetch), URL_MODELS, 'GET')).toMatchObject({ status: 200 });
    expect(fake.calls).toHaveLength(3);
  });

  it('retries network errors, then reports them', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const d = deps(failing as unknown as typeof fetch);
    expect(await requestJson(d, URL_MODELS, 'GET')).toEqual({ kind: 'network', reason: 'network' });
    expect(failing).toHaveBeenCalledTimes(3);
  });

  it('times out a request that never answers, and retries it', async () => {
    const d = deps(hangingFetch(), { timeoutMs: 5 });
    expect(await requestJson(d, URL_MODELS, 'GET')).toEqual({ kind: 'network', reason: 'timeout' });
    expect(d.sleeps).toHaveLength(2);
  });

  it('times out a stalled body read', async () => {
    const stalled = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"object":'));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    expect(await requestJson(deps(stalled, { timeoutMs: 5 }), URL_MODELS, 'GET')).toEqual({ kind: 'network', reason: 'timeout' });
  });

  it.each([
    ['credits', E.E10_CREDITS],
    ['quota', E.E11_QUOTA],
    ['project cap', E.spendCap('project_spend_limit_exceeded')],
    ['terminated', E.E17_TERMINATED],
  ])('never retries a billing 429 (%s), even with retry-after', async (_name, body) => {
    const fake = createFakeFetch({ 'POST /v1/chat/completions': json(body, 429, { 'retry-after': '1' }) });
    await requestJson(deps(fake.fetch), 'https://api.openai.com/v1/chat/completions', 'POST', {});
    expect(fake.calls).toHaveLength(1);
  });

  it.each([400, 401, 403, 404])('never retries %i', async (status) => {
    const fake = createFakeFetch({ 'GET /v1/models': json(E.E14_INVALID_KEY, status) });
    await requestJson(deps(fake.fetch), URL_MODELS, 'GET');
    expect(fake.calls).toHaveLength(1);
  });

  it('retries a rate-limit 429 once when retry-after is short, honouring it', async () => {
    const fake = createFakeFetch({ 'GET /v1/models': json(E.E13_RATE_LIMIT, 429, { 'retry-after-ms': '120' }) });
    const d = deps(fake.fetch);
    expect(await requestJson(d, URL_MODELS, 'GET')).toMatchObject({ status: 429 });
    expect(fake.calls).toHaveLength(2);
    expect(d.sleeps).toEqual([120]);
  });

  it('does not retry a rate-limit 429 without retry-after or with a long one', async () => {
    // The longest wait the client honours is 2 s.
    const variants: Array<Record<string, string>> = [{}, { 'retry-after': '30' }, { 'retry-after-ms': '2001' }];
    for (const headers of variants) {
      const fake = createFakeFetch({ 'GET /v1/models': json(E.E13_RATE_LIMIT, 429, headers) });
      await requestJson(deps(fake.fetch), URL_MODELS, 'GET');
      expect(fake.calls, JSON.stringify(headers)).toHaveLength(1);
    }
  });

  it('sends the JSON body with a content type on POST', async () => {
    const fake = createFakeFetch({ 'POST /v1/chat/completions': json(E.E27_PROBE_OK) });
    await requestJson(deps(fake.fetch), 'https://api.openai.com/v1/chat/completions', 'POST', { model: 'm' });
    expect(fake.calls[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(fake.calls[0]?.body ?? 'null')).toEqual({ model: 'm' });
  });
});

// The timing is read where it takes effect: the waits requestJson hands to `sleep`.
describe('backoff and retry-after', () => {
  async function waits(status: number, body: unknown, headers: Record<string, string>, extra: Partial<HttpDeps> = {}): Promise<number[]> {
    const fake = createFakeFetch({ 'GET /v1/models': json(body, status, headers) });
    const d = deps(fake.fetch, extra);
    await requestJson(d, URL_MODELS, 'GET');
    return d.sleeps;
  }

  it('grows exponentially with jitter between 50 % and 100 % of the step', async () => {
    expect(await waits(503, {}, {}, { random: () => 0 })).toEqual([150, 300]);
    expect(await waits(503, {}, {}, { random: () => 1 })).toEqual([300, 600]);
    expect(await waits(503, {}, {}, { random: () => 0.5 })).toEqual([225, 450]);
  });

  it('parses retry-after-ms, seconds and HTTP dates', async () => {
    const now = () => Date.parse('2026-09-01T00:00:00Z');
    const rateLimited = (headers: Record<string, string>) => waits(429, E.E13_RATE_LIMIT, headers, { now });
    expect(await rateLimited({ 'retry-after-ms': '250' })).toEqual([250]);
    expect(await rateLimited({ 'retry-after': '2' })).toEqual([2000]);
    expect(await rateLimited({ 'retry-after': 'Tue, 01 Sep 2026 00:00:01 GMT' })).toEqual([1000]);
    // Unreadable or absent: a rate-limit 429 is then reported, not retried.
    expect(await rateLimited({ 'retry-after': 'soon' })).toEqual([]);
    expect(await rateLimited({})).toEqual([]);
  });

  it('on a 5xx waits the longer of retry-after and the backoff, up to the 2 s cap', async () => {
    // random 0.5: the backoff alone is 225 ms, then 450 ms.
    expect(await waits(503, {}, { 'retry-after-ms': '1000' })).toEqual([1000, 1000]);
    expect(await waits(503, {}, { 'retry-after-ms': '100' })).toEqual([225, 450]);
    expect(await waits(503, {}, { 'retry-after-ms': '2000' })).toEqual([2000, 2000]);
    // Longer than the cap: the server's wait is ignored, the backoff still applies.
    expect(await waits(503, {}, { 'retry-after-ms': '2001' })).toEqual([225, 450]);
  });
});
