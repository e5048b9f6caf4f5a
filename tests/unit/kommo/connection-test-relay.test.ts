// "Test connection" with a relay URL typed: it asks the relay (Kommo's signed request),
// never OpenAI, and the key field is not read into any request. Without one it checks
// OpenAI directly, and closing the modal cancels that check.
import { describe, expect, it, vi } from 'vitest';
import { createConnectionTester, type ConnectionTester } from '../../../src/kommo/connection-test.ts';
import type { RelayAnswer, RelayTransport } from '../../../src/monitor/index.ts';

const KEY = 'sk-proj-TypedButUnused1234';

function done(tester: ConnectionTester): Promise<void> {
  return new Promise((resolve) => {
    const off = tester.subscribe(() => {
      if (tester.state().kind !== 'running') {
        off();
        resolve();
      }
    });
  });
}

function spies(answer: RelayAnswer) {
  const relayUrls: string[] = [];
  const fetched: string[] = [];
  const transport: RelayTransport = async (url) => {
    relayUrls.push(url);
    return answer;
  };
  const fetch = (async (input: RequestInfo | URL) => {
    fetched.push(String(input));
    return new Response('{"error":{"code":"invalid_api_key","type":"invalid_request_error"}}', { status: 401 });
  }) as typeof globalThis.fetch;
  return { transport, fetch, relayUrls, fetched };
}

const REPORT = { status: 'ok', findings: [], checkedAt: '2026-11-27T10:00:00.000Z', spend: { monthToDateUsd: 3, daily: [] } };

describe('Test connection with a relay URL', () => {
  it('asks the relay with the typed options and shows its report; OpenAI is not asked', async () => {
    const s = spies({ kind: 'answered', status: 200, body: JSON.stringify(REPORT) });
    const tester = createConnectionTester(
      () => ({ apiKey: KEY, baseUrl: '', relayUrl: ' https://relay.example.test/ ', options: { monthlyBudgetUsd: 20 } }),
      { transport: s.transport, fetch: s.fetch },
    );
    const finished = done(tester);
    tester.run();
    await finished;
    expect(tester.state()).toMatchObject({ kind: 'done', report: { status: 'ok', spend: { monthToDateUsd: 3 } } });
    expect(s.fetched).toEqual([]);
    expect(s.relayUrls).toHaveLength(1);
    const url = new URL(s.relayUrls[0]!);
    expect(url.origin + url.pathname).toBe('https://relay.example.test/v1/report');
    expect(JSON.parse(url.searchParams.get('options')!)).toMatchObject({ monthlyBudgetUsd: 20 });
    expect(s.relayUrls.join()).not.toContain(KEY);
  });

  it('shows a refusing relay as relay_refused', async () => {
    const s = spies({ kind: 'answered', status: 401, body: '{"error":"unauthorized","reason":"bad_signature"}' });
    const tester = createConnectionTester(() => ({ apiKey: '', baseUrl: '', relayUrl: 'https://relay.example.test', options: {} }), { transport: s.transport });
    const finished = done(tester);
    tester.run();
    await finished;
    const state = tester.state();
    expect(state.kind === 'done' && state.report.findings.map((f) => [f.code, f.params?.status])).toEqual([['relay_refused', 401]]);
  });

  it('without a relay URL checks OpenAI with the key, as before', async () => {
    const s = spies({ kind: 'failed', reason: 'network' });
    const tester = createConnectionTester(() => ({ apiKey: KEY, baseUrl: 'https://api.openai.com', relayUrl: '  ', options: { quotaProbe: false } }), {
      transport: s.transport,
      fetch: s.fetch,
    });
    const finished = done(tester);
    tester.run();
    await finished;
    expect(s.relayUrls).toEqual([]);
    expect(s.fetched.length).toBeGreaterThan(0);
  });

  it('closing the modal cancels the direct OpenAI check still in flight', async () => {
    const signals: AbortSignal[] = [];
    const fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      return new Promise<Response>(() => {});
    }) as typeof globalThis.fetch;
    const tester = createConnectionTester(() => ({ apiKey: KEY, baseUrl: 'https://api.openai.com', options: { quotaProbe: false } }), { fetch });
    tester.run();
    await vi.waitFor(() => expect(signals.length).toBeGreaterThan(0));
    expect(signals.some((signal) => signal.aborted)).toBe(false);
    tester.dispose();
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});
