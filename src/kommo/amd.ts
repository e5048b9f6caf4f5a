// The page's RequireJS, which Kommo loads script.js with (kommo-platform.md §3.6). The
// only code that touches the define/require globals: named defines for the modules
// script.js lends admin.js, and a require of admin.js or engine.js by URL that settles
// once.

interface RequireError extends Error {
  requireModules?: string[] | null;
}

type AmdRequire = ((deps: string[], onLoad: (...values: unknown[]) => void, onError: (error: RequireError) => void) => void) & {
  undef?(id: string): void;
  defined?(id: string): boolean;
};

type AmdDefine = ((id: string, deps: string[], factory: () => unknown) => void) & { amd?: unknown };

interface Amd {
  require: AmdRequire;
  define: AmdDefine;
}

/** RequireJS as the page has it (`requirejs`, else `require`), or null without one. */
function pageAmd(): Amd | null {
  const scope = globalThis as { requirejs?: unknown; require?: unknown; define?: unknown };
  const req = typeof scope.requirejs === 'function' ? scope.requirejs : scope.require;
  const define = scope.define;
  if (typeof req !== 'function' || typeof define !== 'function' || !(define as AmdDefine).amd) return null;
  return { require: req as AmdRequire, define: define as AmdDefine };
}

/** Defines each module under its id unless RequireJS already has it. False without RequireJS. */
export function defineModules(modules: ReadonlyMap<string, unknown>): boolean {
  const amd = pageAmd();
  if (!amd) return false;
  for (const [id, value] of modules) {
    if (amd.require.defined?.(id)) continue;
    amd.define(id, [], () => value);
  }
  return true;
}

/** Makes RequireJS forget a URL's module (loaded or stuck), so the next require asks the server again. */
export function forgetUrl(url: string): void {
  pageAmd()?.require.undef?.(url);
}

/**
 * Requires one module by URL. Rejects on a load error (404, a CSP refusal, a script
 * that throws), on no RequireJS, or after `timeoutMs`; a failed or timed-out URL is
 * forgotten so a later call asks the server again.
 */
export function requireUrl(url: string, timeoutMs: number): Promise<unknown> {
  const amd = pageAmd();
  if (!amd) return Promise.reject(new Error('RequireJS is not on the page'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      forgetUrl(url);
      reject(new Error(`${url} did not load within ${timeoutMs} ms`));
    }, timeoutMs);
    amd.require(
      [url],
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        for (const id of error?.requireModules ?? [url]) amd.require.undef?.(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
