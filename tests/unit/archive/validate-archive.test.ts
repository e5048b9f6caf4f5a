import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { validateZip } from '../../../scripts/archive/validate-archive.ts';
import { broken, errors, goodFiles, GOOD_SCRIPT, ruleAndFile, validate, withJson, type Files } from './fixture.ts';

const prependBytes = (prefix: number[], bytes: Uint8Array | undefined) => new Uint8Array([...prefix, ...(bytes ?? [])]);

describe('validateZip: the good baseline', () => {
  it('accepts the real manifest, locales and logos with a minimal AMD script.js', () => {
    const issues = validate(goodFiles());
    expect(issues).toEqual([]);
  });

  it('refuses bytes that are not a zip', () => {
    expect(ruleAndFile(validateZip(strToU8('not a zip')))).toEqual(['zip.read (archive)']);
  });
});

// Each case: one deliberate defect, and the rule id + file the validator must name.
const cases: Array<[string, (files: Files) => void, string]> = [
  [
    'files inside a folder',
    (files) => {
      for (const path of Object.keys(files)) {
        files[`widget/${path}`] = files[path] ?? new Uint8Array();
        delete files[path];
      }
    },
    'layout.root widget/manifest.json',
  ],
  ['a byte-order mark', (files) => void (files['i18n/pt.json'] = prependBytes([0xef, 0xbb, 0xbf], files['i18n/pt.json'])), 'text.bom i18n/pt.json'],
  ['CRLF line endings', (files) => void (files['script.js'] = strToU8(GOOD_SCRIPT.replace(/\n/g, '\r\n'))), 'text.crlf script.js'],
  ['invalid UTF-8', (files) => void (files['i18n/en.json'] = prependBytes([0xc3, 0x28], files['i18n/en.json'])), 'text.utf8 i18n/en.json'],
  ['a missing locale file', (files) => void delete files['i18n/tr.json'], 'i18n.missing i18n/tr.json'],
  ['a locale file not in widget.locale', (files) => void (files['i18n/ru.json'] = files['i18n/en.json'] ?? new Uint8Array()), 'i18n.extra i18n/ru.json'],
  ['an extra key in one locale', (files) => void (files['i18n/es.json'] = withJson(files['i18n/es.json'], 'panel.extra', 'x')), 'i18n.structure i18n/es.json'],
  ['a broken locale JSON', (files) => void (files['i18n/id.json'] = strToU8('{"widget": ')), 'i18n.json i18n/id.json'],
  ['a wrong image size', (files) => void (files['images/logo_min.png'] = files['images/logo_small.png'] ?? new Uint8Array()), 'images.size images/logo_min.png'],
  [
    'an oversized image',
    (files) => {
      const png = files['images/logo.png'] ?? new Uint8Array();
      const big = new Uint8Array(301 * 1024);
      big.set(png);
      files['images/logo.png'] = big;
    },
    'images.bytes images/logo.png',
  ],
  ['a missing image', (files) => void delete files['images/logo_medium.png'], 'images.missing images/logo_medium.png'],
  ['a logo that is not a PNG', (files) => void (files['images/logo_main.png'] = strToU8('GIF89a....')), 'images.png images/logo_main.png'],
  ['interface_version 1', (files) => void (files['manifest.json'] = withJson(files['manifest.json'], 'widget.interface_version', 1)), 'manifest.interface_version manifest.json'],
  ['a broken manifest JSON', (files) => void (files['manifest.json'] = strToU8('{"widget": {,}')), 'manifest.json manifest.json'],
  ['an unknown location', (files) => void (files['manifest.json'] = withJson(files['manifest.json'], 'locations', ['settings', 'lcard-2'])), 'manifest.locations manifest.json'],
  ['an unknown field type', (files) => void (files['manifest.json'] = withJson(files['manifest.json'], 'settings.base_url.type', 'url')), 'manifest.field_type manifest.json'],
  [
    'a custom field without the settings location',
    (files) => void (files['manifest.json'] = withJson(files['manifest.json'], 'locations', ['lcard-1', 'ccard-1'])),
    'manifest.custom_needs_settings manifest.json',
  ],
  ['advanced_settings without advanced.title', (files) => void (files['manifest.json'] = withJson(files['manifest.json'], 'advanced', undefined)), 'manifest.advanced_title manifest.json'],
  ['no support e-mail', (files) => void (files['manifest.json'] = withJson(files['manifest.json'], 'widget.support.email', 'nobody')), 'manifest.support manifest.json'],
  ['installation without settings', (files) => void (files['manifest.json'] = withJson(files['manifest.json'], 'settings', undefined)), 'manifest.settings manifest.json'],
  ['a manifest key missing from a locale', (files) => void (files['i18n/pt.json'] = withJson(files['i18n/pt.json'], 'settings.api_key', { x: 'y' })), 'i18n.key i18n/pt.json'],
  ['a name that is too long', (files) => void (files['i18n/en.json'] = withJson(files['i18n/en.json'], 'widget.name', 'OpenAI Billing Health Monitor by ByteGPT')), 'text.name_length i18n/en.json'],
  ['a name word longer than 19', (files) => void (files['i18n/en.json'] = withJson(files['i18n/en.json'], 'widget.name', 'Billinghealthmonitors by X')), 'text.word_length i18n/en.json'],
  ['"Kommo" in the name', (files) => void (files['i18n/es.json'] = withJson(files['i18n/es.json'], 'widget.name', 'Kommo Pagos vía ByteGPT')), 'text.name_kommo i18n/es.json'],
  ['a name without "by"/"via"', (files) => void (files['i18n/en.json'] = withJson(files['i18n/en.json'], 'widget.name', 'Billing Health')), 'text.name_creator i18n/en.json'],
  ['a short description over 50', (files) => void (files['i18n/tr.json'] = withJson(files['i18n/tr.json'], 'widget.short_description', 'x'.repeat(51))), 'text.short_length i18n/tr.json'],
  ['a description over 400', (files) => void (files['i18n/id.json'] = withJson(files['i18n/id.json'], 'widget.description', 'x'.repeat(401))), 'text.description_length i18n/id.json'],
  ['<script> in the description', (files) => void (files['i18n/en.json'] = withJson(files['i18n/en.json'], 'widget.description', 'Hi <script>x()</script>')), 'text.script_tag i18n/en.json'],
  ['a missing script.js', (files) => void delete files['script.js'], 'script.missing script.js'],
  ['a named define', (files) => void (files['script.js'] = strToU8('define("bytegpt", ["jquery"], function () { return function W() {}; });\n')), 'script.amd script.js'],
  ['a factory returning an exports object', (files) => void (files['script.js'] = strToU8('define(["jquery"], function () { return { default: function W() {} }; });\n')), 'script.amd script.js'],
  ['a non-function factory', (files) => void (files['script.js'] = strToU8('define(["jquery"], { render: true });\n')), 'script.amd script.js'],
  ['a script that never calls define', (files) => void (files['script.js'] = strToU8('window.W = function W() {};\n')), 'script.amd script.js'],
  ['a script that throws on load', (files) => void (files['script.js'] = strToU8('document.body.appendChild(1);\n')), 'script.amd script.js'],
  [
    'a constructor without the required callbacks',
    (files) => void (files['script.js'] = strToU8('define(["jquery"], function () { return function W() { this.callbacks = { render: function () {} }; }; });\n')),
    'script.callbacks script.js',
  ],
  ['eval in script.js', (files) => void (files['script.js'] = strToU8(GOOD_SCRIPT.replace('return true; }, init', 'return eval("1"); }, init'))), 'script.eval script.js'],
  ['minified own code', (files) => void (files['script.js'] = strToU8(GOOD_SCRIPT.replace('  return Widget;', `  var a=${'1+'.repeat(300)}1;\n  return Widget;`))), 'script.minified script.js'],
  ['bundled mocks', (files) => void (files['script.js'] = strToU8(GOOD_SCRIPT.replace('  return Widget;', '  // src/mocks/handlers.ts\n  var h = 1;\n  return Widget;'))), 'script.mocks script.js'],
  ['an msw worker file', (files) => void (files['mockServiceWorker.js'] = strToU8('self.x = 1;\n')), 'layout.forbidden mockServiceWorker.js'],
];

describe('validateZip: broken archives are refused', () => {
  it.each(cases)('%s', (_name, change, expected) => {
    const found = ruleAndFile(validate(broken(change)));
    expect(found).toContain(expected);
  });

  it('names what it found in the message', () => {
    const files = broken((f) => void (f['images/logo_min.png'] = f['images/logo_small.png'] ?? new Uint8Array()));
    const sizeIssue = errors(validate(files)).find((i) => i.rule === 'images.size');
    expect(sizeIssue?.message).toBe('is 108×108, must be 84×84');
  });
});
