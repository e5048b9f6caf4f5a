// The archive rules for the widget's other JavaScript files (admin.js,
// scripts/archive/lazy-script.ts): one anonymous define() whose dependencies script.js
// or Kommo's page provide, of the archive's own version, and the same source scans as
// script.js.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { broken, goodFiles, ruleAndFile, validate } from './fixture.ts';

const version = (JSON.parse(new TextDecoder().decode(goodFiles()['manifest.json'])) as { widget: { version: string } }).widget.version;

function lazyFile(deps: string[], body = 'return { css: "" };', prefix = ''): Uint8Array {
  return strToU8(
    [
      prefix,
      '(function (global, factory) {',
      `  typeof define === "function" && define.amd ? define(${JSON.stringify(deps)}, factory) : global.A = factory();`,
      '})(this, function () {',
      '  // src/lazy/admin.ts',
      `  ${body}`,
      '});',
      '',
    ].join('\n'),
  );
}

describe('admin.js in the archive', () => {
  it('passes as an anonymous define of shared modules of this version and Kommo modules', () => {
    const files = broken((f) => {
      f['admin.js'] = lazyFile([`bytegpt-billing-health@${version}/preact`, 'jquery']);
    });
    expect(ruleAndFile(validate(files))).toEqual([]);
  });

  it.each([
    ['a named define', lazyFile([], '', 'define("admin", [], function () { return {}; });'), 'lazy.amd admin.js'],
    ['a module no one provides', lazyFile(['preact']), 'lazy.deps admin.js'],
    ['shared modules of another version', lazyFile(['bytegpt-billing-health@0.0.1/preact']), 'lazy.deps admin.js'],
    ['eval', lazyFile([], 'return eval("1");'), 'script.eval admin.js'],
  ])('flags %s', (_name, bytes, expected) => {
    const issues = ruleAndFile(validate(broken((f) => void (f['admin.js'] = bytes))));
    expect(issues).toContain(expected);
  });
});

describe('engine.js and the files script.js names', () => {
  /** The good script.js, naming the files it loads on demand the way the widget does. */
  const naming = (...names: string[]) => strToU8(`${new TextDecoder().decode(goodFiles()['script.js'])}\nvar FILES = ${JSON.stringify(names)};\n`);
  const issuesOf = (files: ReturnType<typeof goodFiles>) => validate(files).map((i) => `${i.level} ${i.rule} ${i.file}`);

  it('passes engine.js as an anonymous define with no dependencies, when script.js names it', () => {
    const files = broken((f) => {
      f['script.js'] = naming('engine.js');
      f['engine.js'] = lazyFile([], 'return { runCheck: function () {} };');
    });
    expect(issuesOf(files)).toEqual([]);
  });

  it('flags a file script.js loads that the archive lacks, and warns about one it never names', () => {
    const files = broken((f) => {
      f['script.js'] = naming('admin.js', 'engine.js');
      f['admin.js'] = lazyFile([`bytegpt-billing-health@${version}/preact`]);
      f['extra.js'] = lazyFile([]);
    });
    expect(issuesOf(files)).toEqual(['error lazy.missing script.js', 'warning lazy.unused extra.js']);
  });
});
