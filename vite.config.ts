import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The shipped script.js: one UMD file whose AMD branch is an anonymous
// define(['jquery'], factory) returning the widget constructor (Kommo's RequireJS
// loads it by URL). Not minified: Kommo's moderation reads our code.
// MINIFY=1 builds the twin used only to measure size (scripts/size.ts).
const minify = process.env.MINIFY === '1';

export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: process.env.OUT_DIR ?? 'dist/widget',
    emptyOutDir: false,
    minify,
    sourcemap: false,
    target: 'es2020',
    cssCodeSplit: false,
    lib: {
      entry: process.env.ENTRY ?? 'src/main.ts',
      formats: ['umd'],
      name: 'BytegptBillingHealth',
      fileName: () => 'script.js',
    },
    rolldownOptions: {
      external: ['jquery'],
      output: { exports: 'default', codeSplitting: false, globals: { jquery: 'jQuery' } },
    },
  },
});
