// The container image installs only package.json's "dependencies" (`npm ci --omit=dev`,
// see Dockerfile). Every package the relay reaches through static imports from its
// entries must therefore be one of them; a new import of a devDependency would build an
// image that fails at start. Dynamic imports (the --mock mode's msw) are not followed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRIES = ['scripts/relay.ts', 'src/relay/node.ts', 'src/relay/worker.ts'];
// `import … from '…'` and `export … from '…'`, but not `import type` (erased at run time).
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm;

/** The package name of a bare specifier (`@scope/name/sub` → `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

function reachablePackages(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(packageOf(specifier));
    }
  };
  for (const entry of entries) visit(resolve(root, entry));
  return packages;
}

describe('the relay image has what the relay imports', () => {
  const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
  const used = reachablePackages(ENTRIES);

  it('finds the packages it should (the walk follows relative imports)', () => {
    expect(used).toContain('hono');
    expect(used).toContain('jose');
    expect(used).toContain('zod');
  });

  it('every package reached statically is a runtime dependency', () => {
    expect([...used].filter((name) => !runtime.has(name))).toEqual([]);
  });

  it('the image can run TypeScript (tsx is a runtime dependency)', () => {
    expect(runtime).toContain('tsx');
  });
});
