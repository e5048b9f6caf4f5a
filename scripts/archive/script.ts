// script.js: Kommo's RequireJS loads it by URL, so it must call an anonymous
// define([deps], factory) whose factory returns the widget constructor (kommo-platform
// §3.1). We run it in a node:vm sandbox with a recording `define` and no
// module/exports (so the UMD wrapper takes its AMD branch), with code generation
// from strings switched off. Static scans flag eval, minified code and mocks.
import vm from 'node:vm';
import { HOST_MODULES, issue, warning, type Issue } from './rules.ts';

const FILE = 'script.js';
const TIMEOUT_MS = 2000;
/** A line longer than this in our own code reads as minified to a moderator. */
export const MAX_OWN_LINE = 400;
const MAX_VENDOR_LINE = 1000;

export interface Section {
  /** Source module the bundler marked ("src/main.ts", "node_modules/preact/…"), or "" before the first marker. */
  module: string;
  /** 1-based line of the first line of the section. */
  startLine: number;
  lines: string[];
}

/** Splits a bundle at the bundler's "// <module path>" comments. */
export function sections(source: string): Section[] {
  const result: Section[] = [{ module: '', startLine: 1, lines: [] }];
  source.split('\n').forEach((line, index) => {
    const marker = /^\s*\/\/(?:#region)?\s+(\S*?(?:src|node_modules)\/\S+\.[cm]?[jt]sx?)\s*$/.exec(line);
    if (marker) result.push({ module: marker[1] ?? '', startLine: index + 1, lines: [] });
    else result[result.length - 1]?.lines.push(line);
  });
  return result;
}

const isOwn = (module: string) => /(^|\/)src\//.test(module) && !module.includes('node_modules/');

export function scanSource(source: string, file: string = FILE): Issue[] {
  const issues: Issue[] = [];
  const parts = sections(source);
  const marked = parts.length > 1;
  for (const part of parts) {
    const own = isOwn(part.module);
    if (/(^|\/)src\/mocks\//.test(part.module) || /node_modules\/(msw|@mswjs)\//.test(part.module)) {
      issues.push(issue('script.mocks', file, `bundles ${part.module}: mocks must never ship`));
    }
    part.lines.forEach((line, offset) => {
      const at = `line ${part.startLine + offset + (part.module ? 1 : 0)}${part.module ? ` (${part.module})` : ''}`;
      if (/\beval\s*\(/.test(line)) issues.push(issue('script.eval', file, `eval( at ${at}`));
      if (/\bnew\s+Function\s*\(/.test(line)) issues.push(issue('script.eval', file, `new Function( at ${at}`));
      if (/=\s*Function\s*[;,)]/.test(line)) {
        issues.push(warning('script.function_constructor', file, `the Function constructor is aliased at ${at} (eval by another name)`));
      }
      if (own && /\bconsole\.(?!trace\b)\w+\s*\(/.test(line)) issues.push(warning('script.console', file, `console call other than console.trace at ${at}`));
      const limit = own || !marked ? MAX_OWN_LINE : MAX_VENDOR_LINE;
      if (line.length > limit) {
        const make = own || !marked ? issue : warning;
        issues.push(make('script.minified', file, `${line.length}-character line at ${at} looks minified`));
      }
    });
  }
  return issues;
}

type DefineCall = unknown[];

export function runInSandbox(source: string, file: string = FILE): { calls: DefineCall[]; context: vm.Context; error?: string } {
  const calls: DefineCall[] = [];
  const define = (...args: unknown[]) => void calls.push(args);
  define.amd = {};
  const sandbox: Record<string, unknown> = { define, setTimeout, clearTimeout };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
  try {
    new vm.Script(source, { filename: file }).runInContext(context, { timeout: TIMEOUT_MS });
  } catch (error) {
    return { calls, context, error: (error as Error).message };
  }
  return { calls, context };
}

/** A stand-in for a host module: callable, constructible, any property is another stub. */
function hostStub(): unknown {
  const stub: () => unknown = new Proxy(function () {}, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub as object,
  });
  return stub;
}

function checkConstructor(context: vm.Context): Issue[] {
  try {
    vm.runInContext('__instance = new __Ctor()', context, { timeout: TIMEOUT_MS });
  } catch (error) {
    return [warning('script.constructor', FILE, `new Widget() threw outside Kommo (${(error as Error).message}); callbacks not verified`)];
  }
  const callbacks = (context.__instance as { callbacks?: Record<string, unknown> } | undefined)?.callbacks;
  const missing = ['render', 'init', 'bind_actions'].filter((name) => typeof callbacks?.[name] !== 'function');
  return missing.length
    ? [issue('script.callbacks', FILE, `this.callbacks.${missing.join(', ')} must be functions, or Kommo drops the widget`)]
    : [];
}

/** Loads script.js as Kommo's RequireJS would and checks what it defines. */
export function checkAmd(source: string): Issue[] {
  const { calls, context, error } = runInSandbox(source);
  if (error) return [issue('script.amd', FILE, `throws while loading: ${error}`)];
  if (calls.length !== 1) return [issue('script.amd', FILE, `must call define() exactly once, called it ${calls.length} times`)];
  const [first, second] = calls[0] ?? [];
  if (typeof first === 'string') return [issue('script.amd', FILE, `define("${first}", …) is named; Kommo loads it by URL and needs an anonymous define`)];
  if (!Array.isArray(first) || !first.every((dep) => typeof dep === 'string')) {
    return [issue('script.amd', FILE, 'define() must get an array of dependency names first')];
  }
  if (typeof second !== 'function') return [issue('script.amd', FILE, `define()'s factory must be a function, found ${typeof second}`)];
  const issues: Issue[] = [];
  const unknownDeps = first.filter((dep: string) => !HOST_MODULES.includes(dep) && !dep.startsWith('./'));
  if (unknownDeps.length) issues.push(warning('script.deps', FILE, `depends on modules the Kommo page may not provide: ${unknownDeps.join(', ')}`));
  context.__factory = second;
  context.__deps = first.map(() => hostStub());
  try {
    vm.runInContext('__Ctor = __factory.apply(undefined, __deps)', context, { timeout: TIMEOUT_MS });
  } catch (factoryError) {
    return [...issues, issue('script.amd', FILE, `the define() factory threw: ${(factoryError as Error).message}`)];
  }
  const value = context.__Ctor;
  if (typeof value !== 'function') {
    const hint = value && typeof value === 'object' && 'default' in value ? ' (an exports object: export only the constructor, as default)' : '';
    return [...issues, issue('script.amd', FILE, `the factory must return the widget constructor, returned ${value === null ? 'null' : typeof value}${hint}`)];
  }
  return [...issues, ...checkConstructor(context)];
}

export function checkScript(source: string | undefined): Issue[] {
  if (source === undefined) return [issue('script.missing', FILE, 'script.js is missing from the archive root')];
  return [...checkAmd(source), ...scanSource(source)];
}
