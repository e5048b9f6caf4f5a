// No writes to Kommo's APP (kommo-platform.md §7 "Code"): assignments, ++/--, delete and
// Object.assign / defineProperty / Reflect.set on APP, window.APP, anything.APP, or on a
// variable that holds one of those (`const app = window.APP`, `const app = readApp()`
// where readApp returns one). Aliases are matched by name across the file: a bundle's
// top-level names are unique, and an extra finding is cheaper than a missed write.
import { memberPath, unwrap, walk, type Node } from './ast.ts';
import type { Report } from './code.ts';

const MUTATORS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.defineProperty', 'Reflect.deleteProperty', 'Reflect.setPrototypeOf']);

/** A path that starts at an alias or goes through a property called APP. */
function rootedInApp(expression: unknown, aliases: Set<string>): boolean {
  const path = memberPath(expression);
  return aliases.has(path[0] ?? '') || path.includes('APP');
}

/** Names bound to APP or to a function that returns it, found to a fixed point. */
function appAliases(program: Node): Set<string> {
  const aliases = new Set<string>(['APP']);
  const returnsApp = new Set<string>();
  const holdsApp = (expression: unknown): boolean => {
    const node = unwrap(expression);
    if (node?.type === 'CallExpression') return returnsApp.has(memberPath(node.callee).at(-1) ?? '');
    if (node?.type === 'LogicalExpression' || node?.type === 'ConditionalExpression') {
      return [node.left, node.right, node.consequent, node.alternate].some((part) => part !== undefined && holdsApp(part));
    }
    return rootedInApp(node, aliases);
  };
  let size = -1;
  while (aliases.size + returnsApp.size !== size) {
    size = aliases.size + returnsApp.size;
    walk(program, (node, ancestors) => {
      if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier' && node.init && holdsApp(node.init)) aliases.add((node.id as Node).name as string);
      if (node.type === 'ReturnStatement' && node.argument && holdsApp(node.argument)) {
        const fn = [...ancestors].reverse().find((a) => a.type === 'FunctionDeclaration');
        const name = (fn?.id as Node | undefined)?.name;
        if (typeof name === 'string') returnsApp.add(name);
      }
    });
  }
  return aliases;
}

export function checkAppWrites(program: Node, report: Report): void {
  const aliases = appAliases(program);
  // Rebinding a local alias (`app = null`) is not a write to APP; a property of it is.
  const isApp = (target: unknown) => {
    const node = unwrap(target);
    if (node?.type === 'Identifier') return node.name === 'APP';
    return node?.type === 'MemberExpression' && rootedInApp(node, aliases);
  };
  const describe = (target: unknown) => memberPath(target).join('.');
  walk(program, (node) => {
    if (node.type === 'AssignmentExpression' && isApp(node.left)) report('js.app_write', node, `assigns ${describe(node.left)}: never write to APP`);
    if (node.type === 'UpdateExpression' && isApp(node.argument)) report('js.app_write', node, `${node.operator as string} on ${describe(node.argument)}: never write to APP`);
    if (node.type === 'UnaryExpression' && node.operator === 'delete' && isApp(node.argument)) report('js.app_write', node, `deletes ${describe(node.argument)}: never write to APP`);
    if (node.type === 'CallExpression') {
      const callee = memberPath(node.callee).join('.');
      const [target] = node.arguments as Node[];
      if (MUTATORS.has(callee) && target && isApp(target)) report('js.app_write', node, `${callee}(${describe(target)}, …): never write to APP`);
    }
  });
}
