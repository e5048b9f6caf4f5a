// Deliberately bad archives for the audit: the archive tests' known-good files (real
// manifest, locales and images, a tiny AMD script.js) with one defect each.
import { strToU8, zipSync } from 'fflate';
import { auditZip } from '../../../scripts/audit/run.ts';
import { formatFinding, type Finding } from '../../../scripts/audit/finding.ts';
import { broken, goodFiles, GOOD_SCRIPT, type Files } from '../archive/fixture.ts';

export { broken, goodFiles, GOOD_SCRIPT, type Files };

export const audit = (files: Files): Finding[] => auditZip(zipSync(files));
export const lines = (findings: Finding[]) => findings.map(formatFinding);

/** GOOD_SCRIPT with `code` inserted in src/main.ts's section, just before `return Widget;`. */
export const scriptWith = (code: string) => GOOD_SCRIPT.replace('  return Widget;', `${code}\n  return Widget;`);

/** The 1-based line of the first line holding `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}

/** The good archive with script.js replaced. */
export const withScript = (source: string): Files => broken((files) => void (files['script.js'] = strToU8(source)));
