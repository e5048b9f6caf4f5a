// Every walkthrough string the UI asks for exists, as a string, in all five locales.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../src/checklist/steps.ts';

const root = new URL('../../../', import.meta.url);
const LOCALES = ['en', 'es', 'pt', 'tr', 'id'];

function sourceFiles(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(new URL(`${entry.name}/`, dir)) : /\.tsx?$/.test(entry.name) ? [new URL(entry.name, dir)] : [],
  );
}

function askedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(new URL('src/ui/', root))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'(walkthrough\.[a-z_.]+)'/g)) keys.add(match[1]!);
  }
  for (const id of STEP_IDS) keys.add(`walkthrough.steps.${id}.title`).add(`walkthrough.steps.${id}.body`);
  for (const group of ['article', 'consideration', 'after']) keys.add(`walkthrough.groups.${group}`);
  return [...keys];
}

function resolve(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('walkthrough strings', () => {
  const keys = askedKeys();

  it('finds the keys the components ask for', () => {
    expect(keys).toContain('walkthrough.edit_note');
    expect(keys).toContain('walkthrough.fix_links.step');
    expect(keys.length).toBeGreaterThan(45);
  });

  it.each(LOCALES)('%s has every one of them', (lang) => {
    const tree = JSON.parse(readFileSync(new URL(`locales/${lang}.json`, root), 'utf8')) as unknown;
    expect(keys.filter((key) => typeof resolve(tree, key) !== 'string' || (resolve(tree, key) as string).trim() === '')).toEqual([]);
  });
});
