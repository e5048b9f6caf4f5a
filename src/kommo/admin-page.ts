// The page's one admin.js load. The widget build (vite.config.ts) sets
// __BYTEGPT_BUILD__ to the package version; built from source (the tests) it is not
// set, the admin screens are bundled in (src/ui/admin-ui.tsx), and there is nothing
// to load. Before admin.js is required, the modules it borrows are defined under ids
// that carry that version (src/kommo/shared-ids.ts).
import { createAdminFile, type AdminFile } from './admin-file.ts';
import { SHARED_VALUES } from './admin-shared.ts';
import { defineModules, requireUrl } from './amd.ts';
import { LAZY_LOAD_TIMEOUT_MS } from './lazy-file.ts';
import { SHARED_MODULES, sharedModuleId } from './shared-ids.ts';

declare const __BYTEGPT_BUILD__: string | undefined;

let page: AdminFile | null = null;

function requireAdmin(build: string, url: string): Promise<unknown> {
  const shared = new Map(SHARED_MODULES.map((name) => [sharedModuleId(build, name), SHARED_VALUES[name]] as const));
  if (!defineModules(shared)) return Promise.reject(new Error('RequireJS is not on the page'));
  return requireUrl(url, LAZY_LOAD_TIMEOUT_MS);
}

/** admin.js for this page, or null when the admin screens are bundled in. */
export function pageAdminFile(): AdminFile | null {
  if (typeof __BYTEGPT_BUILD__ === 'undefined') return null;
  const build = __BYTEGPT_BUILD__;
  page ??= createAdminFile((url) => requireAdmin(build, url), build);
  return page;
}
