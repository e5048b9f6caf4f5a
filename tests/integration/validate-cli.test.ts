// `npm run validate <zip>` as a user runs it: a known-good archive passes, and the same
// archive with one logo left out fails with exit 1 and an ERROR line naming the file
// and the rule (the format scripts/validate.ts prints).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodFiles } from '../unit/archive/fixture.ts';
import { runScript } from './cli-run.ts';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bytegpt-validate-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function writeZip(name: string, files: Record<string, Uint8Array>): string {
  const path = join(dir, name);
  writeFileSync(path, zipSync(files));
  return path;
}

describe('scripts/validate.ts on an archive', () => {
  it('passes a known-good archive with exit 0', async () => {
    const run = await runScript('scripts/validate.ts', [writeZip('good.zip', goodFiles())]);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/^ERROR /m);
    expect(run.stdout).toMatch(/good\.zip: OK \(\d+ files, \d+ bytes, \d+ warning\(s\)\)\n$/);
    expect(run.code).toBe(0);
  });

  it('fails an archive without images/logo_min.png: exit 1, one ERROR line naming the file and the rule', async () => {
    const { 'images/logo_min.png': dropped, ...files } = goodFiles();
    expect(dropped).toBeDefined();
    const run = await runScript('scripts/validate.ts', [writeZip('broken.zip', files)]);
    expect(run.code).toBe(1);
    const errorLines = run.stdout.split('\n').filter((line) => line.startsWith('ERROR '));
    expect(errorLines).toEqual(['ERROR images/logo_min.png: [images.missing] required logo (84×84 PNG) is missing']);
    expect(run.stdout).toMatch(/broken\.zip: 1 error\(s\), \d+ warning\(s\)\n$/);
  });
});
