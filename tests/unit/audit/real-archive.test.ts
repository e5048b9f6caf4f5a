import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditZip } from '../../../scripts/audit/run.ts';
import { lines, scriptWith, withScript } from './fixture.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const zipPath = join(repo, 'dist/widget.zip');

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/audit.ts', ...args], { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  // Like the browser tests: build once when a fresh checkout has no dist yet.
  if (existsSync(zipPath)) return;
  const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('dist/widget.zip is missing and building it failed: fix `npm run build`, then rerun');
}, 180_000);

describe('audit: the real built archive', () => {
  it('passes every rule', () => {
    expect(lines(auditZip(readFileSync(zipPath)))).toEqual([]);
  });

  it('exits 0 from the command line with the closing count', () => {
    const run = cli();
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('audit: 0 finding(s)');
  }, 30_000);
});

describe('audit: the command line on a bad archive', () => {
  it('prints each finding as ERROR <file>:<line>: [<rule>] <what>, the count last, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    try {
      const bad = join(dir, 'bad.zip');
      writeFileSync(bad, zipSync(withScript(scriptWith('  eval("1");\n  console.log(2);'))));
      const run = cli(bad);
      expect(run.status).toBe(1);
      expect(run.stdout.trim().split('\n')).toEqual([
        'ERROR script.js:10: [js.eval] eval (src/main.ts)',
        'ERROR script.js:11: [js.console] console.log: only console.trace inside a catch is allowed (src/main.ts)',
        'audit: 2 finding(s)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('reports bytes that are not a zip', () => {
    expect(lines(auditZip(new TextEncoder().encode('not a zip')))).toEqual([
      expect.stringMatching(/^ERROR \(archive\):1: \[zip\.read\] not a readable zip/),
    ]);
  });
});
