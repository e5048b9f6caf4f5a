// An AbortSignal cancels a check: the fetches are aborted, nothing is retried, nothing
// is remembered, and runCheck still resolves (never throws).
import { describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../../src/billing/check.ts';
import { requestJson } from '../../../src/billing/http.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';

function hangingFetch() {
  const signals: AbortSignal[] = [];
  const impl = vi.fn(
    (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        signals.push(init!.signal!);
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );
  return { fetch: impl as unknown as typeof fetch, impl, signals };
}

describe('abort', () => {
  it('requestJson: an abort cancels the fetch and is not retried', async () => {
    const hanging = hangingFetch();
    const controller = new AbortController();
    const sleep = vi.fn(() => Promise.resolve());
    const pending = requestJson(
      { fetch: hanging.fetch, apiKey: 'sk-x', timeoutMs: 60_000, random: () => 0.5, sleep, now: Date.now, signal: controller.signal },
      'https://api.openai.com/v1/models',
      'GET',
    );
    await Promise.resolve();
    controller.abort();
    await expect(pending).resolves.toEqual({ kind: 'network', reason: 'network' });
    expect(hanging.impl).toHaveBeenCalledTimes(1);
    expect(hanging.signals[0]!.aborted).toBe(true);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('runCheck: aborted mid-check resolves, every request aborted; aborted before it starts sends nothing', async () => {
    const hanging = hangingFetch();
    const memory = createUnavailableMemory();
    const remember = vi.spyOn(memory, 'remember');
    const controller = new AbortController();
    const config = { apiKey: 'sk-proj-abcdefghijklmnop', baseUrl: 'https://api.openai.com', quotaProbe: true, probeModel: 'gpt-4o-mini', fetch: hanging.fetch, memory, sleep: () => Promise.resolve() };
    const pending = runCheck({ ...config, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hanging.signals.length).toBeGreaterThan(0);
    controller.abort();
    const signals = await pending;
    expect(signals.models.kind).toBe('error');
    expect(hanging.signals.every((s) => s.aborted)).toBe(true);
    expect(remember).not.toHaveBeenCalled();

    const before = hanging.impl.mock.calls.length;
    await runCheck({ ...config, signal: controller.signal });
    expect(hanging.impl.mock.calls.length).toBe(before);
  });
});
