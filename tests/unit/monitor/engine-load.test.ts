// The network code comes through an injected loader (src/monitor/check-engine.ts): a
// source with a fresh cache never calls it, a due check calls it once for every tab,
// and a loader that fails ends the round as an `unreachable` finding for the widget's
// files (never a widget error), with nothing cached or recorded, so the next refresh
// loads again and recovers. The same for the relay source and its one-off check.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import type { Report } from '../../../src/health/types.ts';
import engine from '../../../src/lazy/engine.ts';
import { MODELS_LIST } from '../../../src/mocks/bodies.ts';
import type { LoadEngine } from '../../../src/monitor/check-engine.ts';
import { createEngineSource } from '../../../src/monitor/engine.ts';
import { checkRelayOnce, createRelaySource, type RelayTransport } from '../../../src/monitor/relay-engine.ts';
import type { HealthSource } from '../../../src/monitor/report-source.ts';
import { createMemoryStorage, type MemoryStorage } from '../../../src/monitor/storage.ts';
import { createLocalLockManager, type LockManagerLike } from '../../../src/monitor/tab-lock.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';

const KEY = 'sk-proj-SECRETSECRETSECRET1234';
const NOW = Date.parse('2026-11-27T10:00:00Z');
const RELAY = 'https://relay.example.test';
const RELAY_BODY = JSON.stringify({ status: 'ok', findings: [], checkedAt: '2026-11-27T09:59:58.000Z' });

const sources: HealthSource[] = [];
afterEach(() => {
  sources.splice(0).forEach((source) => source.dispose());
  vi.clearAllMocks();
});

const okFetch = vi.fn(async (input: RequestInfo | URL) => {
  const path = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname;
  return new Response(JSON.stringify(path === '/v1/models' ? MODELS_LIST : {}), { status: path === '/v1/models' ? 200 : 404 });
}) as unknown as typeof fetch;

/** A loader that fails while `failing` is set, counting every call. */
function loader() {
  const state = { failing: false, calls: 0 };
  const load: LoadEngine = async () => {
    state.calls += 1;
    if (state.failing) throw new Error('Script error for "/w/engine.js?v=1"');
    return engine;
  };
  return { state, load };
}

interface Tabs {
  storage: MemoryStorage;
  locks: LockManagerLike;
}

const sharedTabs = (): Tabs => ({ storage: createMemoryStorage(), locks: createLocalLockManager() });

function engineSource(load: LoadEngine, tabs: Tabs = sharedTabs()): HealthSource {
  const source = createEngineSource(
    { apiKey: KEY, baseUrl: 'https://api.openai.com', options: { ...DEFAULT_OPTIONS, quotaProbe: false } },
    { accountId: '1', loadEngine: load, fetch: okFetch, now: () => NOW, memory: createUnavailableMemory(), coordinator: { ...tabs, channel: null } },
  );
  sources.push(source);
  return source;
}

function relaySource(load: LoadEngine, transport: RelayTransport, tabs: Tabs = sharedTabs()): HealthSource {
  const source = createRelaySource(
    { relayUrl: RELAY, options: DEFAULT_OPTIONS },
    { accountId: '1', transport, loadEngine: load, now: () => NOW, sleep: async () => {}, coordinator: { ...tabs, channel: null } },
  );
  sources.push(source);
  return source;
}

/** Runs one refresh (or recheck) and resolves with the report it settles on. */
async function settle(source: HealthSource, force = false): Promise<Report | null> {
  const done = new Promise<void>((resolve) => {
    const off = source.subscribe(() => {
      if (!source.snapshot().checking) {
        off();
        resolve();
      }
    });
  });
  if (force) source.recheck();
  else source.refresh();
  await done;
  return source.snapshot().report;
}

const codes = (report: Report | null) => report?.findings.map((f) => `${f.code}${f.params?.apiCode ? `:${String(f.params.apiCode)}` : ''}`);

describe('the engine source and its loader', () => {
  it('a due check loads the engine once; a fresh cache in another tab never loads it', async () => {
    const tabs = sharedTabs();
    const first = loader();
    const report = await settle(engineSource(first.load, tabs));
    expect(report?.findings.map((f) => f.code)).not.toContain('unreachable');
    expect(first.state.calls).toBe(1);

    const second = loader();
    const other = engineSource(second.load, tabs);
    expect(other.snapshot().report?.status).toBe(report?.status);
    other.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(second.state.calls).toBe(0);
  });

  it('two tabs due at once: only the one that runs the check loads it', async () => {
    const tabs = sharedTabs();
    const a = loader();
    const b = loader();
    await Promise.all([settle(engineSource(a.load, tabs)), settle(engineSource(b.load, tabs))]);
    expect(a.state.calls + b.state.calls).toBe(1);
  });

  it('a load failure is an unreachable finding for the widget files, not cached, and the next refresh recovers', async () => {
    const tabs = sharedTabs();
    const { state, load } = loader();
    state.failing = true;
    const source = engineSource(load, tabs);
    const failed = await settle(source);
    expect(codes(failed)).toContain('unreachable:widget_files');
    expect(failed?.status).toBe('unknown');
    expect(source.snapshot().failed).toBe(false);
    expect(tabs.storage.entries()).toEqual([]);
    expect(source.history()).toEqual([]);
    expect(okFetch).not.toHaveBeenCalled();

    state.failing = false;
    const recovered = await settle(source);
    expect(state.calls).toBe(2);
    expect(codes(recovered)).not.toContain('unreachable:widget_files');
    expect(source.history()).toHaveLength(1);
  });
});

describe('the relay source and its loader', () => {
  const answering: RelayTransport = async () => ({ kind: 'answered', status: 200, body: RELAY_BODY });

  it("parses the relay's answer with the loaded engine, and a failed load asks the relay nothing", async () => {
    const { state, load } = loader();
    let asked = 0;
    const transport: RelayTransport = async () => {
      asked += 1;
      return { kind: 'answered', status: 200, body: RELAY_BODY };
    };
    const tabs = sharedTabs();
    state.failing = true;
    const source = relaySource(load, transport, tabs);
    expect(codes(await settle(source))).toEqual(['unreachable:widget_files']);
    expect(asked).toBe(0);
    expect(tabs.storage.entries()).toEqual([]);

    state.failing = false;
    const report = await settle(source, true);
    expect(report?.status).toBe('ok');
    expect(asked).toBe(1);
    expect(state.calls).toBe(2);
  });

  it('checkRelayOnce words a failed load the same way', async () => {
    const { state, load } = loader();
    state.failing = true;
    const report = await checkRelayOnce({ relayUrl: RELAY, options: DEFAULT_OPTIONS }, answering, new AbortController().signal, load, () => NOW);
    expect(codes(report)).toEqual(['unreachable:widget_files']);
    state.failing = false;
    const ok = await checkRelayOnce({ relayUrl: RELAY, options: DEFAULT_OPTIONS }, answering, new AbortController().signal, load, () => NOW);
    expect(ok.status).toBe('ok');
  });
});
