// CSS selectors (kommo-platform.md §7 "CSS"): every selector must start with our scope
// class, optionally behind Kommo's documented theme hooks (`:root` / `html`, §8 "Dark
// theme"), and reach only our root and what is inside it (descendant or child, never
// a sibling). A `:root` rule may only define our own `--bytegpt-health-*` variables.
// Nested rules inherit their parent's scope; @keyframes / @font-face bodies hold no
// selectors. Kommo's switcher_on/off classes must not be styled at all.
import { SCOPE_CLASS } from '../../src/ui/css/scope.ts';

export interface CssProblem {
  rule: 'css.global' | 'css.kommo_class';
  /** Offset of the selector in the CSS text. */
  offset: number;
  message: string;
}

interface StyleRule {
  prelude: string;
  offset: number;
  body: string;
}

/** Stands for a `${hole}` of a CSS string whose value is unknown; no braces, so it never makes text look like CSS. */
export const UNRESOLVED = '⟨unresolved⟩';

const GROUPING_AT_RULES = /^@(media|supports|layer|container|document|-moz-document|scope|starting-style)\b/i;
const THEME_HOOK = /^(:root|html)(\[[^\]]*\])*$/;
const FORBIDDEN_CLASSES = /^switcher_(on|off)$/;

/** Comments blanked to spaces (newlines kept, so offsets and lines stay true). */
const blankComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));

/** The top-level style rules (not nested in another style rule, not in @keyframes and the like). */
function styleRules(css: string): StyleRule[] {
  const text = blankComments(css);
  const rules: StyleRule[] = [];
  const stack: Array<{ kind: 'group' | 'rule' | 'opaque'; rule?: StyleRule; bodyStart: number }> = [];
  let preludeStart = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === ';') preludeStart = i + 1;
    else if (c === '{') {
      const raw = text.slice(preludeStart, i);
      const prelude = raw.trim();
      const top = stack[stack.length - 1];
      if (top && top.kind !== 'group') stack.push({ kind: 'opaque', bodyStart: i + 1 });
      else if (prelude.startsWith('@')) stack.push({ kind: GROUPING_AT_RULES.test(prelude) ? 'group' : 'opaque', bodyStart: i + 1 });
      else {
        const rule = { prelude, offset: preludeStart + raw.length - raw.trimStart().length, body: '' };
        rules.push(rule);
        stack.push({ kind: 'rule', rule, bodyStart: i + 1 });
      }
      preludeStart = i + 1;
    } else if (c === '}') {
      const closed = stack.pop();
      if (closed?.rule) closed.rule.body = text.slice(closed.bodyStart, i);
      preludeStart = i + 1;
    }
  }
  return rules;
}

/** Splits at a separator outside (), [] and quotes; each part with its offset. */
function splitTopLevel(text: string, isSeparator: (c: string) => boolean): Array<{ part: string; offset: number }> {
  const parts: Array<{ part: string; offset: number }> = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && isSeparator(c)) {
      parts.push({ part: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  parts.push({ part: text.slice(start), offset: start });
  return parts;
}

/** `.a .b > .c` → compounds with the combinator before each (" ", ">", "+", "~"). */
function compounds(selector: string): Array<{ compound: string; combinator: string }> {
  const spaced = selector.replace(/\s*([>+~])\s*/g, ' $1 ').trim();
  const pieces = splitTopLevel(spaced, (c) => /\s/.test(c)).map((p) => p.part).filter(Boolean);
  const result: Array<{ compound: string; combinator: string }> = [];
  let combinator = '';
  for (const piece of pieces) {
    if (['>', '+', '~'].includes(piece)) combinator = piece;
    else {
      result.push({ compound: piece, combinator: result.length ? combinator || ' ' : '' });
      combinator = '';
    }
  }
  return result;
}

/** Class names in a selector; `topLevelOnly` skips those inside :is()/:not()/[attr]. */
function classes(selector: string, topLevelOnly = false): string[] {
  let text = selector.replace(/"[^"]*"|'[^']*'/g, '""');
  if (topLevelOnly) while (/\([^()]*\)|\[[^[\]]*\]/.test(text)) text = text.replace(/\([^()]*\)|\[[^[\]]*\]/g, '');
  return [...text.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1] ?? '');
}

const isOurs = (name: string) => name === SCOPE_CLASS || name.startsWith(`${SCOPE_CLASS}__`) || name.startsWith(`${SCOPE_CLASS}-`);

function judgeSelector(selector: string, body: string): Omit<CssProblem, 'offset'> | undefined {
  const parts = compounds(selector);
  const forbidden = classes(selector).find((name) => FORBIDDEN_CLASSES.test(name));
  if (forbidden) return { rule: 'css.kommo_class', message: `"${selector}" styles Kommo's .${forbidden}, which widgets must never restyle` };
  const root = parts.findIndex((p) => classes(p.compound, true).includes(SCOPE_CLASS));
  const hooksOnly = (upTo: number) => parts.slice(0, upTo).every((p) => THEME_HOOK.test(p.compound));
  const staysInside = parts.slice(root + 1).every((p) => p.combinator === ' ' || p.combinator === '>');
  if (root >= 0 && hooksOnly(root) && staysInside) return undefined;
  if (root < 0 && hooksOnly(parts.length) && parts.length > 0) {
    const properties = body.split(';').map((d) => d.split(':')[0]?.trim() ?? '').filter(Boolean);
    if (properties.every((p) => p.startsWith(`--${SCOPE_CLASS}-`))) return undefined;
    return { rule: 'css.global', message: `"${selector}" sets more than --${SCOPE_CLASS}-* variables on the page root` };
  }
  if (selector.includes(UNRESOLVED)) return { rule: 'css.global', message: `"${selector}" is built from a value the audit cannot resolve; start it with .${SCOPE_CLASS}` };
  const foreign = classes(selector).filter((name) => !isOurs(name));
  if (foreign.length) return { rule: 'css.kommo_class', message: `"${selector}" restyles .${foreign[0]} outside .${SCOPE_CLASS}` };
  return { rule: 'css.global', message: `"${selector}" is global: every selector must start with .${SCOPE_CLASS}` };
}

/** Every selector problem in one CSS text. */
export function checkCss(css: string): CssProblem[] {
  const problems: CssProblem[] = [];
  for (const rule of styleRules(css)) {
    for (const { part, offset } of splitTopLevel(rule.prelude, (c) => c === ',')) {
      const selector = part.trim();
      const problem = judgeSelector(selector, rule.body);
      if (problem) problems.push({ ...problem, offset: rule.offset + offset + part.length - part.trimStart().length });
    }
  }
  return problems;
}

/** Text that holds at least one `selector { property: value }` rule (spaced or, as the build ships it, squeezed). */
export const looksLikeCss = (text: string): boolean => /[^{};]+\{[^{}]*?(^|[;{\s]|(?<=\{))-{0,2}[a-zA-Z][\w-]*\s*:\s*[^{};\s][^{}]*\}/.test(text);
