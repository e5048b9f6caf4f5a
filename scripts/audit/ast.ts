// A JavaScript file of the archive as an ESTree AST (oxc's parser, which Vite ships),
// with the small helpers the rules share. Offsets are UTF-16, like the source string.
import { parseSync } from 'vite';
import { sections } from '../archive/script.ts';
import { LineIndex } from './finding.ts';

export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface ParsedScript {
  file: string;
  program?: Node;
  /** Why the file did not parse, with the offset of the first error. */
  error?: { offset: number; message: string };
  lines: LineIndex;
  /** The bundler's module comment above a line ("src/kommo/notify.ts", "node_modules/…"), or "". */
  moduleAt(line: number): string;
  /** True when the bundle has module comments at all; without them every line counts as ours. */
  marked: boolean;
}

export function parseScript(file: string, source: string): ParsedScript {
  const lines = new LineIndex(source);
  const parts = sections(source);
  const moduleAt = (line: number) => {
    let module = '';
    for (const part of parts) if (part.startLine <= line) module = part.module;
    return module;
  };
  const base = { file, lines, moduleAt, marked: parts.length > 1 };
  const result = parseSync(file, source, { lang: 'js', sourceType: 'script' });
  const first = result.errors[0];
  if (first) {
    const offset = first.labels[0]?.start ?? 0;
    return { ...base, error: { offset, message: first.message } };
  }
  return { ...base, program: result.program as unknown as Node };
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Depth-first walk; `ancestors` runs from the program down to the node's parent. */
export function walk(root: Node, visit: (node: Node, ancestors: readonly Node[]) => void): void {
  const ancestors: Node[] = [];
  const step = (node: Node) => {
    visit(node, ancestors);
    ancestors.push(node);
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) step(item);
      } else if (isNode(child)) step(child);
    }
    ancestors.pop();
  };
  step(root);
}

/** Drops the wrappers that do not change what an expression is: parentheses, `?.`. */
export function unwrap(node: unknown): Node | undefined {
  let current = isNode(node) ? node : undefined;
  while (current && (current.type === 'ParenthesizedExpression' || current.type === 'ChainExpression')) {
    current = isNode(current.expression) ? current.expression : undefined;
  }
  return current;
}

/** `a.b`, `a["b"]`, `a?.b` → "b"; a computed key that is not a literal → undefined. */
export function propertyName(member: Node): string | undefined {
  const property = member.property as Node;
  if (!member.computed && property.type === 'Identifier') return property.name as string;
  const key = unwrap(property);
  if (key?.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key?.type === 'TemplateLiteral' && (key.expressions as Node[]).length === 0) return templateText(key);
  return undefined;
}

/** `window.APP.x` → ["window", "APP", "x"]; an unknown computed key is "[]"; a call or other root ends the path. */
export function memberPath(node: unknown): string[] {
  const current = unwrap(node);
  if (!current) return [];
  if (current.type === 'Identifier') return [current.name as string];
  if (current.type === 'ThisExpression') return ['this'];
  if (current.type === 'MemberExpression') return [...memberPath(current.object), propertyName(current) ?? '[]'];
  return ['()'];
}

/** The last name of a callee: `setTimeout`, `window.setTimeout`, `el.insertAdjacentHTML`. */
export function calleeName(call: Node): string | undefined {
  const callee = unwrap(call.callee);
  if (callee?.type === 'Identifier') return callee.name as string;
  if (callee?.type === 'MemberExpression') return propertyName(callee);
  return undefined;
}

const templateText = (template: Node): string =>
  (template.quasis as Node[]).map((q) => (q.value as { cooked?: string; raw: string }).cooked ?? (q.value as { raw: string }).raw).join('');

/** A string known before run time: a literal, a template without holes, or a `+` of those. */
export function constantString(node: unknown): string | undefined {
  const current = unwrap(node);
  if (!current) return undefined;
  if (current.type === 'Literal' && typeof current.value === 'string') return current.value;
  if (current.type === 'TemplateLiteral' && (current.expressions as Node[]).length === 0) return templateText(current);
  if (current.type === 'BinaryExpression' && current.operator === '+') {
    const left = constantString(current.left);
    const right = constantString(current.right);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  return undefined;
}

/** True when the expression evaluates to a string whatever its holes hold (literal, template, `+` with one). */
export function isStringExpression(node: unknown): boolean {
  const current = unwrap(node);
  if (!current) return false;
  if (current.type === 'Literal') return typeof current.value === 'string';
  if (current.type === 'TemplateLiteral') return true;
  if (current.type === 'BinaryExpression' && current.operator === '+') return isStringExpression(current.left) || isStringExpression(current.right);
  return false;
}

const FUNCTIONS = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration']);

/** Every literal string piece inside an expression (not inside functions it holds), joined. */
export function literalText(node: Node): string {
  if (FUNCTIONS.has(node.type)) return '';
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : '';
  if (node.type === 'TemplateElement') return (node.value as { cooked?: string }).cooked ?? '';
  let text = '';
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (Array.isArray(child)) for (const item of child) text += isNode(item) ? literalText(item) : '';
    else if (isNode(child)) text += literalText(child);
  }
  return text;
}

export const isFunction = (node: Node): boolean => FUNCTIONS.has(node.type);

/** `false` or the minifier's `!1`. */
export function isFalse(node: unknown): boolean {
  const current = unwrap(node);
  if (current?.type === 'Literal') return current.value === false;
  if (current?.type === 'UnaryExpression' && current.operator === '!') {
    const argument = unwrap(current.argument);
    return argument?.type === 'Literal' && argument.value === 1;
  }
  return false;
}
