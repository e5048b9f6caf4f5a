// The whole audit over an unzipped archive: text encoding of every text file, the code
// and CSS rules over every .js file, CSS rules over every .css file, and the locale
// length limits over i18n/*.json. Findings come sorted by file, then line.
import { unzipSync } from 'fflate';
import { isObject } from '../archive/manifest.ts';
import { parseScript } from './ast.ts';
import { checkParsed } from './code.ts';
import { checkCss } from './css.ts';
import { checkCssStrings } from './css-strings.ts';
import { finding, LineIndex, type Finding } from './finding.ts';
import { checkLocaleLengths } from './locales.ts';
import { checkText, TEXT_FILE } from './text.ts';

type ArchiveFiles = Record<string, Uint8Array>;

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

function checkJs(file: string, source: string): Finding[] {
  const script = parseScript(file, source);
  const findings = checkParsed(script);
  if (!script.program) return findings;
  for (const problem of checkCssStrings(script.program)) {
    const line = script.lines.lineOf(problem.offset);
    const module = script.moduleAt(line);
    findings.push(finding(problem.rule, file, line, module ? `${problem.message} (${module})` : problem.message));
  }
  return findings;
}

function checkCssFile(file: string, css: string): Finding[] {
  const lines = new LineIndex(css);
  return checkCss(css).map((problem) => finding(problem.rule, file, lines.lineOf(problem.offset), problem.message));
}

function checkLocales(files: ArchiveFiles): Finding[] {
  const manifestBytes = files['manifest.json'];
  let manifest: unknown = {};
  try {
    if (manifestBytes) manifest = JSON.parse(decode(manifestBytes));
  } catch {
    // npm run validate reports a broken manifest; the default keys still apply.
  }
  const locales = Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => /^i18n\/[^/]+\.json$/.test(path))
      .map(([path, bytes]) => [path, decode(bytes)]),
  );
  return checkLocaleLengths(isObject(manifest) ? manifest : {}, locales);
}

function auditFiles(files: ArchiveFiles): Finding[] {
  const paths = Object.keys(files).filter((path) => !path.endsWith('/'));
  const findings: Finding[] = [];
  for (const path of paths) {
    const bytes = files[path] ?? new Uint8Array();
    if (TEXT_FILE.test(path)) findings.push(...checkText(path, bytes));
    if (/\.m?js$/i.test(path)) findings.push(...checkJs(path, decode(bytes)));
    if (/\.css$/i.test(path)) findings.push(...checkCssFile(path, decode(bytes)));
  }
  findings.push(...checkLocales(files));
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function auditZip(zip: Uint8Array): Finding[] {
  try {
    return auditFiles(unzipSync(zip));
  } catch (error) {
    return [finding('zip.read', '(archive)', 1, `not a readable zip: ${(error as Error).message}`)];
  }
}
