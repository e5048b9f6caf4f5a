// The size cap on response bodies (src/billing/read-body.ts) and how requestJson
// reports what it could not read: too large, not JSON (whatever JSON.parse throws),
// or a body that stalls past the timeout.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOT_JSON, requestJson, TOO_LARGE, type HttpDeps } from '../../../src/billing/http.ts';
import { readBodyCapped } from '../../../src/billing/read-body.ts';

const MIB = 1024 * 1024;

/** A body streamed in `chunks` pieces of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { response: new Response(body, { headers }), pulled: () => pulled };
}

function deps(fetchImpl: typeof fetch, timeoutMs = 1000): HttpDeps {
  return { fetch: fetchImpl, apiKey: 'sk-test', timeoutMs, random: () => 0.5, sleep: async () => {}, now: () => 0 };
}

afterEach(() => vi.restoreAllMocks());

describe('readBodyCapped', () => {
  it('reads a body of exactly the cap, and stops one byte past it', async () => {
    expect(await readBodyCapped(new Response('x'.repeat(MIB)))).toMatchObject({ kind: 'text' });
    expect(await readBodyCapped(new Response('x'.repeat(MIB + 1)))).toEqual({ kind: 'too_large' });
  });

  it('stops a stream without a length soon after the cap instead of reading it all', async () => {
    const body = streamed(1000, 64 * 1024); // 64 MB if read to the end
    expect(await readBodyCapped(body.response)).toEqual({ kind: 'too_large' });
    expect(body.pulled()).toBeLessThanOrEqual(MIB / (64 * 1024) + 2);
  });

  it('believes a declared length over the cap without reading, and counts bytes under a small one', async () => {
    const big = streamed(1, 10, { 'content-length': String(50 * MIB) });
    expect(await readBodyCapped(big.response)).toEqual({ kind: 'too_large' });
    expect(big.pulled()).toBeLessThanOrEqual(1); // at most what the stream pre-fills
    const lying = streamed(20, 64 * 1024, { 'content-length': '10' });
    expect(await readBodyCapped(lying.response)).toEqual({ kind: 'too_large' });
  });

  it('decodes invalid UTF-8 to U+FFFD and strips a BOM, never throwing', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d]);
    expect(await readBodyCapped(new Response(bytes))).toEqual({ kind: 'text', text: '{\uFFFD}' });
  });
});

describe('requestJson with unreadable bodies', () => {
  it('gives TOO_LARGE for a body past the cap', async () => {
    const fetchBig = (async () => new Response('[' + '0,'.repeat(MIB) + '0]')) as typeof fetch;
    expect(await requestJson(deps(fetchBig), 'https://api.openai.com/v1/models', 'GET')).toEqual({ kind: 'response', status: 200, body: TOO_LARGE });
  });

  it('gives NOT_JSON when JSON.parse throws RangeError (deep nesting in engines that recurse)', async () => {
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const fetchDeep = (async () => new Response('[[[]]]')) as typeof fetch;
    expect(await requestJson(deps(fetchDeep), 'https://api.openai.com/v1/models', 'GET')).toEqual({ kind: 'response', status: 200, body: NOT_JSON });
  });

  it('times out a body that stalls after the headers (the timeout covers the read)', async () => {
    const stalled = (async (_url: string, init?: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"object":'));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body);
    }) as typeof fetch;
    expect(await requestJson(deps(stalled, 50), 'https://api.openai.com/v1/models', 'GET')).toEqual({ kind: 'network', reason: 'timeout' });
  });
});
