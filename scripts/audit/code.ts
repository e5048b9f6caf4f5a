// Marketplace code rules over every JavaScript file of the archive, bundled libraries
// included (kommo-platform.md §7 "Code" and "Dependencies"): no eval, no Function
// constructor, no string timers, no injected <script>, no synchronous XHR. The console
// and APP rules live in console.ts and app-writes.ts.
import { calleeName, constantString, isFalse, isStringExpression, literalText, memberPath, propertyName, unwrap, walk, type Node, type ParsedScript } from './ast.ts';
import { checkAppWrites } from './app-writes.ts';
import { checkConsole } from './console.ts';
import { finding, type Finding } from './finding.ts';

export type Report = (rule: string, node: Node, message: string) => void;

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'top', 'parent', 'frames']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);
/** Calls that turn a string into DOM (DOM, jQuery): one whose literal text holds "<script" injects a script. */
const HTML_SINKS = new Set(['insertAdjacentHTML', 'write', 'writeln', 'html', 'append', 'prepend', 'after', 'before', 'replaceWith', 'createContextualFragment', 'parseHTML', '$', 'jQuery']);
const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const SCRIPT_TAG = /<\s*script\b/i;

/** An identifier used as a value, not as a property name or an object key. */
function isReference(node: Node, parent: Node | undefined): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) return false;
  if (['Property', 'MethodDefinition', 'PropertyDefinition'].includes(parent.type) && parent.key === node && !parent.computed) return false;
  return !['LabeledStatement', 'BreakStatement', 'ContinueStatement'].includes(parent.type);
}

const onGlobal = (member: Node) => GLOBAL_OBJECTS.has(memberPath(member.object)[0] ?? '') && memberPath(member.object).length === 1;

function checkIdentifier(node: Node, parent: Node | undefined, report: Report): void {
  if (!isReference(node, parent)) return;
  if (node.name === 'eval') report('js.eval', node, 'eval');
  // `x instanceof Function` and `Function.prototype` only ask; every other use can build code from a string.
  const asks = (parent?.type === 'BinaryExpression' && parent.operator === 'instanceof') || (parent?.type === 'MemberExpression' && parent.object === node && propertyName(parent) === 'prototype');
  if (node.name === 'Function' && !asks) {
    report('js.function', node, parent?.type === 'NewExpression' ? 'new Function' : 'the Function constructor');
  }
}

function checkMember(node: Node, report: Report): void {
  const name = propertyName(node);
  if ((name === 'eval' || name === 'Function') && onGlobal(node)) report(name === 'eval' ? 'js.eval' : 'js.function', node, `${memberPath(node).join('.')}`);
}

function checkCall(node: Node, report: Report): void {
  const name = calleeName(node);
  const args = (node.arguments as Node[]).map((a) => unwrap(a) ?? a);
  const [first] = args;
  if (name && TIMERS.has(name) && first && isStringExpression(first)) report('js.string_timer', node, `${name} with a string (code run like eval)`);
  if (name === 'constructor' && first && isStringExpression(first)) report('js.function', node, '.constructor(string): the Function constructor by another name');
  if ((name === 'createElement' || name === 'createElementNS') && args.some((a) => constantString(a)?.trim().toLowerCase() === 'script')) {
    report('js.script_injection', node, `${name}("script") injects a script; load dependencies through define([...])`);
  }
  if (name && HTML_SINKS.has(name) && args.some((a) => SCRIPT_TAG.test(literalText(a)))) {
    report('js.script_injection', node, `${name}() with HTML that holds a <script> element`);
  }
  const callee = unwrap(node.callee);
  if (name === 'open' && callee?.type === 'MemberExpression' && args.length >= 3 && isFalse(args[2])) {
    report('js.sync_xhr', node, 'open(…, false): synchronous XMLHttpRequest');
  }
  if (name === 'ajax' || name === 'ajaxSetup') {
    for (const arg of args) {
      if (arg.type !== 'ObjectExpression') continue;
      for (const prop of arg.properties as Node[]) {
        if (prop.type === 'Property' && (unwrap(prop.key) as Node).name === 'async' && isFalse(prop.value)) report('js.sync_xhr', prop, `${name}({ async: false }): synchronous XMLHttpRequest`);
      }
    }
  }
}

function checkAssignment(node: Node, report: Report): void {
  const target = unwrap(node.left);
  if (target?.type !== 'MemberExpression') return;
  const name = propertyName(target);
  if (name && HTML_PROPERTIES.has(name) && SCRIPT_TAG.test(literalText(node.right as Node))) {
    report('js.script_injection', node, `${name} = HTML that holds a <script> element`);
  }
}

/** Every code finding for one parsed file. */
export function checkParsed(script: ParsedScript): Finding[] {
  const findings: Finding[] = [];
  if (script.error || !script.program) {
    const line = script.lines.lineOf(script.error?.offset ?? 0);
    return [finding('js.parse', script.file, line, `does not parse, so it was not audited: ${script.error?.message ?? 'no program'}`)];
  }
  const report: Report = (rule, node, message) => {
    const line = script.lines.lineOf(node.start);
    const module = script.moduleAt(line);
    findings.push(finding(rule, script.file, line, module ? `${message} (${module})` : message));
  };
  walk(script.program, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'Identifier') checkIdentifier(node, parent, report);
    else if (node.type === 'MemberExpression') checkMember(node, report);
    else if (node.type === 'CallExpression' || node.type === 'NewExpression') checkCall(node, report);
    else if (node.type === 'AssignmentExpression') checkAssignment(node, report);
  });
  checkConsole(script, script.program, report);
  checkAppWrites(script.program, report);
  return findings.sort((a, b) => a.line - b.line);
}
