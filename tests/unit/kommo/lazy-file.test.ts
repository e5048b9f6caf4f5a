// The page-wide load of the widget's extra files (src/kommo/lazy-file.ts, amd.ts), as
// engine.js and admin.js use it: one request however many ask at once, the value kept
// once it arrived, a failure remembered only until the next try (which asks again), a
// module that is not ours refused and forgotten by RequireJS, an unusable path refused
// without a request, and RequireJS's require by URL bounded by a timeout.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireUrl } from '../../../src/kommo/amd.ts';
import { createLazyFile } from '../../../src/kommo/lazy-file.ts';

interface Engine {
  runCheck(): void;
}
const ENGINE: Engine = { runCheck() {} };
const readEngine = (value: unknown): Engine | null =>
  value && typeof (value as Partial<Engine>).runCheck === 'function' ? (value as Engine) : null;

/** A RequireJS stand-in: each call waits until the test settles it. */
function fakeRequire() {
  const calls: Array<{ url: string; resolve(value: unknown): void; reject(error: unknown): void }> = [];
  const requireModule = vi.fn((url: string) => new Promise<unknown>((resolve, reject) => calls.push({ url, resolve, reject })));
  return { calls, requireModule };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  const scope = globalThis as Record<string, unknown>;
  delete scope.define;
  delete scope.requirejs;
});

describe('createLazyFile', () => {
  it('asks once with the versioned URL however many ask at once, and every caller gets the module', async () => {
    vi.spyOn(console, 'trace').mockImplementation(() => {});
    const { calls, requireModule } = fakeRequire();
    const file = createLazyFile('engine.js', '1.2.3', requireModule, readEngine);
    const phases: string[] = [];
    file.subscribe(() => phases.push(file.phase()));
    const first = file.load('/upl/code/1.2.3/widget/');
    const second = file.load('/upl/code/1.2.3/widget');
    expect(requireModule).toHaveBeenCalledTimes(1);
    expect(calls[0]!.url).toBe('/upl/code/1.2.3/widget/engine.js?v=1.2.3');
    calls[0]!.resolve(ENGINE);
    expect(await first).toBe(ENGINE);
    expect(await second).toBe(ENGINE);
    expect(await file.load('/elsewhere')).toBe(ENGINE);
    expect(requireModule).toHaveBeenCalledTimes(1);
    expect(file.value()).toBe(ENGINE);
    expect(phases).toEqual(['loading', 'ready']);
    expect(console.trace).not.toHaveBeenCalled();
  });

  it('a failure rejects every waiting caller, is traced once, and the next load asks again', async () => {
    vi.spyOn(console, 'trace').mockImplementation(() => {});
    const { calls, requireModule } = fakeRequire();
    const file = createLazyFile('engine.js', '1', requireModule, readEngine);
    const waiting = [file.load('/w'), file.load('/w')];
    calls[0]!.reject(new Error('Script error for "/w/engine.js?v=1"'));
    for (const pending of waiting) await expect(pending).rejects.toThrow('Script error');
    expect(file.phase()).toBe('failed');
    expect(file.value()).toBeNull();
    expect(console.trace).toHaveBeenCalledTimes(1);

    const retry = file.load('/w');
    expect(requireModule).toHaveBeenCalledTimes(2);
    calls[1]!.resolve(ENGINE);
    expect(await retry).toBe(ENGINE);
    expect(file.phase()).toBe('ready');
  });

  it('refuses a module that is not the file it asked for, and a path it cannot use', async () => {
    vi.spyOn(console, 'trace').mockImplementation(() => {});
    const { calls, requireModule } = fakeRequire();
    const file = createLazyFile('engine.js', '1', requireModule, readEngine);
    const pending = file.load('/w');
    calls[0]!.resolve({ css: '' });
    await expect(pending).rejects.toThrow("is not the widget's engine.js");
    expect(file.phase()).toBe('failed');
    for (const path of [undefined, '', 'upl/x', 'javascript:alert(1)', '/a"b']) {
      const other = createLazyFile('engine.js', '1', requireModule, readEngine);
      await expect(other.load(path)).rejects.toThrow('no usable widget path');
      expect(other.phase()).toBe('failed');
    }
    expect(requireModule).toHaveBeenCalledTimes(1);
  });

  it('a file that loads but is not ours is forgotten by RequireJS, so the retry asks the server again', async () => {
    vi.spyOn(console, 'trace').mockImplementation(() => {});
    // A RequireJS that keeps every loaded module until undef, as the real one does.
    const served: unknown[] = [{ css: '' }, ENGINE];
    const registry = new Map<string, unknown>();
    let fetched = 0;
    const scope = globalThis as Record<string, unknown>;
    scope.requirejs = Object.assign(
      (deps: string[], onLoad: (value: unknown) => void) => {
        const url = deps[0]!;
        if (!registry.has(url)) {
          fetched += 1;
          registry.set(url, served.shift());
        }
        onLoad(registry.get(url));
      },
      { undef: (id: string) => void registry.delete(id) },
    );
    scope.define = Object.assign(() => {}, { amd: {} });
    const file = createLazyFile('engine.js', '1', (url) => requireUrl(url, 20_000), readEngine);
    await expect(file.load('/w')).rejects.toThrow("is not the widget's engine.js");
    expect(registry.size).toBe(0);
    expect(await file.load('/w')).toBe(ENGINE);
    expect(fetched).toBe(2);
  });

  it('an unusable path is traced, as every other failure is', async () => {
    vi.spyOn(console, 'trace').mockImplementation(() => {});
    const { requireModule } = fakeRequire();
    await expect(createLazyFile('engine.js', '1', requireModule, readEngine).load(undefined)).rejects.toThrow('no usable widget path');
    expect(console.trace).toHaveBeenCalledTimes(1);
  });

  it('a require that throws at once fails the load and the next one asks again', async () => {
    vi.spyOn(console, 'trace').mockImplementation(() => {});
    let attempt = 0;
    const file = createLazyFile('engine.js', '1', (): Promise<unknown> => {
      attempt += 1;
      if (attempt === 1) throw new Error('RequireJS is broken');
      return Promise.resolve(ENGINE);
    }, readEngine);
    await expect(file.load('/w')).rejects.toThrow('RequireJS is broken');
    expect(await file.load('/w')).toBe(ENGINE);
  });
});

describe('requireUrl (the page RequireJS)', () => {
  /** A RequireJS that calls nobody back (a request the network lost), or fails with `error`. */
  function pageRequire(error?: Error & { requireModules?: string[] }) {
    const undef = vi.fn();
    const req = Object.assign(
      vi.fn((_deps: string[], _onLoad: () => void, onError: (e: unknown) => void) => {
        if (error) onError(error);
      }),
      { undef },
    );
    const scope = globalThis as Record<string, unknown>;
    scope.requirejs = req;
    scope.define = Object.assign(() => {}, { amd: {} });
    return { req, undef };
  }

  it('rejects after the timeout when the file never arrives, and forgets the stuck URL', async () => {
    vi.useFakeTimers();
    const { req, undef } = pageRequire();
    const pending = requireUrl('/w/engine.js?v=1', 20_000);
    const seen = expect(pending).rejects.toThrow('did not load within 20000 ms');
    expect(req).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(undef).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await seen;
    expect(undef).toHaveBeenCalledWith('/w/engine.js?v=1');
  });

  it('forgets a failed URL so the next require asks the server again', async () => {
    const { undef } = pageRequire(Object.assign(new Error('Script error'), { requireModules: ['/w/engine.js?v=1'] }));
    await expect(requireUrl('/w/engine.js?v=1', 20_000)).rejects.toThrow('Script error');
    expect(undef).toHaveBeenCalledWith('/w/engine.js?v=1');
  });

  it('rejects at once without RequireJS on the page', async () => {
    await expect(requireUrl('/w/engine.js?v=1', 20_000)).rejects.toThrow('RequireJS is not on the page');
  });
});
