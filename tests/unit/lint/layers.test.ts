// The layer rules in .oxlintrc.json, proved on probe files. The probes live in a temp
// copy of the layout (src/<layer>/…) with a byte-for-byte copy of the real config, so
// the real src/ is never touched and the real rules are what is tested.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const configPath = join(root, '.oxlintrc.json');
const oxlint = join(root, 'node_modules/oxlint/bin/oxlint');

const IMPORTS = 'eslint(no-restricted-imports)';
const GLOBALS = 'eslint(no-restricted-globals)';
const PROPERTIES = 'eslint(no-restricted-properties)';
const UNUSED = 'eslint(no-unused-vars)';
const CONSOLE = 'eslint(no-console)';

// Each probe and the rules it must break, no more and no fewer: clean probes expect [].
const PROBES: Record<string, { code: string; expected: string[] }> = {
  'src/health/bad-import.ts': {
    code: "import { requestJson } from '../billing/http.ts';\nexport const request = requestJson;\n",
    expected: [IMPORTS],
  },
  'src/health/bad-deep-import.ts': {
    code: "export { KEY } from '../../src/kommo/settings.ts';\nexport const load = () => import('../i18n/index.ts');\n",
    expected: [IMPORTS, IMPORTS],
  },
  'src/billing/bad-preact.ts': {
    code: "import { h } from 'preact';\nimport { useState } from 'preact/hooks';\nexport const both = [h, useState];\n",
    expected: [IMPORTS, IMPORTS],
  },
  'src/monitor/bad-ui.ts': {
    code: "import type { PanelState } from '../ui/types.ts';\nexport type State = PanelState;\n",
    expected: [IMPORTS],
  },
  'src/checklist/bad-billing.ts': {
    code: "import { runCheck } from '../billing/check.ts';\nexport const run = runCheck;\n",
    expected: [IMPORTS],
  },
  'src/i18n/bad-health.ts': {
    code: "import type { Status } from '../health/types.ts';\nexport type S = Status;\n",
    expected: [IMPORTS],
  },
  'src/ui/bad-fetch.ts': {
    code: [
      "export const a = () => fetch('/v1/models');",
      "export const b = () => window.fetch('/v1/models');",
      "export const c = () => globalThis.fetch('/v1/models');",
      'export const d = () => new XMLHttpRequest();',
      '',
    ].join('\n'),
    expected: [GLOBALS, GLOBALS, PROPERTIES, PROPERTIES],
  },
  'src/kommo/bad-mocks.ts': {
    code: "import { SCENARIOS } from '../mocks/scenarios.ts';\nexport const all = SCENARIOS;\n",
    expected: [IMPORTS],
  },
  'src/ui/bad-mocks.ts': {
    code: "export { handlers } from '../mocks/handlers.ts';\n",
    expected: [IMPORTS],
  },
  'src/main.ts': {
    code: "import { StatusPanel } from './ui/StatusPanel.tsx';\nimport { createCallbacks } from './kommo/widget.ts';\nexport default [StatusPanel, createCallbacks];\n",
    expected: [IMPORTS],
  },
  'src/billing/bad-app.ts': {
    code: 'export const lang = () => APP.lang_id;\nexport const user = () => window.APP;\n',
    expected: [GLOBALS, PROPERTIES],
  },
  'src/health/bad-hygiene.ts': {
    code: "import { utc } from './utc.ts';\nexport function f(): void {\n  console.log('x');\n  console.trace('allowed');\n}\n",
    expected: [CONSOLE, UNUSED],
  },
  'src/lazy/engine-bad.ts': {
    code: "import { h } from 'preact';\nimport { createEngineSource } from '../monitor/engine.ts';\nimport { t } from '../i18n/index.ts';\nexport const all = [h, createEngineSource, t];\n",
    expected: [IMPORTS, IMPORTS, IMPORTS],
  },
  'src/lazy/bad-billing.ts': {
    code: "import { runCheck } from '../billing/check.ts';\nexport const run = runCheck;\n",
    expected: [IMPORTS],
  },
  // What each layer may do, so the rules cannot pass by forbidding everything.
  'src/lazy/engine-clean.ts': {
    code: "import { runCheck } from '../billing/check.ts';\nimport { evaluate } from '../health/evaluate.ts';\nexport const all = [runCheck, evaluate];\n",
    expected: [],
  },
  'src/kommo/clean.ts': {
    code: [
      "import { evaluate } from '../health/evaluate.ts';",
      "import { createEngine } from '../monitor/engine.ts';",
      "import { StatusPanel } from '../ui/StatusPanel.tsx';",
      "import { runCheck } from '../billing/check.ts';",
      "import { createT } from '../i18n/index.ts';",
      "import { steps } from '../checklist/steps.ts';",
      "import { render } from 'preact';",
      'export const all = [evaluate, createEngine, StatusPanel, runCheck, createT, steps, render, APP.lang_id];',
      '',
    ].join('\n'),
    expected: [],
  },
  'src/monitor/clean.ts': {
    code: "import { runCheck } from '../billing/check.ts';\nimport type { Report } from '../health/types.ts';\nexport const run = (r: Report) => [runCheck, r];\n",
    expected: [],
  },
  'src/ui/Clean.tsx': {
    code: [
      "import { useState } from 'preact/hooks';",
      "import type { Report } from '../health/types.ts';",
      "import type { Translate } from '../i18n/index.ts';",
      "import { steps } from '../checklist/steps.ts';",
      "import { SpendLines } from './SpendLines.tsx';",
      'export function Clean(props: { report: Report; t: Translate }) {',
      '  const [open] = useState(false);',
      '  return <SpendLines report={props.report} t={props.t} open={open} steps={steps} />;',
      '}',
      '',
    ].join('\n'),
    expected: [],
  },
  'src/checklist/clean.ts': {
    code: "import type { Status } from '../health/types.ts';\nimport { createT } from '../i18n/index.ts';\nexport const f = (s: Status) => [s, createT];\n",
    expected: [],
  },
  'src/billing/clean.ts': {
    code: "import type { Outcome } from '../health/signals.ts';\nexport const ok = (o: Outcome) => o;\n",
    expected: [],
  },
  'src/health/clean.ts': {
    code: "import { utc } from './utc.ts';\nexport const day = () => utc('2026-01-01');\nexport const trace = () => console.trace('why');\n",
    expected: [],
  },
  'src/mocks/clean.ts': {
    code: "import { requestJson } from '../billing/http.ts';\nimport type { Status } from '../health/types.ts';\nexport const f = (s: Status) => [s, requestJson];\n",
    expected: [],
  },
  // Tests may use the mocks and log.
  'tests/unit/clean.test.ts': {
    code: "import { SCENARIOS } from '../../src/mocks/scenarios.ts';\nconsole.log(SCENARIOS);\n",
    expected: [],
  },
};

interface Diagnostic {
  code: string;
  filename: string;
}

let dir = '';
let byFile = new Map<string, string[]>();
let filesLinted = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layers-lint-'));
  copyFileSync(configPath, join(dir, '.oxlintrc.json'));
  for (const [file, probe] of Object.entries(PROBES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), probe.code);
  }
  const run = spawnSync(process.execPath, [oxlint, '-c', '.oxlintrc.json', '-f', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  // Exit 1 means "found errors" and also "bad config", so the JSON report is what counts.
  let report: { diagnostics: Diagnostic[]; number_of_files: number };
  try {
    report = JSON.parse(run.stdout) as typeof report;
  } catch {
    throw new Error(`oxlint gave no report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  filesLinted = report.number_of_files;
  byFile = new Map();
  for (const d of report.diagnostics) byFile.set(d.filename, [...(byFile.get(d.filename) ?? []), d.code]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('layer rules (.oxlintrc.json)', () => {
  it.each(Object.entries(PROBES))('%s', (file, probe) => {
    expect((byFile.get(file) ?? []).sort()).toEqual([...probe.expected].sort());
  });

  it('lints every probe (a clean result is not a skipped file)', () => {
    expect(filesLinted).toBe(Object.keys(PROBES).length);
    expect([...byFile.keys()].filter((file) => !(file in PROBES))).toEqual([]);
  });

  it('has an override for every folder under src/ (a new layer needs its rules)', () => {
    const config = readFileSync(configPath, 'utf8');
    const layers = readdirSync(join(root, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(layers.filter((layer) => !config.includes(`"files": ["src/${layer}/**"]`))).toEqual([]);
  });
});
