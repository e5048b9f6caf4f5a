// One audit finding: which rule, which file of the archive, which line (1-based), what.
export interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

export const finding = (rule: string, file: string, line: number, message: string): Finding => ({ rule, file, line, message });

export const formatFinding = (f: Finding): string => `ERROR ${f.file}:${f.line}: [${f.rule}] ${f.message}`;

/** Maps a UTF-16 offset in a text to its 1-based line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
