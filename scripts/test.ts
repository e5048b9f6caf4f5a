// `npm test`: everything a fresh machine needs, then every test layer, then one plain
// closing line "N passed, N failed" read from vitest's JSON report (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportPath = 'artifacts/vitest-report.json';

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

interface JsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
}

function summary(): { passed: number; failed: number; skipped: number } | null {
  if (!existsSync(`${root}/${reportPath}`)) return null;
  const report = JSON.parse(readFileSync(`${root}/${reportPath}`, 'utf8')) as JsonReport;
  // A file that failed to load has no failed test in it but must still count as a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

const chromium = ensureChromium();
if (!chromium.ok) {
  console.error(chromium.message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The browser tests load the built widget, so build what is being tested.
if (run('npx', ['tsx', 'scripts/build.ts']) !== 0) {
  console.error('The build failed; no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync(`${root}/artifacts`, { recursive: true });
rmSync(`${root}/${reportPath}`, { force: true });
const code = run('npx', [
  'vitest', 'run', '--coverage',
  '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`,
  ...process.argv.slice(2),
]);

const s = summary();
if (!s) {
  console.error('vitest wrote no report.');
  console.log('0 passed, 1 failed');
  process.exit(code || 1);
}
const failed = s.failed > 0 || code !== 0 ? Math.max(s.failed, 1) : 0;
console.log(`${s.passed} passed, ${failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
