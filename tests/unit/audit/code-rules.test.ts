import { describe, expect, it } from 'vitest';
import { audit, goodFiles, lineOf, lines, scriptWith, withScript } from './fixture.ts';

describe('audit: the good baseline', () => {
  it('finds nothing in the archive tests\' known-good archive', () => {
    expect(lines(audit(goodFiles()))).toEqual([]);
  });
});

// Each case: code put into src/main.ts's section of script.js, the marker on its bad
// line, and the rule the audit must name at script.js:<that line>.
const cases: Array<[string, string, string, string]> = [
  ['eval', '  eval("1"); // BAD', 'BAD', 'js.eval'],
  ['indirect eval', '  var run = (0, eval); // BAD', 'BAD', 'js.eval'],
  ['window.eval', '  window.eval("1"); // BAD', 'BAD', 'js.eval'],
  ['new Function', '  var f = new Function("a", "return a"); // BAD', 'BAD', 'js.function'],
  ['the Function constructor aliased', '  var F = Function; // BAD', 'BAD', 'js.function'],
  ['.constructor("code")', '  (function () {}).constructor("return this")(); // BAD', 'BAD', 'js.function'],
  ['setTimeout with a string', '  setTimeout("tick()", 10); // BAD', 'BAD', 'js.string_timer'],
  ['setInterval with a template', '  window.setInterval(`tick(${1})`, 10); // BAD', 'BAD', 'js.string_timer'],
  ['createElement("script")', '  var s = document.createElement("script"); // BAD', 'BAD', 'js.script_injection'],
  ['innerHTML with <script>', '  document.body.innerHTML = "<div>" + "<script src=x></script>"; // BAD', 'BAD', 'js.script_injection'],
  ['insertAdjacentHTML with <script>', '  el.insertAdjacentHTML("beforeend", `<script>${x}</script>`); // BAD', 'BAD', 'js.script_injection'],
  ['jQuery append with <script>', '  $(document.body).append("<script>go()</script>"); // BAD', 'BAD', 'js.script_injection'],
  ['synchronous XHR', '  var xhr = new XMLHttpRequest();\n  xhr.open("GET", "/x", false); // BAD', 'BAD', 'js.sync_xhr'],
  ['minified synchronous XHR', '  xhr.open("GET", "/x", !1); // BAD', 'BAD', 'js.sync_xhr'],
  ['$.ajax async: false', '  $.ajax({ url: "/x",\n    async: false }); // BAD', 'BAD', 'js.sync_xhr'],
  ['console.log', '  console.log("hi"); // BAD', 'BAD', 'js.console'],
  ['console.warn inside a catch', '  try { f(); } catch (e) {\n    console.warn(e); // BAD\n  }', 'BAD', 'js.console'],
  ['console.trace outside a catch', '  console.trace("here"); // BAD', 'BAD', 'js.console'],
  ['console.trace in a helper called outside a catch', '  function report(e) { console.trace(e); } // BAD\n  report(1);', 'BAD', 'js.console'],
  ['console passed around', '  var log = console; // BAD', 'BAD', 'js.console'],
  ['an assignment to APP', '  APP.data = {}; // BAD', 'BAD', 'js.app_write'],
  ['an assignment to window.APP', '  window.APP.lang = "en"; // BAD', 'BAD', 'js.app_write'],
  ['a replaced APP', '  window.APP = {}; // BAD', 'BAD', 'js.app_write'],
  ['delete on APP', '  delete APP.constant; // BAD', 'BAD', 'js.app_write'],
  ['Object.assign on APP', '  Object.assign(APP.data, { x: 1 }); // BAD', 'BAD', 'js.app_write'],
  ['a write through an alias', '  var app = globalThis.APP;\n  app.notifications = null; // BAD', 'BAD', 'js.app_write'],
  [
    'a write through a reader function',
    '  function readApp() { const app = self.APP; return app; }\n  var a = readApp();\n  a.constant = 1; // BAD',
    'BAD',
    'js.app_write',
  ],
  ['a script that does not parse', '  var = ; // BAD', 'BAD', 'js.parse'],
];

describe('audit: bad code in script.js is found at its file and line', () => {
  it.each(cases)('%s', (_name, code, marker, rule) => {
    const source = scriptWith(code);
    const found = lines(audit(withScript(source)));
    expect(found.some((line) => line.startsWith(`ERROR script.js:${lineOf(source, marker)}: [${rule}] `))).toBe(true);
  });

  it('names the source module of a finding', () => {
    const [first] = audit(withScript(scriptWith('  eval("1");')));
    expect(first?.message).toBe('eval (src/main.ts)');
  });

  it('judges every .js file of the archive, not only script.js', () => {
    const files = withScript(scriptWith(''));
    files['vendor/extra.js'] = new TextEncoder().encode('var a = 1;\nsetTimeout("a()", 1);\n');
    expect(lines(audit(files))).toEqual(['ERROR vendor/extra.js:2: [js.string_timer] setTimeout with a string (code run like eval)']);
  });
});

describe('audit: what the code rules allow', () => {
  const allowed: Array<[string, string]> = [
    ['console.trace inside a catch', '  try { f(); } catch (e) { console.trace(e); }'],
    ['console.trace in a rejection handler', '  p.catch(function (e) { console.trace(e); });\n  p.then(null, (e) => console.trace(e));'],
    [
      'console.trace in a helper only called from catches or used as a rejection handler',
      '  function reportCaught(e) { try { console.trace(e); } catch {} }\n  try { f(); } catch (e) { reportCaught(e); }\n  p.catch(reportCaught);',
    ],
    ['reading APP', '  var app = window.APP;\n  var lang = app.lang;\n  var c = app.constant("managers");'],
    ['rebinding a local alias of APP', '  var app = window.APP;\n  app = null;'],
    ['a function timer', '  setTimeout(function () {}, 10);\n  setInterval(() => 1, 10);'],
    ['async XHR and window.open', '  xhr.open("GET", "/x", true);\n  window.open("/x", "_blank", "noopener");'],
    ['createElement of other tags', '  document.createElement("style");'],
    ['instanceof Function and Function.prototype', '  var f = x instanceof Function;\n  var s = Function.prototype.toString;'],
    ['eval as a property name', '  var o = { eval: 1 };\n  o.eval = 2;'],
  ];
  it.each(allowed)('%s', (_name, code) => {
    expect(lines(audit(withScript(scriptWith(code))))).toEqual([]);
  });

  it('leaves console in bundled libraries to them, but not eval', () => {
    const source = scriptWith('  // node_modules/lib/index.js\n  console.log("lib");\n  eval("lib");');
    expect(lines(audit(withScript(source)))).toEqual([`ERROR script.js:${lineOf(source, 'eval(')}: [js.eval] eval (node_modules/lib/index.js)`]);
  });
});
