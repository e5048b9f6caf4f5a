// The check relay's client (src/billing/relay-client.ts, in engine.js): the report URL it
// asks, the one retry after a dropped connection or a 5xx (not after a timeout or a
// refusal), and each answer read into the report or the failure design.md names.
import { describe, expect, it } from 'vitest';
import { askRelay, type RelayAnswer, type RelayTransport } from '../../../src/billing/relay-client.ts';

const RELAY = 'https://relay.example.test';
const BODY = JSON.stringify({ status: 'ok', findings: [], checkedAt: '2026-11-27T09:59:58.000Z' });

/** Answers in order (the last one repeats), recording each URL. */
function scripted(...answers: RelayAnswer[]) {
  const urls: string[] = [];
  const transport: RelayTransport = async (url) => {
    urls.push(url);
    return (answers.length > 1 ? answers.shift() : answers[0]) as RelayAnswer;
  };
  return { transport, urls };
}

function sleeper() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

const ask = (transport: RelayTransport, sleep: (ms: number) => Promise<void> = async () => {}, signal = new AbortController().signal) =>
  askRelay(RELAY, { quotaProbe: true }, transport, signal, sleep);

describe('askRelay', () => {
  it("asks the relay's report URL with the options and reads a valid body as the report", async () => {
    const { transport, urls } = scripted({ kind: 'answered', status: 200, body: BODY });
    expect(await ask(transport)).toEqual({ kind: 'report', report: { status: 'ok', findings: [], checkedAt: '2026-11-27T09:59:58.000Z' } });
    expect(urls).toHaveLength(1);
    const url = new URL(urls[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${RELAY}/v1/report`);
    expect(JSON.parse(url.searchParams.get('options') ?? '')).toEqual({ quotaProbe: true });
  });

  it.each([
    [401, 'relay_refused'],
    [403, 'relay_refused'],
    [429, 'rate_limited'],
    [400, 'bad_response'],
    [404, 'bad_response'],
    [302, 'bad_response'],
  ] as const)('words HTTP %i as %s, without a retry', async (status, code) => {
    const { transport, urls } = scripted({ kind: 'answered', status, body: '{"error":"x"}' });
    expect(await ask(transport)).toEqual({ kind: 'failed', code, status });
    expect(urls).toHaveLength(1);
  });

  it('reads a body that is too large, not JSON or not a report as bad_response', async () => {
    const big = scripted({ kind: 'answered', status: 200, body: ' '.repeat((1 << 20) + 1) });
    expect(await ask(big.transport)).toEqual({ kind: 'failed', code: 'bad_response', status: 200, reason: 'too_large' });
    const text = scripted({ kind: 'answered', status: 200, body: '<html>' });
    expect(await ask(text.transport)).toEqual({ kind: 'failed', code: 'bad_response', status: 200, reason: 'not_json' });
    const odd = scripted({ kind: 'answered', status: 200, body: '{"status":"fine"}' });
    expect(await ask(odd.transport)).toEqual({ kind: 'failed', code: 'bad_response', status: 200, reason: 'schema' });
  });

  it('tries once more after a second when the network dropped or the relay answered 5xx', async () => {
    const dropped = scripted({ kind: 'failed', reason: 'network' }, { kind: 'answered', status: 200, body: BODY });
    const first = sleeper();
    expect((await ask(dropped.transport, first.sleep)).kind).toBe('report');
    expect(dropped.urls).toHaveLength(2);
    expect(first.sleeps).toEqual([1_000]);

    const down = scripted({ kind: 'answered', status: 503, body: '' });
    const second = sleeper();
    expect(await ask(down.transport, second.sleep)).toEqual({ kind: 'failed', code: 'unreachable', status: 503 });
    expect(down.urls).toHaveLength(2);
    expect(second.sleeps).toEqual([1_000]);
  });

  it('does not retry a timeout or a page without the signed request', async () => {
    for (const reason of ['timeout', 'unsupported'] as const) {
      const { transport, urls } = scripted({ kind: 'failed', reason });
      const { sleep, sleeps } = sleeper();
      expect(await ask(transport, sleep)).toEqual({ kind: 'failed', code: 'unreachable', reason });
      expect(urls).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it('rejects without a second request when aborted during the wait', async () => {
    const { transport, urls } = scripted({ kind: 'failed', reason: 'network' });
    const lifetime = new AbortController();
    await expect(ask(transport, async () => lifetime.abort(), lifetime.signal)).rejects.toThrow(/aborted/);
    expect(urls).toHaveLength(1);
  });
});
