// The page's RequireJS (the real one from npm, loaded by index.html) and the three
// loader plugins Kommo's page provides (kommo-platform.md §3.6): json!, text!, optional!.

interface RequireErrorLike extends Error {
  requireType?: string;
  requireModules?: string[];
}

/** The part of RequireJS's global API the host uses. */
export interface RequireJs {
  (deps: string[], onLoad: (...modules: unknown[]) => void, onError?: (err: RequireErrorLike) => void): void;
  config(config: Record<string, unknown>): void;
  undef(id: string): void;
  s: { contexts: Record<string, { defined: Record<string, unknown> }> };
}

type Define = (id: string, deps: string[], factory: () => unknown) => void;

interface PluginOnLoad {
  (value: unknown): void;
  error(err: unknown): void;
}

type LocalRequire = (deps: string[], onLoad: (value: unknown) => void, onError: (err: unknown) => void) => void;

interface LoaderPlugin {
  load(name: string, req: LocalRequire, onload: PluginOnLoad): void;
}

const globals = window as unknown as { requirejs?: RequireJs; define?: Define };

export function requirejs(): RequireJs {
  if (!globals.requirejs) throw new Error('RequireJS is not on the page');
  return globals.requirejs;
}

/** Promise form of `require([...])`. */
export function requireAsync(deps: string[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => requirejs()(deps, (...modules) => resolve(modules), reject));
}

function fetchPlugin(read: (res: Response) => Promise<unknown>): LoaderPlugin {
  return {
    load(name, _req, onload) {
      // Names are absolute URLs with ?v=…; RequireJS's toUrl would mangle the version.
      fetch(name, { credentials: 'same-origin' })
        .then((res) => (res.ok ? read(res) : Promise.reject(new Error(`HTTP ${res.status} for ${name}`))))
        .then(onload, (err: unknown) => onload.error(err));
    },
  };
}

/** Why an `optional!` module resolved to null, by module name. */
export const optionalFailures = new Map<string, string>();

/** Configure RequireJS like Kommo's page and register the plugins (once). */
export function setUpRequire(): void {
  const req = requirejs();
  req.config({ paths: { jquery: '/vendor/jquery' }, waitSeconds: 30 });
  const define = globals.define;
  if (!define) throw new Error('RequireJS define() is not on the page');
  define('json', [], () => fetchPlugin((res) => res.json()));
  define('text', [], () => fetchPlugin((res) => res.text()));
  define('optional', [], (): LoaderPlugin => ({
    load(name, localRequire, onload) {
      localRequire(
        [name],
        (value) => onload(value),
        (err) => {
          optionalFailures.set(name, err instanceof Error ? err.message : String(err));
          // Forget the failed module so a later attempt can load it again.
          req.undef(name);
          onload(null);
        },
      );
    },
  }));
}
