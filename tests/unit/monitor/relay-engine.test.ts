// The relay source (design.md "Relay") against a fake transport: each answer of the
// relay becomes the report or the finding design.md names, the body is schema-checked,
// one request serves every tab, and nothing key-like is ever asked for or stored.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import type { HealthOptions, Report } from '../../../src/health/types.ts';
import { createRelaySource, type RelayAnswer, type RelayTransport } from '../../../src/monitor/relay-engine.ts';
import type { HealthSource } from '../../../src/monitor/report-source.ts';
import { createMemoryStorage, type MemoryStorage } from '../../../src/monitor/storage.ts';
import type { ChannelFactory, ChannelLike } from '../../../src/monitor/tab-channel.ts';
import { createLocalLockManager, type LockManagerLike } from '../../../src/monitor/tab-lock.ts';
import engine from '../../../src/lazy/engine.ts';

const RELAY = 'https://relay.example.test';
const NOW = Date.parse('2026-11-27T10:00:00Z');

/** What the relay answers: the CLI's --json body (design.md), spend and its daily series included. */
const RELAY_BODY = {
  status: 'ok',
  findings: [],
  checkedAt: '2026-11-27T09:59:58.000Z',
  spend: { monthToDateUsd: 42.5, daily: [{ date: '2026-11-01', usd: 1.5 }, { date: '2026-11-02', usd: 41 }] },
  forecast: { monthEndUsd: 47.22, budgetUsd: 100, settled: true },
  spendLimit: { limitUsd: 120, enforcing: true },
  baseUrl: 'https://api.openai.com',
};

const ok = (body: unknown = RELAY_BODY): RelayAnswer => ({ kind: 'answered', status: 200, body: JSON.stringify(body) });
const status = (code: number, body = '{"error":"x"}'): RelayAnswer => ({ kind: 'answered', status: code, body });

/** A scripted transport: answers in order (the last one repeats) and records each URL. */
function fakeTransport(...answers: Array<RelayAnswer | (() => Promise<RelayAnswer>)>) {
  const urls: string[] = [];
  const transport: RelayTransport = async (url) => {
    urls.push(url);
    const next = answers.length > 1 ? answers.shift() : answers[0];
    return typeof next === 'function' ? next() : (next as RelayAnswer);
  };
  return { transport, urls };
}

/** In-process BroadcastChannel stand-in: delivers to every other member, async. */
function fakeHub(): ChannelFactory {
  const members = new Map<string, Set<{ deliver: (data: unknown) => void }>>();
  return (name) => {
    const listeners = new Set<(event: { data: unknown }) => void>();
    const self = { deliver: (data: unknown) => listeners.forEach((fn) => fn({ data })) };
    if (!members.has(name)) members.set(name, new Set());
    members.get(name)?.add(self);
    const channel: ChannelLike = {
      postMessage(message) {
        const data = structuredClone(message);
        for (const other of members.get(name) ?? []) if (other !== self) queueMicrotask(() => other.deliver(data));
      },
      addEventListener: (_type, fn) => void listeners.add(fn),
      removeEventListener: (_type, fn) => void listeners.delete(fn),
      close: () => void members.get(name)?.delete(self),
    };
    return channel;
  };
}

interface Tabs {
  storage: MemoryStorage;
  locks: LockManagerLike;
  channel: ChannelFactory | null;
}

const sources: HealthSource[] = [];
afterEach(() => sources.splice(0).forEach((source) => source.dispose()));

function makeSource(
  transport: RelayTransport,
  opts: { tabs?: Tabs; options?: Partial<HealthOptions>; relayUrl?: string; now?: () => number; sleeps?: number[] } = {},
): HealthSource {
  const tabs = opts.tabs ?? { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: null };
  const source = createRelaySource(
    { relayUrl: opts.relayUrl ?? RELAY, options: { ...DEFAULT_OPTIONS, ...opts.options } },
    {
      accountId: '31337001',
      transport,
      loadEngine: async () => engine,
      now: opts.now ?? (() => NOW),
      sleep: async (ms) => void opts.sleeps?.push(ms),
      coordinator: { storage: tabs.storage, locks: tabs.locks, channel: tabs.channel },
    },
  );
  sources.push(source);
  return source;
}

function settled(source: HealthSource): Promise<Report> {
  return new Promise((resolve, reject) => {
    const off = source.subscribe(() => {
      const state = source.snapshot();
      if (state.checking) return;
      off();
      if (state.report) resolve(state.report);
      else reject(new Error('no report'));
    });
  });
}

async function check(source: HealthSource, force = false): Promise<Report> {
  const done = settled(source);
  if (force) source.recheck();
  else source.refresh();
  return done;
}

const codes = (report: Report) => report.findings.map((f) => f.code);

describe('relay source: a 200 with a report', () => {
  it('asks GET {relay}/v1/report with the options, and shows the relay report with spend and the daily series', async () => {
    const { transport, urls } = fakeTransport(ok());
    const report = await check(makeSource(transport, { options: { monthlyBudgetUsd: 100, cardExpiry: '08/27' } }));
    expect(urls).toHaveLength(1);
    const url = new URL(urls[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${RELAY}/v1/report`);
    expect(JSON.parse(url.searchParams.get('options') ?? '')).toMatchObject({ monthlyBudgetUsd: 100, cardExpiry: '08/27', quotaProbe: true });
    // …and the user's time zone, for card expiry on their own calendar day.
    expect([...url.searchParams.keys()]).toEqual(['options', 'tz']);
    expect(url.searchParams.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(report.status).toBe('ok');
    expect(report.spend).toEqual(RELAY_BODY.spend);
    expect(report.forecast).toEqual(RELAY_BODY.forecast);
    expect(report.spendLimit).toEqual(RELAY_BODY.spendLimit);
    expect(report.checkedAt).toBe(RELAY_BODY.checkedAt);
    // The relay's own fields beyond the report (baseUrl) stay out of what the panels get.
    expect(report).not.toHaveProperty('baseUrl');
  });

  it('takes severities from our own table and drops finding codes it does not know', async () => {
    const body = {
      ...RELAY_BODY,
      status: 'warning',
      findings: [
        { code: 'budget_near', severity: 'info', params: { spendUsd: 85, budgetUsd: 100 } },
        { code: 'some_future_code', severity: 'critical' },
      ],
    };
    const report = await check(makeSource(fakeTransport(ok(body)).transport));
    expect(report.findings).toEqual([{ code: 'budget_near', severity: 'warning', params: { spendUsd: 85, budgetUsd: 100 } }]);
    expect(report.status).toBe('warning');
  });

  it('records the check in the history', async () => {
    const source = makeSource(fakeTransport(ok({ ...RELAY_BODY, status: 'critical', findings: [{ code: 'credits_exhausted', endpoint: 'probe' }] })).transport);
    await check(source);
    expect(source.history()).toEqual([{ at: RELAY_BODY.checkedAt, status: 'critical', findings: ['credits_exhausted'] }]);
  });
});

describe('relay source: failures become findings', () => {
  it.each([
    [401, 'relay_refused'],
    [403, 'relay_refused'],
    [429, 'rate_limited'],
    [400, 'bad_response'],
    [404, 'bad_response'],
  ] as const)('HTTP %i → %s, with the status, standing for the key check', async (code, finding) => {
    const { transport, urls } = fakeTransport(status(code));
    const report = await check(makeSource(transport));
    expect(report.findings).toEqual([{ code: finding, severity: finding === 'rate_limited' ? 'warning' : 'unknown', endpoint: 'models', params: { via: 'relay', status: code } }]);
    // A refusal, a rate limit or a bad request is not retried.
    expect(urls).toHaveLength(1);
    expect(report.status).toBe('unknown');
  });

  it('a 5xx is retried once after a pause, then is unreachable', async () => {
    const sleeps: number[] = [];
    const { transport, urls } = fakeTransport(status(502), status(500));
    const report = await check(makeSource(transport, { sleeps }));
    expect(urls).toHaveLength(2);
    expect(sleeps).toEqual([1_000]);
    expect(report.findings).toEqual([{ code: 'unreachable', severity: 'unknown', endpoint: 'models', params: { via: 'relay', status: 500 } }]);
  });

  it('a dropped connection is retried once, and the retry can succeed', async () => {
    const { transport, urls } = fakeTransport({ kind: 'failed', reason: 'network' }, ok());
    const report = await check(makeSource(transport));
    expect(urls).toHaveLength(2);
    expect(report.status).toBe('ok');
  });

  it('a timeout is unreachable at once (it already waited long)', async () => {
    const { transport, urls } = fakeTransport({ kind: 'failed', reason: 'timeout' });
    const report = await check(makeSource(transport));
    expect(urls).toHaveLength(1);
    expect(report.findings).toEqual([{ code: 'unreachable', severity: 'unknown', endpoint: 'models', params: { via: 'relay', apiCode: 'timeout' } }]);
  });

  it.each([
    ['not JSON', '<html>502 Bad Gateway</html>', 'not_json'],
    ['the wrong shape', JSON.stringify({ status: 'fine', findings: 'none' }), 'schema'],
    ['NaN spend', JSON.stringify({ ...RELAY_BODY, spend: { monthToDateUsd: 'NaN', daily: [] } }), 'schema'],
    ['a malformed finding', JSON.stringify({ ...RELAY_BODY, findings: [{ code: 'budget_near', params: { spendUsd: { $gt: 1 } } }] }), 'schema'],
    ['more than 1 MiB', JSON.stringify({ ...RELAY_BODY, pad: 'x'.repeat(1 << 20) }), 'too_large'],
  ])('a 200 with %s is bad_response', async (_name, body, reason) => {
    const report = await check(makeSource(fakeTransport({ kind: 'answered', status: 200, body }).transport));
    expect(report.findings).toEqual([{ code: 'bad_response', severity: 'unknown', endpoint: 'models', params: { via: 'relay', status: 200, apiCode: reason } }]);
    expect(report.spend).toBeUndefined();
  });

  it('a relay URL that is not https is refused before any request', async () => {
    const { transport, urls } = fakeTransport(ok());
    const report = await check(makeSource(transport, { relayUrl: 'http://relay.example.test' }));
    expect(urls).toEqual([]);
    expect(report.findings).toEqual([{ code: 'unreachable', severity: 'unknown', endpoint: 'models', params: { via: 'relay', apiCode: 'relay_url_not_https' } }]);
  });

  it('keeps what the widget knows by itself: the card expiry, and stale after 3 intervals without an answer', async () => {
    const tabs = { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: null };
    const clock = { now: NOW };
    const options = { cardExpiry: '11/26', checkEveryMinutes: 15 };
    await check(makeSource(fakeTransport(ok()).transport, { tabs, options, now: () => clock.now }));
    clock.now += 50 * 60_000;
    const report = await check(makeSource(fakeTransport(status(503)).transport, { tabs, options, now: () => clock.now }), true);
    expect(codes(report)).toEqual(['card_expiring', 'stale', 'unreachable']);
    expect(report.status).toBe('unknown');
    expect(report.lastSuccessAt).toBe(new Date(NOW).toISOString());
  });

  describe('the last successful key check behind a later failure', () => {
    const MINUTE = 60_000;
    const keyRefused = (lastSuccessAt?: string) =>
      ok({ status: 'critical', findings: [{ code: 'key_invalid', endpoint: 'models' }], checkedAt: RELAY_BODY.checkedAt, ...(lastSuccessAt ? { lastSuccessAt } : {}) });

    /** One round per answer, each a minute-offset later (forced, in a fresh tab); the last round's report. */
    async function rounds(...steps: Array<[number, RelayAnswer]>): Promise<Report> {
      const tabs = { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: null };
      let report: Report | null = null;
      for (const [minutes, answer] of steps) {
        report = await check(makeSource(fakeTransport(answer).transport, { tabs, options: { checkEveryMinutes: 15 }, now: () => NOW + minutes * MINUTE }), true);
      }
      return report!;
    }

    it("is the relay's own lastSuccessAt when its key check failed, not the time it answered", async () => {
      const report = await rounds([0, keyRefused('2026-11-27T08:00:00.000Z')], [20, status(503)]);
      expect(report.lastSuccessAt).toBe('2026-11-27T08:00:00.000Z');
      expect(codes(report)).toContain('stale');
    });

    it('stays the last round whose key check succeeded when the relay knows of none', async () => {
      const report = await rounds([0, ok()], [20, keyRefused()], [40, status(503)]);
      expect(report.lastSuccessAt).toBe(new Date(NOW).toISOString());
    });

    it('is absent when no key check ever succeeded', async () => {
      const report = await rounds([0, keyRefused()], [20, status(503)]);
      expect(report.lastSuccessAt).toBeUndefined();
      expect(codes(report)).not.toContain('stale');
    });
  });
});

describe('relay source: one request per account and interval across tabs', () => {
  it('three tabs that refresh together make one request and all show its report', async () => {
    const tabs: Tabs = { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: fakeHub() };
    const { transport, urls } = fakeTransport(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return ok();
    });
    const reports = await Promise.all([0, 1, 2].map(() => check(makeSource(transport, { tabs }))));
    expect(urls).toHaveLength(1);
    for (const report of reports) expect(report.spend?.monthToDateUsd).toBe(42.5);
  });

  it('a tab opened within the interval paints the cached report and asks nothing', async () => {
    const tabs: Tabs = { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: null };
    const { transport, urls } = fakeTransport(ok());
    await check(makeSource(transport, { tabs }));
    const second = makeSource(transport, { tabs });
    expect(second.snapshot().report?.spend?.monthToDateUsd).toBe(42.5);
    await check(second);
    expect(urls).toHaveLength(1);
  });

  it('a cached failure is shared too: a 429 is not asked again by every tab', async () => {
    const tabs: Tabs = { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: null };
    const { transport, urls } = fakeTransport(status(429));
    await check(makeSource(transport, { tabs }));
    const report = await check(makeSource(transport, { tabs }));
    expect(urls).toHaveLength(1);
    expect(codes(report)).toEqual(['rate_limited']);
  });

  it('a cached value that fails the schema is not shown, and is asked again', async () => {
    const tabs: Tabs = { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: null };
    const { transport, urls } = fakeTransport(ok());
    await check(makeSource(transport, { tabs }));
    for (const [key, value] of tabs.storage.entries()) {
      if (key.includes(':check:')) tabs.storage.setItem(key, value.replace('"monthToDateUsd":42.5', '"monthToDateUsd":"lots"'));
    }
    const second = makeSource(transport, { tabs });
    expect(second.snapshot().report).toBeNull();
    await check(second);
    expect(urls).toHaveLength(2);
  });
});

describe('relay source: lifetime', () => {
  it('dispose cancels the request in flight; its late answer is neither cached nor recorded', async () => {
    const tabs: Tabs = { storage: createMemoryStorage(), locks: createLocalLockManager(), channel: null };
    let seen: AbortSignal | null = null;
    let answer: (value: RelayAnswer) => void = () => {};
    const transport: RelayTransport = (_url, signal) => {
      seen = signal;
      return new Promise((resolve) => (answer = resolve));
    };
    const source = makeSource(transport, { tabs });
    source.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    source.dispose();
    expect(seen!.aborted).toBe(true);
    answer(ok());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tabs.storage.entries()).toEqual([]);
  });
});
