// console.* in our own modules (src/, or a file without bundler module comments):
// Kommo allows only console.trace, and only inside catch / Promise rejection handlers
// (kommo-platform.md §7 "Code"). A trace in a helper passes when every use of that
// helper is a call inside a catch or the helper itself is a rejection handler: our
// reportCaught() helpers are written that way. Bundled libraries are not judged here.
import { calleeName, isFunction, memberPath, propertyName, unwrap, walk, type Node, type ParsedScript } from './ast.ts';
import type { Report } from './code.ts';

const isOwn = (module: string) => /(^|\/)src\//.test(module) && !module.includes('node_modules/');

/** The function is `.catch(fn)` or the second argument of `.then(ok, fn)`. */
function isRejectionHandler(fn: Node, parent: Node | undefined): boolean {
  if (parent?.type !== 'CallExpression') return false;
  const args = (parent.arguments as Node[]).map((a) => unwrap(a));
  const name = calleeName(parent);
  return (name === 'catch' && args[0] === fn) || (name === 'then' && args[1] === fn);
}

/** Inside a catch block or a rejection handler, however deep. */
function inCaught(ancestors: readonly Node[]): boolean {
  return ancestors.some((node, i) => node.type === 'CatchClause' || (isFunction(node) && isRejectionHandler(node, nearestCall(ancestors, i))));
}

/** The call a function is an argument of, looking through parentheses. */
function nearestCall(ancestors: readonly Node[], index: number): Node | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const node = ancestors[i];
    if (node?.type !== 'ParenthesizedExpression') return node;
  }
  return undefined;
}

/** The name the enclosing function is called by: `function f(){}` or `const f = () => {}`. */
function enclosingName(ancestors: readonly Node[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as Node;
    if (!isFunction(node)) continue;
    if (node.type === 'FunctionDeclaration') return (node.id as Node | null)?.name as string | undefined;
    const parent = ancestors[i - 1];
    if (parent?.type === 'VariableDeclarator' && (parent.id as Node).type === 'Identifier') return (parent.id as Node).name as string;
    return undefined;
  }
  return undefined;
}

interface Uses {
  /** Offsets of uses that are neither a call inside a catch nor a rejection handler. */
  bad: number[];
  good: number;
}

function usesOf(program: Node, name: string): Uses {
  const uses: Uses = { bad: [], good: 0 };
  walk(program, (node, ancestors) => {
    if (node.type !== 'Identifier' || node.name !== name) return;
    const parent = ancestors[ancestors.length - 1];
    if (parent?.type === 'FunctionDeclaration' || (parent?.type === 'VariableDeclarator' && parent.id === node)) return;
    if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
    const caughtCall = parent?.type === 'CallExpression' && unwrap(parent.callee) === node && inCaught(ancestors);
    if (caughtCall || isRejectionHandler(node, parent)) uses.good += 1;
    else uses.bad.push(node.start);
  });
  return uses;
}

export function checkConsole(script: ParsedScript, program: Node, report: Report): void {
  const helpers = new Map<string, Uses>();
  walk(program, (node, ancestors) => {
    if (node.type !== 'MemberExpression' && node.type !== 'Identifier') return;
    const own = !script.marked || isOwn(script.moduleAt(script.lines.lineOf(node.start)));
    if (!own) return;
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'Identifier') {
      // `console` handed around (aliased, passed) escapes the checks below.
      const asObject = parent?.type === 'MemberExpression' && parent.object === node;
      const asKey = parent?.type === 'MemberExpression' && parent.property === node && !parent.computed;
      if (node.name === 'console' && !asObject && !asKey && !(parent?.type === 'Property' && parent.key === node)) report('js.console', node, 'console used as a value');
      return;
    }
    const path = memberPath(node.object);
    if (path.at(-1) !== 'console' || path.length > 2) return;
    const method = propertyName(node) ?? '[]';
    if (method !== 'trace') return report('js.console', node, `console.${method}: only console.trace inside a catch is allowed`);
    if (inCaught(ancestors)) return;
    const helper = enclosingName(ancestors);
    if (!helper) return report('js.console', node, 'console.trace outside a catch or rejection handler');
    if (!helpers.has(helper)) helpers.set(helper, usesOf(program, helper));
    const { bad, good } = helpers.get(helper) ?? { bad: [], good: 0 };
    if (bad.length === 0 && good === 0) return report('js.console', node, `console.trace in ${helper}(), which is never called from a catch`);
    if (bad.length) {
      const lines = bad.slice(0, 3).map((offset) => script.lines.lineOf(offset)).join(', ');
      report('js.console', node, `console.trace in ${helper}(), which is used outside a catch or rejection handler (line ${lines})`);
    }
  });
}
