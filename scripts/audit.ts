// `npm run audit [path-to-zip]`: Kommo's marketplace code audit over the BUILT archive
// (default dist/widget.zip): eval and friends, console, APP writes, CSS scope, text
// encoding, locale lengths (scripts/audit/). Every finding names file and line; exit 1
// on any finding.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFinding } from './audit/finding.ts';
import { auditZip } from './audit/run.ts';

const zipPath = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../dist/widget.zip', import.meta.url));

let zip: Uint8Array;
try {
  zip = readFileSync(zipPath);
} catch {
  console.error(`audit: cannot read ${zipPath} (run npm run build first)`);
  process.exit(1);
}

const findings = auditZip(zip);
for (const f of findings) console.log(formatFinding(f));
console.log(`audit: ${findings.length} finding(s)`);
process.exit(findings.length ? 1 : 0);
