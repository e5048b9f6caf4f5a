import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { broken, lineOf, lines, audit, scriptWith, withScript } from './fixture.ts';
import { withJson } from '../archive/fixture.ts';

// The widget's CSS as the bundle carries it: a template with ${S} holes, S declared from SCOPE_CLASS.
const cssScript = (rules: string) =>
  scriptWith(['  var SCOPE_CLASS = "bytegpt-health";', '  var S = `.${SCOPE_CLASS}`;', '  var CSS = `', '${S} { color: red; }', rules, '`;'].join('\n'));

describe('audit: CSS selectors in script.js', () => {
  const cases: Array<[string, string, string]> = [
    ['a global element selector', 'input { border: 0; } /* BAD */', 'css.global'],
    ['a universal selector', '${S} .a,\n* { box-sizing: border-box; } /* BAD */', 'css.global'],
    ['a Kommo class outside our root', '.card-widgets__widget__body { padding: 0; } /* BAD */', 'css.kommo_class'],
    ['a Kommo class as our root\'s context', '.widget_settings_block ${S} { margin: 0; } /* BAD */', 'css.kommo_class'],
    ['a sibling of our root', '${S} + .button-input { color: red; } /* BAD */', 'css.kommo_class'],
    ['switcher_on even inside our root', '${S} .switcher_on { color: red; } /* BAD */', 'css.kommo_class'],
    ['a page-wide :root rule', ':root { color: red; } /* BAD */', 'css.global'],
    ['a global rule inside @media', '@media (max-width: 600px) {\n  body { margin: 0; } /* BAD */\n}', 'css.global'],
    ['a hole that cannot be resolved', '${unknown()} .x { color: red; } /* BAD */', 'css.global'],
  ];

  it.each(cases)('%s', (_name, rules, rule) => {
    const source = cssScript(rules);
    expect(lines(audit(withScript(source)))).toContainEqual(expect.stringMatching(new RegExp(`^ERROR script\\.js:${lineOf(source, 'BAD')}: \\[${rule.replace('.', '\\.')}\\] `)));
  });

  it('accepts selectors under our root, theme hooks, our variables on :root, nesting and @keyframes', () => {
    const rules = [
      '${S} .bytegpt-health__x > .card-widgets__widget { color: red; }',
      '${S}[data-bytegpt-theme="dark"] .a:is(.b, .c) { color: red; }',
      ':root[data-color-scheme="dark"] ${S} .a { color: red; }',
      ':root { --bytegpt-health-accent: #000; }',
      '${S} { & .x { color: red; } }',
      '@keyframes bytegpt-health-spin { from { transform: none; } to { transform: rotate(1turn); } }',
      '@media (prefers-reduced-motion: reduce) { ${S} .x { animation: none; } }',
    ].join('\n');
    expect(lines(audit(withScript(cssScript(rules))))).toEqual([]);
  });

  it('quotes the selector and the module in the message', () => {
    const [finding] = audit(withScript(cssScript('input { border: 0; }')));
    expect(finding?.message).toBe('"input" is global: every selector must start with .bytegpt-health (src/main.ts)');
  });
});

describe('audit: .css files in the archive', () => {
  it('reports a global selector at its line', () => {
    const files = broken((f) => void (f['style.css'] = strToU8('.bytegpt-health .a { color: red; }\n\n/* c */ body,\n.bytegpt-health .b { margin: 0; }\n')));
    expect(lines(audit(files))).toEqual(['ERROR style.css:3: [css.global] "body" is global: every selector must start with .bytegpt-health']);
  });
});

describe('audit: text files', () => {
  const bytes = (text: string) => strToU8(text);
  it('reports a byte-order mark at line 1', () => {
    const files = broken((f) => void (f['i18n/pt.json'] = new Uint8Array([0xef, 0xbb, 0xbf, ...(f['i18n/pt.json'] ?? [])])));
    expect(lines(audit(files))).toEqual(['ERROR i18n/pt.json:1: [text.bom] starts with a UTF-8 byte-order mark (EF BB BF)']);
  });

  it('reports invalid UTF-8 at the line that holds it', () => {
    const files = broken((f) => void (f['notes.txt'] = new Uint8Array([...bytes('ok\nfine\n'), 0xc3, 0x28, ...bytes('\n')])));
    expect(lines(audit(files))).toEqual(['ERROR notes.txt:3: [text.utf8] is not valid UTF-8']);
  });

  it('reports CRLF at the first line that ends with it, counting the others', () => {
    const files = withScript(scriptWith('  var a = 1;\r\n  var b = 2;\r'));
    const source = scriptWith('  var a = 1;');
    expect(lines(audit(files))).toEqual([`ERROR script.js:${lineOf(source, 'var a')}: [text.eol] a CRLF line ending; use LF only (2 line(s) with CR)`]);
  });

  it('checks svg, html, css and md too, but not images', () => {
    const files = broken((f) => {
      for (const name of ['a.svg', 'b.html', 'c.css', 'd.md']) f[name] = bytes('x\r\n');
      f['images/e.png'] = new Uint8Array([0x89, 0x50, 0x0d, 0x0a, 0xff]);
    });
    expect(audit(files).map((f) => `${f.rule} ${f.file}`)).toEqual(['text.eol a.svg', 'text.eol b.html', 'text.eol c.css', 'text.eol d.md']);
  });
});

describe('audit: locale lengths (kommo-platform.md §7)', () => {
  const cases: Array<[string, string, string, string]> = [
    ['a name over 30', 'i18n/en.json', 'widget.name', 'A very long widget name, by ByteGPT'],
    ['a name word over 19', 'i18n/es.json', 'widget.name', 'Supercalifragilistico via X'],
    ['a short description over 50', 'i18n/tr.json', 'widget.short_description', 'x'.repeat(51)],
    ['a description over 400', 'i18n/id.json', 'widget.description', 'é'.repeat(401)],
    ['an AI-agent description over 100', 'i18n/pt.json', 'widget.ai_agent_description', 'x'.repeat(101)],
  ];
  it.each(cases)('%s', (_name, file, key, value) => {
    const files = broken((f) => void (f[file] = withJson(f[file], key, value)));
    const json = new TextDecoder().decode(files[file]);
    const last = key.split('.').at(-1) ?? '';
    expect(lines(audit(files))).toContainEqual(expect.stringMatching(new RegExp(`^ERROR ${file.replace('.', '\\.')}:${lineOf(json, `"${last}"`)}: \\[locale\\.length\\] `)));
  });

  it('says how long the text is and what Kommo allows', () => {
    const files = broken((f) => void (f['i18n/en.json'] = withJson(f['i18n/en.json'], 'widget.short_description', 'ü'.repeat(51))));
    expect(audit(files).map((f) => f.message)).toEqual(['short description (widget.short_description) has 51 characters, Kommo allows 50']);
  });

  it('accepts texts exactly at the limits', () => {
    const files = broken((f) => {
      f['i18n/en.json'] = withJson(withJson(f['i18n/en.json'], 'widget.short_description', 'x'.repeat(50)), 'widget.description', 'x'.repeat(400));
    });
    expect(lines(audit(files))).toEqual([]);
  });
});
