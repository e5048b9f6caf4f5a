// The widget's CSS is written as template literals in src/ui/styles.ts and
// src/ui/css/*.ts, with comments and indentation for people. The build drops those
// from the shipped strings, keeping every character a selector or a value needs and
// the source's line breaks (one rule per line stays readable, and no line looks
// minified to a moderator): quoted text is left alone, a run of blanks becomes one
// space (or the line break it held), and only blanks next to { } ; , or after a colon
// go, which never changes what a selector matches (the descendant space before
// `:hover` or between `${S}` and `.x` stays). The audit (scripts/audit/css*.ts) reads
// the result like the source.
import { parseSync, type Plugin } from 'vite';

const CSS_MODULE = /\/src\/ui\/(styles|css\/[\w-]+)\.ts$/;

/** Blanks and line breaks of CSS text outside quotes and comments, reduced as described above. */
function squeeze(text: string): string {
  return text
    .replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '))
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/\{\n/g, '{')
    .replace(/;?\n?\}/g, '}');
}

/** One piece of CSS text between `${…}` holes; `first`/`last` say if it starts/ends the literal. */
export function minifyCssPiece(text: string, edges: { first: boolean; last: boolean }): string {
  let out = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      out += squeeze(plain) + text.slice(i, end + 1);
      plain = '';
      i = end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      plain += ' ';
      i = end < 0 ? text.length : end + 2;
    } else {
      plain += c;
      i++;
    }
  }
  out += squeeze(plain);
  if (edges.first) out = out.replace(/^\s+/, '');
  if (edges.last) out = out.replace(/\s+$/, '');
  return out;
}

interface Span {
  start: number;
  end: number;
  raw: string;
  text: string;
}

type AstNode = { type?: string; start?: number; end?: number } & Record<string, unknown>;

function templatePieces(node: AstNode, spans: Span[]): void {
  if (node.type === 'TemplateLiteral') {
    const quasis = node.quasis as Array<{ start: number; end: number; value: { raw: string } }>;
    if (quasis.some((q) => q.value.raw.includes('{'))) {
      quasis.forEach((q, index) => {
        const last = index === quasis.length - 1;
        const text = minifyCssPiece(q.value.raw, { first: index === 0, last });
        // oxc's quasi span takes in the delimiters: "`" or "}" before, "${" or "`" after.
        spans.push({ start: q.start + 1, end: q.end - (last ? 1 : 2), raw: q.value.raw, text });
      });
    }
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') templatePieces(item as AstNode, spans);
    if (value && typeof value === 'object' && !Array.isArray(value) && 'type' in value) templatePieces(value as AstNode, spans);
  }
}

/** Rewrites the CSS template literals of one source file. */
export function minifyCssModule(id: string, code: string): string {
  const parsed = parseSync(id, code, { lang: 'ts', sourceType: 'module' });
  if (parsed.errors.length) throw new Error(`css-minify: cannot parse ${id}: ${parsed.errors[0]?.message}`);
  const spans: Span[] = [];
  templatePieces(parsed.program as unknown as AstNode, spans);
  let out = code;
  for (const span of spans.sort((a, b) => b.start - a.start)) {
    if (out.slice(span.start, span.end) !== span.raw) throw new Error(`css-minify: unexpected template span in ${id} at ${span.start}`);
    out = out.slice(0, span.start) + span.text + out.slice(span.end);
  }
  return out;
}

export function cssMinifyPlugin(): Plugin {
  return {
    name: 'bytegpt-css-minify',
    enforce: 'pre',
    transform(code, id) {
      if (!CSS_MODULE.test(id)) return null;
      return { code: minifyCssModule(id, code), map: null };
    },
  };
}
