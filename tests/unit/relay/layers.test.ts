// The relay's layer rules in .oxlintrc.json, proved on probe files in a temp copy of the
// layout with the real config (as tests/unit/lint does for the widget's layers): the
// relay may use the engine (billing, health, monitor), never the widget's Kommo, UI or
// Preact code, and nothing shipped may import the relay.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const oxlint = join(root, 'node_modules/oxlint/bin/oxlint');
const IMPORTS = 'eslint(no-restricted-imports)';
const CONSOLE = 'eslint(no-console)';

const PROBES: Record<string, { code: string; expected: string[] }> = {
  'src/relay/bad-widget.ts': {
    code: [
      "import { StatusPanel } from '../ui/StatusPanel.tsx';",
      "import { readSettings } from '../kommo/settings.ts';",
      "import { h } from 'preact';",
      "import { SCENARIOS } from '../mocks/scenarios.ts';",
      "import { steps } from '../checklist/steps.ts';",
      "import { mountAdmin } from '../lazy/admin.ts';",
      'export const all = [StatusPanel, readSettings, h, SCENARIOS, steps, mountAdmin];',
      '',
    ].join('\n'),
    expected: [IMPORTS, IMPORTS, IMPORTS, IMPORTS, IMPORTS, IMPORTS],
  },
  'src/relay/bad-console.ts': { code: "export const f = () => console.error('x');\n", expected: [CONSOLE] },
  'src/relay/clean.ts': {
    code: [
      "import { runCheck } from '../billing/check.ts';",
      "import { evaluate } from '../health/evaluate.ts';",
      "import { checkIntervalMs } from '../monitor/index.ts';",
      "import { Hono } from 'hono';",
      "import { jwtVerify } from 'jose';",
      'export const all = [runCheck, evaluate, checkIntervalMs, Hono, jwtVerify];',
      "export const log = () => console.log('{}');",
      '',
    ].join('\n'),
    expected: [],
  },
  'src/main.ts': { code: "import { createRelayApp } from './relay/app.ts';\nexport default createRelayApp;\n", expected: [IMPORTS] },
  'src/kommo/bad-relay.ts': { code: "export { createRelayApp } from '../relay/app.ts';\n", expected: [IMPORTS] },
  'src/ui/bad-relay.ts': { code: "export { createRelayApp } from '../relay/app.ts';\n", expected: [IMPORTS] },
  'src/monitor/bad-relay.ts': { code: "export { createRelayApp } from '../relay/app.ts';\n", expected: [IMPORTS] },
  'src/billing/bad-relay.ts': { code: "export { createRelayApp } from '../../src/relay/app.ts';\n", expected: [IMPORTS] },
  'src/health/bad-relay.ts': { code: "export type { RelayConfig } from '../relay/config.ts';\n", expected: [IMPORTS] },
  'src/checklist/bad-relay.ts': { code: "export { createRelayApp } from '../relay/app.ts';\n", expected: [IMPORTS] },
  'src/i18n/bad-relay.ts': { code: "export { createRelayApp } from '../relay/app.ts';\n", expected: [IMPORTS] },
  'src/mocks/bad-relay.ts': { code: "export { createRelayApp } from '../relay/app.ts';\n", expected: [IMPORTS] },
};

let dir = '';
const byFile = new Map<string, string[]>();
let filesLinted = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relay-lint-'));
  copyFileSync(join(root, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
  for (const [file, probe] of Object.entries(PROBES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), probe.code);
  }
  const run = spawnSync(process.execPath, [oxlint, '-c', '.oxlintrc.json', '-f', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: { code: string; filename: string }[]; number_of_files: number };
  filesLinted = report.number_of_files;
  for (const d of report.diagnostics) byFile.set(d.filename, [...(byFile.get(d.filename) ?? []), d.code]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('relay layer rules (.oxlintrc.json)', () => {
  it.each(Object.entries(PROBES))('%s', (file, probe) => {
    expect((byFile.get(file) ?? []).sort()).toEqual([...probe.expected].sort());
  });

  it('lints every probe', () => {
    expect(filesLinted).toBe(Object.keys(PROBES).length);
  });
});
