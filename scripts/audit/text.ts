// Text files of the archive: UTF-8 without a byte-order mark, LF line endings
// (kommo-platform.md §7 "Code"). One finding per file and rule, at the first bad line.
import { finding, type Finding } from './finding.ts';

export const TEXT_FILE = /\.(json|js|mjs|css|svg|html?|txt|md|twig|xml)$/i;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LF = 0x0a;
const CR = 0x0d;

/** Byte lines: a LF byte never sits inside a UTF-8 sequence, so each line decodes alone. */
function byteLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

export function checkText(file: string, bytes: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) findings.push(finding('text.bom', file, 1, 'starts with a UTF-8 byte-order mark (EF BB BF)'));
  const lines = byteLines(bytes);
  const invalid = lines.findIndex((line) => {
    try {
      utf8.decode(line);
      return false;
    } catch {
      return true;
    }
  });
  if (invalid >= 0) findings.push(finding('text.utf8', file, invalid + 1, 'is not valid UTF-8'));
  const withCr = lines.map((line, i) => (line.includes(CR) ? i + 1 : 0)).filter(Boolean);
  const [first] = withCr;
  if (first) {
    const bad = lines[first - 1] ?? new Uint8Array();
    const kind = bad[bad.length - 1] === CR && first < lines.length ? 'a CRLF line ending' : 'a carriage return';
    findings.push(finding('text.eol', file, first, `${kind}; use LF only (${withCr.length} line(s) with CR)`));
  }
  return findings;
}
