// Kommo's $authorizedAjax as a promise (kommo-platform.md §3.4): what the widget asks
// for, how jQuery's done/fail become answers, the timeout, and cancel on destroy.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelayTransport } from '../../../src/kommo/relay-transport.ts';
import type { KommoAjaxFailure, KommoDeferred, KommoWidgetBase } from '../../../src/kommo/sdk-types.ts';

type Settle = { done?: [unknown, string, { status?: number }]; fail?: [KommoAjaxFailure | undefined, string] };

/** A jQuery-like Deferred that settles when told to; `aborted` records jqXHR.abort(). */
function fakeAjax(settle: Settle | null) {
  const calls: unknown[] = [];
  const state = { aborted: false };
  const ajax = (settings: unknown): KommoDeferred => {
    calls.push(settings);
    const deferred: KommoDeferred = {
      done(callback) {
        if (settle?.done) queueMicrotask(() => callback(...settle.done!));
        return deferred;
      },
      fail(callback) {
        if (settle?.fail) queueMicrotask(() => callback(...settle.fail!));
        return deferred;
      },
      abort() {
        state.aborted = true;
      },
    };
    return deferred;
  };
  return { widget: { $authorizedAjax: ajax } as Partial<KommoWidgetBase>, calls, state };
}

const URL_ = 'https://relay.example.test/v1/report?options=%7B%7D';

afterEach(() => vi.useRealTimers());

describe('createRelayTransport', () => {
  it('sends one GET with the body kept as text (no JSON or script conversion by jQuery)', async () => {
    const { widget, calls } = fakeAjax({ done: ['{"status":"ok"}', 'success', { status: 200 }] });
    const answer = await createRelayTransport(widget)(URL_, new AbortController().signal);
    expect(answer).toEqual({ kind: 'answered', status: 200, body: '{"status":"ok"}' });
    expect(calls).toEqual([{ url: URL_, type: 'GET', dataType: 'text', timeout: 45_000 }]);
  });

  it('gives a failed request its HTTP status and body', async () => {
    const { widget } = fakeAjax({ fail: [{ status: 403, responseText: '{"error":"forbidden"}' }, 'error'] });
    expect(await createRelayTransport(widget)(URL_, new AbortController().signal)).toEqual({ kind: 'answered', status: 403, body: '{"error":"forbidden"}' });
  });

  it('reads status 0 (network error, CORS refusal) as no answer, and jQuery\'s timeout as a timeout', async () => {
    const network = fakeAjax({ fail: [{ status: 0, responseText: '' }, 'error'] });
    expect(await createRelayTransport(network.widget)(URL_, new AbortController().signal)).toEqual({ kind: 'failed', reason: 'network' });
    const odd = fakeAjax({ fail: [undefined, 'error'] });
    expect(await createRelayTransport(odd.widget)(URL_, new AbortController().signal)).toEqual({ kind: 'failed', reason: 'network' });
    const slow = fakeAjax({ fail: [{ status: 0 }, 'timeout'] });
    expect(await createRelayTransport(slow.widget)(URL_, new AbortController().signal)).toEqual({ kind: 'failed', reason: 'timeout' });
  });

  it('times out by itself when the Deferred never settles (Kommo\'s token request has no timeout)', async () => {
    vi.useFakeTimers();
    const { widget } = fakeAjax(null);
    const pending = createRelayTransport(widget, 1_000)(URL_, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await pending).toEqual({ kind: 'failed', reason: 'timeout' });
  });

  it('rejects and aborts the request when the widget is destroyed mid-request', async () => {
    const { widget, state } = fakeAjax(null);
    const lifetime = new AbortController();
    const pending = createRelayTransport(widget)(URL_, lifetime.signal);
    lifetime.abort();
    await expect(pending).rejects.toThrow(/aborted/);
    expect(state.aborted).toBe(true);
  });

  it('sends nothing when already cancelled', async () => {
    const { widget, calls } = fakeAjax({ done: ['{}', 'success', { status: 200 }] });
    const lifetime = new AbortController();
    lifetime.abort();
    await expect(createRelayTransport(widget)(URL_, lifetime.signal)).rejects.toThrow(/aborted/);
    expect(calls).toEqual([]);
  });

  it('answers "unsupported" without $authorizedAjax, and "network" when it throws', async () => {
    expect(await createRelayTransport({})(URL_, new AbortController().signal)).toEqual({ kind: 'failed', reason: 'unsupported' });
    const throwing = { $authorizedAjax: () => { throw new Error('no token'); } } as unknown as Partial<KommoWidgetBase>;
    expect(await createRelayTransport(throwing)(URL_, new AbortController().signal)).toEqual({ kind: 'failed', reason: 'network' });
  });

  it('also takes a plain thenable', async () => {
    const widget = { $authorizedAjax: () => Promise.resolve('{"a":1}') } as unknown as Partial<KommoWidgetBase>;
    expect(await createRelayTransport(widget)(URL_, new AbortController().signal)).toEqual({ kind: 'answered', status: 200, body: '{"a":1}' });
  });
});
