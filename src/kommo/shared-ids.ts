// The modules script.js lends admin.js (src/lazy/admin.ts), by name. vite.config.ts
// reads this list to leave them out of admin.js (they become its AMD dependencies),
// and src/kommo/admin-shared.ts defines each one before admin.js is required. Preact
// must be one instance on the page (hooks keep their state in it); health/options is
// the settings form's parser, which script.js already holds, so admin.js need not
// bundle it a second time. No imports here: the build config reads this file.

export const SHARED_MODULES = ['preact', 'preact/hooks', 'preact/jsx-runtime', 'src/health/options.ts'] as const;

export type SharedModule = (typeof SHARED_MODULES)[number];

/** The admin file's name in the archive, next to script.js. */
export const ADMIN_FILE = 'admin.js';

/** The check engine's file (src/lazy/engine.ts): the network code, loaded when a check is due. */
export const ENGINE_FILE = 'engine.js';

/**
 * The AMD id of a shared module: the widget's name and build version in front, so two
 * widgets, or two versions of this one on a page, never take each other's modules.
 */
export function sharedModuleId(build: string, name: SharedModule): string {
  return `bytegpt-billing-health@${build}/${name.replace(/^src\//, '').replace(/\.tsx?$/, '')}`;
}
