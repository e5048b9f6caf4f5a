// The widget's CSS lives in script.js as strings (src/ui/css/*.ts, injected by
// src/kommo/style.ts). Every string or template literal that reads as CSS is checked,
// with `${S}`-style holes filled from constants declared once in the file (SCOPE_CLASS,
// S, ...). A hole that cannot be resolved becomes UNRESOLVED, so a selector starting
// with one is reported rather than trusted.
import { walk, type Node } from './ast.ts';
import { checkCss, looksLikeCss, UNRESOLVED } from './css.ts';

interface CssString {
  css: string;
  /** Source offset of a position in `css`. */
  sourceOffset(cssOffset: number): number;
}

const MAX_DEPTH = 20;

/** Declarations by name; a name declared more than once is ambiguous and not resolved. */
function declarations(program: Node): Map<string, Node | null> {
  const byName = new Map<string, Node | null>();
  walk(program, (node) => {
    if (node.type !== 'VariableDeclarator' || (node.id as Node).type !== 'Identifier') return;
    const name = (node.id as Node).name as string;
    byName.set(name, byName.has(name) ? null : ((node.init as Node | null) ?? null));
  });
  return byName;
}

function resolver(program: Node): (node: Node) => string | undefined {
  const byName = declarations(program);
  const resolve = (node: Node, depth: number): string | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === 'ParenthesizedExpression') return resolve(node.expression as Node, depth + 1);
    if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
    if (node.type === 'Identifier') {
      const init = byName.get(node.name as string);
      return init ? resolve(init, depth + 1) : undefined;
    }
    if (node.type === 'BinaryExpression' && node.operator === '+') {
      const left = resolve(node.left as Node, depth + 1);
      const right = resolve(node.right as Node, depth + 1);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    if (node.type === 'TemplateLiteral') {
      const holes = (node.expressions as Node[]).map((e) => resolve(e, depth + 1));
      if (holes.some((h) => h === undefined)) return undefined;
      return (node.quasis as Node[]).map((q, i) => cooked(q) + (holes[i] ?? '')).join('');
    }
    return undefined;
  };
  return (node) => resolve(node, 0);
}

const cooked = (quasi: Node) => (quasi.value as { cooked?: string; raw: string }).cooked ?? (quasi.value as { raw: string }).raw;

/** Every literal in the file that reads as CSS, with a map back to the source. */
function cssStrings(program: Node): CssString[] {
  const resolve = resolver(program);
  const found: CssString[] = [];
  walk(program, (node) => {
    const anchors: Array<{ css: number; source: number; exact: boolean }> = [];
    let css = '';
    if (node.type === 'Literal' && typeof node.value === 'string') {
      anchors.push({ css: 0, source: node.start + 1, exact: true });
      css = node.value;
    } else if (node.type === 'TemplateLiteral') {
      const quasis = node.quasis as Node[];
      const holes = node.expressions as Node[];
      quasis.forEach((quasi, i) => {
        anchors.push({ css: css.length, source: quasi.start, exact: true });
        css += cooked(quasi);
        const hole = holes[i];
        if (!hole) return;
        anchors.push({ css: css.length, source: hole.start, exact: false });
        css += resolve(hole) ?? UNRESOLVED;
      });
    } else return;
    if (!looksLikeCss(css)) return;
    const sourceOffset = (at: number) => {
      const anchor = [...anchors].reverse().find((a) => a.css <= at) ?? anchors[0];
      if (!anchor) return node.start;
      return anchor.exact ? anchor.source + (at - anchor.css) : anchor.source;
    };
    found.push({ css, sourceOffset });
  });
  return found;
}

/** Selector problems in script.js's CSS strings, at source offsets. */
export function checkCssStrings(program: Node): Array<{ rule: string; offset: number; message: string }> {
  return cssStrings(program).flatMap(({ css, sourceOffset }) =>
    checkCss(css).map((problem) => ({ ...problem, offset: sourceOffset(problem.offset) })),
  );
}
