// The committed extract of OpenAI's spec that openapi.test.ts reads: it must stand on
// its own (no $ref pointing outside it), carry its MIT notice, and, when the full spec
// is beside the repo, be exactly what scripts/extract-openapi.ts makes of it today.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACT_URL, extractFromFiles, FULL_SPEC_PATH, licencePathFor, OPERATIONS } from '../../../scripts/extract-openapi.ts';
import { SchemaChecker, type Schema } from './json-schema-subset.ts';

const text = readFileSync(EXTRACT_URL, 'utf8');
const extract = JSON.parse(text) as Schema;

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

const fullSpecPresent = existsSync(FULL_SPEC_PATH) && existsSync(licencePathFor(FULL_SPEC_PATH));

describe('the committed OpenAPI extract', () => {
  it('holds the operations the tests read, and every $ref in it resolves inside it', () => {
    const paths = extract.paths as Record<string, Record<string, unknown>>;
    for (const [path, method] of OPERATIONS) expect(paths[path]?.[method], `${method} ${path}`).toBeTypeOf('object');
    const refs = refsIn(extract);
    expect(refs.length).toBeGreaterThan(0);
    const checker = new SchemaChecker(extract);
    const unresolved = [...new Set(refs)].filter((ref) => {
      try {
        checker.resolve(ref);
        return false;
      } catch {
        return true;
      }
    });
    expect(unresolved).toEqual([]);
  });

  it('carries the MIT notice of the spec it was cut from', () => {
    const licence = extract['x-license'] as Record<string, string>;
    expect(licence.identifier).toBe('MIT');
    expect(licence.copyright).toBe('Copyright (c) OpenAI (https://openai.com)');
    expect(licence.text).toMatch(/^The MIT License\n\nCopyright \(c\) OpenAI[\s\S]*Permission is hereby granted/);
  });

  it('is in the canonical layout (2-space indent, trailing newline)', () => {
    expect(text).toBe(`${JSON.stringify(extract, null, 2)}\n`);
  });

  it.skipIf(!fullSpecPresent)('is exactly what the extraction script makes of the full spec beside the repo', () => {
    expect(extractFromFiles(FULL_SPEC_PATH) === text, 'stale extract: run `npx tsx scripts/extract-openapi.ts`').toBe(true);
  });
});
