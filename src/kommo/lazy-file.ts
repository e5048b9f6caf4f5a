// One of the widget's extra files (admin.js, engine.js) as one page-wide load through
// the page's RequireJS: it starts on demand, runs at most once at a time, and once it
// succeeded every widget instance on the page reads the same module. A failure (404, a
// CSP refusal, a timeout, a file that is not ours) is remembered only until the next
// load(), so a retry asks the server again. Listeners hear every change of phase.
import { forgetUrl } from './amd.ts';
import { reportCaught } from './notify.ts';

export type LazyPhase = 'idle' | 'loading' | 'ready' | 'failed';

/** Long enough for a slow mobile link; a lost request then fails and the next try asks again. */
export const LAZY_LOAD_TIMEOUT_MS = 20_000;

export interface LazyFile<T> {
  phase(): LazyPhase;
  /** The module once a load succeeded, else null. */
  value(): T | null;
  /**
   * The load in flight or done, else a new one from the widget's folder (Kommo's
   * params.path). Rejects when the path is unusable or the file does not load.
   */
  load(widgetPath: unknown): Promise<T>;
  /** Called after every change of phase; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** `<path>/<file>?v=<build>`, the way Kommo's own files are asked for; null without a usable path. */
function lazyFileUrl(widgetPath: unknown, file: string, build: string): string | null {
  if (typeof widgetPath !== 'string' || !/^(https?:\/\/|\/)[^\s"'<>\\]*$/.test(widgetPath)) return null;
  return `${widgetPath.replace(/\/+$/, '')}/${file}?v=${encodeURIComponent(build)}`;
}

/**
 * `requireModule` loads one module by URL (RequireJS in the page); `build` versions the
 * URL; `read` returns the module's value as this file's, or null when it is not ours
 * (then the page's RequireJS forgets it too).
 */
export function createLazyFile<T>(file: string, build: string, requireModule: (url: string) => Promise<unknown>, read: (value: unknown) => T | null): LazyFile<T> {
  let phase: LazyPhase = 'idle';
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const listeners = new Set<() => void>();

  const set = (next: LazyPhase) => {
    phase = next;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        reportCaught(error);
      }
    }
  };

  /**
   * Forgets the load (the next one asks again); the caller has traced what was caught
   * (Kommo allows console.trace only in a catch or a rejection handler).
   */
  const fail = (error: unknown): Promise<T> => {
    pending = null;
    set('failed');
    return Promise.reject(error);
  };

  return {
    phase: () => phase,
    value: () => value,
    load(widgetPath) {
      if (pending) return pending;
      const url = lazyFileUrl(widgetPath, file, build);
      let asked: Promise<unknown>;
      try {
        if (!url) throw new Error(`no usable widget path to load ${file} from`);
        asked = requireModule(url);
      } catch (error) {
        reportCaught(error);
        return fail(error);
      }
      const current = asked.then((loaded) => {
        const ours = read(loaded);
        if (ours !== null) return ours;
        // RequireJS would hand the same module to a retry: make it ask the server again.
        forgetUrl(url);
        throw new Error(`${url} is not the widget's ${file}`);
      });
      pending = current;
      set('loading');
      // Settles the phase before any caller's own continuation runs.
      current.then(
        (ours) => {
          value = ours;
          set('ready');
        },
        (error: unknown) => {
          reportCaught(error);
          if (pending === current) fail(error).catch(() => {});
        },
      );
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
