import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCheckCoordinator, type CheckCoordinator, type CoordinatorOptions } from '../../../src/monitor/check-coordinator.ts';
import { createMemoryStorage, type MemoryStorage } from '../../../src/monitor/storage.ts';
import { createLocalLockManager, type LockManagerLike } from '../../../src/monitor/tab-lock.ts';
import type { ChannelFactory, ChannelLike } from '../../../src/monitor/tab-channel.ts';
import { hashSettings } from '../../../src/monitor/hash.ts';

/** An in-process stand-in for BroadcastChannel: delivers to every other member, async. */
function createFakeHub(): { factory: ChannelFactory; posted: unknown[] } {
  const members = new Map<string, Set<FakeChannel>>();
  const posted: unknown[] = [];
  class FakeChannel implements ChannelLike {
    private listeners = new Set<(event: { data: unknown }) => void>();
    constructor(private readonly name: string) {
      if (!members.has(name)) members.set(name, new Set());
      members.get(name)?.add(this);
    }
    postMessage(message: unknown) {
      posted.push(message);
      const data = structuredClone(message);
      for (const other of members.get(this.name) ?? []) {
        if (other !== this) queueMicrotask(() => other.listeners.forEach((fn) => fn({ data })));
      }
    }
    addEventListener(_type: 'message', fn: (event: { data: unknown }) => void) {
      this.listeners.add(fn);
    }
    removeEventListener(_type: 'message', fn: (event: { data: unknown }) => void) {
      this.listeners.delete(fn);
    }
    close() {
      members.get(this.name)?.delete(this);
    }
  }
  return { factory: (name) => new FakeChannel(name), posted };
}

const disposers: Array<() => void> = [];
afterEach(() => {
  disposers.splice(0).forEach((dispose) => dispose());
});

interface Ctx {
  storage: MemoryStorage;
  locks: LockManagerLike;
  channel: ChannelFactory | null;
  clock: { now: number };
  runs: { count: number };
}

function shared(channel: ChannelFactory | null = createFakeHub().factory): Ctx {
  return { storage: createMemoryStorage(), locks: createLocalLockManager(), channel, clock: { now: 1_000 }, runs: { count: 0 } };
}

function coordinator(ctx: Ctx, extra: Partial<CoordinatorOptions<{ n: number }>> = {}): CheckCoordinator<{ n: number }> {
  const c = createCheckCoordinator<{ n: number }>({
    cacheKey: 'acct-1',
    ttlMs: 60_000,
    run: async () => {
      ctx.runs.count += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { n: ctx.runs.count };
    },
    storage: ctx.storage,
    locks: ctx.locks,
    channel: ctx.channel,
    now: () => ctx.clock.now,
    ...extra,
  });
  disposers.push(() => c.dispose());
  return c;
}

describe('check coordinator in one context', () => {
  it('caches within the TTL and runs again after it', async () => {
    const ctx = shared();
    const c = coordinator(ctx);
    expect(await c.get()).toEqual({ n: 1 });
    expect(await c.get()).toEqual({ n: 1 });
    ctx.clock.now += 59_999;
    expect(await c.get()).toEqual({ n: 1 });
    ctx.clock.now += 1;
    expect(await c.get()).toEqual({ n: 2 });
    expect(ctx.runs.count).toBe(2);
  });

  it('stamps a result with the time its check started, so one TTL later it is due', async () => {
    const ctx = shared();
    const c = coordinator(ctx, {
      run: async () => {
        ctx.runs.count += 1;
        ctx.clock.now += 3_000; // the check itself takes 3 s
        return { n: ctx.runs.count };
      },
    });
    await c.get();
    expect(c.peek()?.at).toBe(1_000);
    ctx.clock.now = 1_000 + 60_000; // the next timer tick, one TTL after the first
    expect(await c.get()).toEqual({ n: 2 });
  });

  it('shares one in-flight promise between concurrent calls', async () => {
    const ctx = shared();
    const c = coordinator(ctx);
    const results = await Promise.all(Array.from({ length: 20 }, () => c.get()));
    expect(ctx.runs.count).toBe(1);
    expect(new Set(results.map((r) => r.n))).toEqual(new Set([1]));
  });

  it('force skips the TTL', async () => {
    const ctx = shared();
    const c = coordinator(ctx);
    await c.get();
    expect(await c.get({ force: true })).toEqual({ n: 2 });
    expect(ctx.runs.count).toBe(2);
  });

  it('peek returns the last value with its time, without running', async () => {
    const ctx = shared();
    const c = coordinator(ctx);
    expect(c.peek()).toBeNull();
    await c.get();
    expect(c.peek()).toEqual({ value: { n: 1 }, at: 1_000 });
    expect(ctx.runs.count).toBe(1);
  });

  it('a failed run is not cached and the next get runs again', async () => {
    const ctx = shared();
    let fail = true;
    const c = coordinator(ctx, {
      run: async () => {
        ctx.runs.count += 1;
        if (fail) throw new Error('down');
        return { n: ctx.runs.count };
      },
    });
    await expect(c.get()).rejects.toThrow('down');
    fail = false;
    expect(await c.get()).toEqual({ n: 2 });
  });

  it('rejects values from storage that fail parse', async () => {
    const ctx = shared();
    ctx.storage.setItem('bytegpt-billing:check:v1:acct-1', JSON.stringify({ at: 1_000, id: 'x', value: { n: 'evil' } }));
    const c = coordinator(ctx, { parse: (raw) => (typeof (raw as { n?: unknown })?.n === 'number' ? (raw as { n: number }) : null) });
    expect(c.peek()).toBeNull();
    expect(await c.get()).toEqual({ n: 1 });
  });

  it('ignores garbage in storage', async () => {
    const ctx = shared();
    ctx.storage.setItem('bytegpt-billing:check:v1:acct-1', '{not json');
    const c = coordinator(ctx);
    expect(c.peek()).toBeNull();
    expect(await c.get()).toEqual({ n: 1 });
  });

  it('falls back to running unlocked when the lock API refuses', async () => {
    const ctx = shared();
    ctx.locks = { request: () => Promise.reject(new Error('SecurityError')) };
    const c = coordinator(ctx);
    expect(await c.get()).toEqual({ n: 1 });
  });

  it('rejects after dispose', async () => {
    const c = coordinator(shared());
    c.dispose();
    await expect(c.get()).rejects.toThrow(/disposed/);
  });
});

describe('check coordinator across tabs (fake locks and channel)', () => {
  it('one tab runs; the others wait for the lock and read the fresh cache', async () => {
    const ctx = shared();
    const tabs = [coordinator(ctx), coordinator(ctx), coordinator(ctx)];
    const results = await Promise.all(tabs.map((tab) => tab.get()));
    expect(ctx.runs.count).toBe(1);
    expect(results).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
  });

  it('broadcasts the result to subscribers in every tab', async () => {
    const ctx = shared();
    const [a, b] = [coordinator(ctx), coordinator(ctx)];
    const heardA = vi.fn();
    const heardB = vi.fn();
    a.subscribe(heardA);
    b.subscribe(heardB);
    await a.get();
    await vi.waitFor(() => expect(heardB).toHaveBeenCalledWith({ n: 1 }, 1_000));
    expect(heardA).toHaveBeenCalledTimes(1);
  });

  it('a forced re-check still takes the lock: simultaneous forces run once', async () => {
    const ctx = shared();
    const [a, b] = [coordinator(ctx), coordinator(ctx)];
    await a.get();
    const results = await Promise.all([a.get({ force: true }), b.get({ force: true })]);
    expect(ctx.runs.count).toBe(2);
    expect(results).toEqual([{ n: 2 }, { n: 2 }]);
  });

  it('without a channel, the storage event carries the news', async () => {
    const ctx = shared(null);
    const storageListeners = new Set<(key: string | null) => void>();
    const onStorageChange = (fn: (key: string | null) => void) => {
      storageListeners.add(fn);
      return () => storageListeners.delete(fn);
    };
    const [a, b] = [coordinator(ctx, { onStorageChange }), coordinator(ctx, { onStorageChange })];
    const heard = vi.fn();
    b.subscribe(heard);
    await a.get();
    storageListeners.forEach((fn) => fn('bytegpt-billing:check:v1:acct-1'));
    expect(heard).toHaveBeenCalledWith({ n: 1 }, 1_000);
  });

  it('without locks or channel, one page still runs once (in-page single flight)', async () => {
    const ctx = shared(null);
    const c = coordinator(ctx, { locks: undefined });
    await Promise.all([c.get(), c.get(), c.get()]);
    expect(ctx.runs.count).toBe(1);
  });
});

describe('check coordinator with Node’s real BroadcastChannel', () => {
  // Typed without a cast: the real BroadcastChannel satisfies ChannelLike.
  const realChannel: ChannelFactory = (name) => new BroadcastChannel(name);

  it('3 contexts × 30 checks inside one TTL → exactly one run', async () => {
    const ctx = shared(realChannel);
    ctx.clock.now = Date.now();
    const cacheKey = hashSettings('acct-42', 'https://api.openai.com');
    const tabs = [0, 1, 2].map(() => coordinator(ctx, { cacheKey }));
    const all: Array<Promise<{ n: number }>> = [];
    for (let round = 0; round < 30; round += 1) {
      for (const tab of tabs) all.push(tab.get());
      if (round % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const results = await Promise.all(all);
    expect(results).toHaveLength(90);
    expect(ctx.runs.count).toBe(1);
    expect(results.every((r) => r.n === 1)).toBe(true);
  });

  it('delivers the result to another context that did not ask', async () => {
    const ctx = shared(realChannel);
    // Separate storages: the message itself must carry the value.
    const a = coordinator(ctx, { cacheKey: 'real-bc' });
    const b = coordinator({ ...ctx, storage: createMemoryStorage() }, { cacheKey: 'real-bc' });
    const heard = vi.fn();
    b.subscribe(heard);
    await a.get();
    await vi.waitFor(() => expect(heard).toHaveBeenCalledWith({ n: 1 }, 1_000));
    expect(b.peek()).toEqual({ value: { n: 1 }, at: 1_000 });
  });
});
