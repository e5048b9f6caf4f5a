// A known-good widget archive built in memory from the real manifest, locales, logos
// and tour slides plus a tiny AMD script.js, so archive tests need no `npm run build`.
import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { validateZip } from '../../../scripts/archive/validate-archive.ts';
import type { Issue } from '../../../scripts/archive/rules.ts';

const repo = new URL('../../../', import.meta.url);
export const readRepo = (path: string) => readFileSync(new URL(path, repo));

export const GOOD_SCRIPT = [
  '(function (global, factory) {',
  '  typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory(require("jquery")) :',
  '  typeof define === "function" && define.amd ? define(["jquery"], factory) : global.W = factory(global.jQuery);',
  '})(this, function ($) {',
  '  // src/main.ts',
  '  function Widget() {',
  '    this.callbacks = { render: function () { return true; }, init: function () { return true; }, bind_actions: function () { return true; } };',
  '    return this;',
  '  }',
  '  return Widget;',
  '});',
  '',
].join('\n');

export type Files = Record<string, Uint8Array>;

export function goodFiles(): Files {
  const files: Files = {
    'manifest.json': readRepo('manifest.json'),
    'script.js': strToU8(GOOD_SCRIPT),
  };
  for (const name of readdirSync(new URL('locales/', repo))) files[`i18n/${name}`] = readRepo(`locales/${name}`);
  // The logos and the committed tour slides (npm run tour), as the build copies them.
  for (const name of readdirSync(new URL('widget/images/', repo)).filter((n) => /\.(png|jpg)$/.test(n))) {
    files[`images/${name}`] = readRepo(`widget/images/${name}`);
  }
  return files;
}

/** The good archive with one change applied. */
export function broken(change: (files: Files) => void): Files {
  const files = goodFiles();
  change(files);
  return files;
}

type Tree = Record<string, unknown>;

/** A copy of a JSON file's bytes with the value at a dotted path replaced (undefined deletes it). */
export function withJson(bytes: Uint8Array | undefined, dotted: string, value: unknown): Uint8Array {
  const tree = JSON.parse(new TextDecoder().decode(bytes)) as Tree;
  const parts = dotted.split('.');
  const last = parts.pop() ?? '';
  let node: Tree = tree;
  for (const part of parts) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Tree;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
  return strToU8(`${JSON.stringify(tree, null, 2)}\n`);
}

/** Validates files zipped the way the build zips them. */
export function validate(files: Files): Issue[] {
  return validateZip(zipSync(files));
}

export const errors = (issues: Issue[]) => issues.filter((i) => i.level === 'error');
export const ruleAndFile = (issues: Issue[]) => errors(issues).map((i) => `${i.rule} ${i.file}`);
