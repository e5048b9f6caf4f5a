// Every text file: valid UTF-8, no byte-order mark, Unix line endings (Kommo's
// Structure page and the Marketplace checklist).
import { BINARY_EXTENSIONS, issue, type Issue } from './rules.ts';
import { filePaths, type ArchiveFiles } from './layout.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function isTextFile(path: string): boolean {
  return !BINARY_EXTENSIONS.test(path);
}

/** The decoded text, or an issue explaining why the bytes are not acceptable text. */
export function decodeText(path: string, bytes: Uint8Array): { text?: string; issues: Issue[] } {
  const issues: Issue[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    issues.push(issue('text.bom', path, 'starts with a UTF-8 byte-order mark (EF BB BF)'));
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    issues.push(issue('text.utf8', path, 'is not valid UTF-8'));
    return { issues };
  }
  const cr = text.indexOf('\r');
  if (cr >= 0) {
    const line = text.slice(0, cr).split('\n').length;
    issues.push(issue('text.crlf', path, `contains a carriage return (CR / CRLF line ending) on line ${line}`));
  }
  return { text, issues };
}

export function checkTextFiles(files: ArchiveFiles): Issue[] {
  return filePaths(files)
    .filter(isTextFile)
    .flatMap((path) => decodeText(path, files[path] ?? new Uint8Array()).issues);
}
