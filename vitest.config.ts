import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Four layers of tests (style-anchors §6.11): pure code in node, the OpenAI client
// against msw's node server, Preact components in happy-dom, and the built widget
// in real Chromium through a Kommo-like host page.
export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
  test: {
    // Calendar rules read the runtime's zone (the browser's); tests pin one and pass
    // others explicitly.
    env: { TZ: 'UTC' },
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', environment: 'node', include: ['tests/integration/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: { name: 'component', environment: 'happy-dom', include: ['tests/component/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits on Chromium loading files and running checks: give a busy
          // 2-core machine time (vitest's default is 1 s).
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['src/health/**/*.ts'],
      exclude: ['src/health/types.ts', 'src/health/signals.ts'],
      reporter: ['text-summary'],
      reportsDirectory: 'artifacts/coverage',
      thresholds: { 'src/health/**/*.ts': { branches: 100, lines: 100, functions: 100, statements: 100 } },
    },
  },
});
