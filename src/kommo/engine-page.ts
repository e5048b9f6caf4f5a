// The page's one engine.js load (src/lazy/engine.ts: runCheck, the relay's client with
// its body schema, the Kommo tasks bodies' schemas). Every widget instance on the page
// shares it: asked when a check is due in the tab that runs it, when a member presses
// "remind the admin", and by "Test connection". A failure is forgotten at once, so the next check asks again.
// Built from source (the tests) there is no file: the module is imported directly.
import type { EngineModule } from '../lazy/engine.ts';
import { requireUrl } from './amd.ts';
import { createLazyFile, LAZY_LOAD_TIMEOUT_MS, type LazyFile } from './lazy-file.ts';
import { ENGINE_FILE } from './shared-ids.ts';

declare const __BYTEGPT_BUILD__: string | undefined;

export type LoadEngineModule = () => Promise<EngineModule>;

const ENGINE_NAMES = ['runCheck', 'askRelay', 'parseTaskList', 'parseCreatedTaskId'] as const;

/** The module's value as the engine, or null when it is not what engine.js exports. */
function readEngine(value: unknown): EngineModule | null {
  if (!value || typeof value !== 'object') return null;
  const engine = value as Record<string, unknown>;
  return ENGINE_NAMES.every((name) => typeof engine[name] === 'function') ? (value as EngineModule) : null;
}

let page: LazyFile<EngineModule> | null = null;

/** `requireModule` loads one module by URL (RequireJS in the page); `build` versions the URL. */
function createEngineFile(requireModule: (url: string) => Promise<unknown>, build: string): LazyFile<EngineModule> {
  return createLazyFile(ENGINE_FILE, build, requireModule, readEngine);
}

/** Source builds: the real module, as a separate chunk nobody ships. */
const importEngine: LoadEngineModule = () => import('../lazy/engine.ts').then((module) => module.default);

/**
 * The loader for one widget instance: engine.js from its folder (Kommo's params.path,
 * read when the load starts) through the page-wide load.
 */
export function pageEngineLoader(widgetPath: () => unknown): LoadEngineModule {
  if (typeof __BYTEGPT_BUILD__ === 'undefined') return importEngine;
  const build = __BYTEGPT_BUILD__;
  return () => {
    page ??= createEngineFile((url) => requireUrl(url, LAZY_LOAD_TIMEOUT_MS), build);
    return page.load(widgetPath());
  };
}
