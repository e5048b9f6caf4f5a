// Every string key the runtime and the UI ask for exists, as a string, in every locale
// (a missing key would show up as the raw key in someone's sidebar).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_SEVERITY } from '../../../src/health/types.ts';
import { createT } from '../../../src/i18n/translate.ts';

const root = new URL('../../../', import.meta.url);
const LOCALES = ['en', 'es', 'pt', 'tr', 'id'];

function sourceFiles(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(new URL(`${entry.name}/`, dir)) : /\.tsx?$/.test(entry.name) ? [new URL(entry.name, dir)] : [],
  );
}

function literalKeys(): string[] {
  const keys = new Set<string>();
  for (const dir of ['src/ui/', 'src/kommo/']) {
    for (const file of sourceFiles(new URL(dir, root))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/'((?:panel|status|settings|advanced|widget)\.[a-z_.]+)'/g)) keys.add(match[1]!);
    }
  }
  return [...keys];
}

const dynamicKeys = [
  ...['ok', 'warning', 'critical', 'unknown', 'checking'].map((s) => `status.${s}`),
  ...Object.keys(FINDING_SEVERITY).flatMap((code) => [`findings.${code}.title`, `findings.${code}.action`]),
];

describe('UI string keys', () => {
  const keys = [...literalKeys(), ...dynamicKeys];

  it('finds the keys the source asks for', () => {
    expect(keys).toContain('panel.recheck');
    expect(keys).toContain('settings.form.admin_key_refused');
    expect(keys.length).toBeGreaterThan(40);
  });

  it.each(LOCALES)('are all present in locales/%s.json', (lang) => {
    const t = createT(JSON.parse(readFileSync(new URL(`locales/${lang}.json`, root), 'utf8')));
    const missing = keys.filter((key) => t(key) === key);
    expect(missing).toEqual([]);
  });
});
