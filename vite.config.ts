import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { cssMinifyPlugin } from './scripts/bundle/css-minify.ts';
import {
  checkAdminModules,
  checkEngineModules,
  checkMainModules,
  lendSharedUse,
  recordSharedUse,
  sharedExternals,
  type SharedUse,
} from './scripts/bundle/split.ts';
import { ADMIN_FILE, ENGINE_FILE } from './src/kommo/shared-ids.ts';

// The shipped widget is three files (docs/architecture.md, "Three files"):
// - script.js: one UMD file whose AMD branch is an anonymous define(['jquery'], factory)
//   returning the widget constructor (Kommo's RequireJS loads it by URL; Rolldown has
//   no AMD output, and codeSplitting stays off: one file);
// - admin.js: the admin screens (entry src/lazy/admin.ts), a UMD file whose anonymous
//   define() lists Preact and the other shared modules under versioned AMD ids. Before
//   script.js requires it (relative to params.path, as Kommo's own widget loads its
//   extra files), it defines those ids with its own modules: one Preact on the page;
// - engine.js: the network code and zod (entry src/lazy/engine.ts), a UMD file whose
//   anonymous define() has no dependencies, required the same way when a check is due.
// Neither is minified (Kommo's moderation reads our code); JSDoc comments are dropped
// (the repository keeps them) and the CSS strings lose their indentation and comments
// (scripts/bundle/css-minify.ts). MINIFY=1 builds the twins used only to measure size
// (scripts/size.ts). `npm run build` runs every part through widgetConfig(), admin.js
// before script.js, which then lends it only the names it reads.
const root = fileURLToPath(new URL('.', import.meta.url));

/** The package version: the AMD ids and admin.js's ?v= carry it. */
export const BUILD_VERSION = String((JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: unknown }).version);

export type WidgetPart = 'main' | 'admin' | 'engine';

/** Each part's entry, UMD global (never used on Kommo's page) and file name. */
const PARTS = {
  main: { entry: 'src/main.ts', name: 'BytegptBillingHealth', file: 'script.js' },
  admin: { entry: 'src/lazy/admin.ts', name: 'BytegptBillingHealthAdmin', file: ADMIN_FILE },
  engine: { entry: 'src/lazy/engine.ts', name: 'BytegptBillingHealthEngine', file: ENGINE_FILE },
} as const;

/** The parts in build order: admin.js before script.js (see sharedUse). */
export const WIDGET_PARTS: readonly WidgetPart[] = ['admin', 'engine', 'main'];

export interface WidgetBuildOptions {
  part: WidgetPart;
  minify?: boolean;
  outDir?: string;
  /** Another entry for the main part (the size baseline); no split checks then. */
  entry?: string;
  /**
   * What admin.js reads of the shared modules: the admin build fills it, and the main
   * build built after it lends exactly that (scripts/bundle/split.ts). Without it the
   * main build lends every shared module whole.
   */
  sharedUse?: SharedUse;
}

export function widgetConfig({ part, minify = false, outDir = 'dist/widget', entry, sharedUse }: WidgetBuildOptions): InlineConfig {
  const admin = part === 'admin';
  const engine = part === 'engine';
  const widget = part === 'main' && !entry;
  const { name, file } = PARTS[part];
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [
      ...(engine ? (minify ? [] : [checkEngineModules()]) : [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })]),
      cssMinifyPlugin(),
      ...(admin ? [sharedExternals(root, BUILD_VERSION), ...(minify ? [] : [checkAdminModules()])] : []),
      ...(admin && sharedUse ? [recordSharedUse(BUILD_VERSION, sharedUse)] : []),
      // The contents checks read module comments, which only unminified output has.
      ...(widget && !minify ? [checkMainModules()] : []),
      ...(widget && sharedUse ? [lendSharedUse(root, sharedUse)] : []),
    ],
    publicDir: false,
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
      ...(widget ? { __BYTEGPT_SPLIT__: 'true', __BYTEGPT_BUILD__: JSON.stringify(BUILD_VERSION) } : {}),
    },
    build: {
      outDir,
      emptyOutDir: false,
      minify,
      sourcemap: false,
      target: 'es2020',
      cssCodeSplit: false,
      reportCompressedSize: false,
      lib: {
        entry: part === 'main' && entry ? entry : PARTS[part].entry,
        formats: ['umd'],
        name,
        fileName: () => file,
      },
      rolldownOptions: {
        external: part === 'main' ? ['jquery'] : [],
        output: {
          exports: 'default',
          codeSplitting: false,
          comments: { legal: true, annotation: false, jsdoc: false },
          // The UMD wrapper's non-AMD branch, never taken on Kommo's page.
          globals: (id: string) => (id === 'jquery' ? 'jQuery' : 'BytegptBillingHealthShared'),
        },
      },
    },
  };
}

// `vite build` on its own builds script.js (WIDGET_PART=admin: admin.js, =engine:
// engine.js), lending admin.js every shared module whole.
export default defineConfig(() => {
  const part = process.env.WIDGET_PART;
  const { configFile: _configFile, ...config } = widgetConfig({
    part: part === 'admin' || part === 'engine' ? part : 'main',
    minify: process.env.MINIFY === '1',
    ...(process.env.OUT_DIR ? { outDir: process.env.OUT_DIR } : {}),
    ...(process.env.ENTRY ? { entry: process.env.ENTRY } : {}),
  });
  return config;
});
