// The build's CSS squeeze (scripts/bundle/css-minify.ts) keeps what selectors and values
// mean, keeps line breaks (no line reads as minified), and the audit still reads the
// squeezed CSS: a global selector in it is still found.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCss, looksLikeCss } from '../../../scripts/audit/css.ts';
import { minifyCssModule, minifyCssPiece } from '../../../scripts/bundle/css-minify.ts';

const whole = { first: true, last: true };

describe('minifyCssPiece', () => {
  it('drops comments, indentation and blanks around punctuation, keeping line breaks', () => {
    const css = `
.x {
  /* why */
  color: red;
  margin: 0 auto;
}
.x .y, .x .z { font-family: 'PT Sans', Arial; }
`;
    expect(minifyCssPiece(css, whole)).toBe(".x{color:red;\nmargin:0 auto}\n.x .y,.x .z{font-family:'PT Sans',Arial}");
  });

  it('keeps descendant spaces, quoted text and the space a hole needs', () => {
    expect(minifyCssPiece(' :focus-visible { outline: 0; }', { first: false, last: true })).toBe(' :focus-visible{outline:0}');
    expect(minifyCssPiece('.a [data-x="a, b: c"] { content: "x ; }" }', whole)).toBe('.a [data-x="a, b: c"]{content:"x ; }"}');
    expect(minifyCssPiece(' .y { a: b }\n', { first: false, last: false })).toBe(' .y{a:b}\n');
    expect(minifyCssPiece('.a { width: calc(100% - 8px); }', whole)).toBe('.a{width:calc(100% - 8px)}');
  });
});

describe('minifyCssModule', () => {
  it('rewrites only the CSS template literals of a module, holes untouched', () => {
    const code = "import { S } from './scope.ts';\nconst note = `no braces here`;\nexport const CSS = `\n${S} .a {\n  color: red;\n}\n${S}[data-t=\"dark\"] .a { color: blue; }\n`;\n";
    expect(minifyCssModule('/x/src/ui/css/a.ts', code)).toBe(
      "import { S } from './scope.ts';\nconst note = `no braces here`;\nexport const CSS = `${S} .a{color:red}\n${S}[data-t=\"dark\"] .a{color:blue}`;\n",
    );
  });

  it('keeps every real CSS module the audit reads: same rules, still CSS, no line over 400 characters', () => {
    for (const name of ['styles.ts', 'css/fixit.ts', 'css/walkthrough.ts', 'css/dashboard.ts', 'css/remind.ts', 'css/settings.ts']) {
      const path = new URL(`../../../src/ui/${name}`, import.meta.url);
      const source = readFileSync(path, 'utf8');
      const literal = (code: string) => /`([^`]*\{[^`]*)`/.exec(code)?.[1] ?? '';
      const squeezed = literal(minifyCssModule(path.pathname, source));
      expect(looksLikeCss(squeezed), name).toBe(true);
      expect(squeezed.split('\n').every((line) => line.length <= 400), name).toBe(true);
      // Every rule and every hole is still there (braces outside `${…}`, and the holes).
      const rules = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').match(/(?<!\$)\{/g)?.length;
      expect(rules(squeezed), name).toBe(rules(literal(source)));
      expect(squeezed.match(/\$\{S\}/g)?.length, name).toBe(literal(source).match(/\$\{S\}/g)?.length);
    }
  });
});

describe('the audit on squeezed CSS', () => {
  it('still reads it as CSS and still finds a global selector', () => {
    const squeezed = minifyCssPiece('.bytegpt-health .a { color: red; }\ninput { color: red; }', whole);
    expect(looksLikeCss(squeezed)).toBe(true);
    expect(looksLikeCss('.a{color:red}')).toBe(true);
    expect(checkCss(squeezed).map((p) => p.rule)).toEqual(['css.global']);
  });
});
