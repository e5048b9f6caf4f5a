// `npm run audit [path-to-zip]`: Kommo's marketplace code audit over the BUILT archive
// (default dist/widget.zip): eval and friends, console, APP writes, CSS scope, text
// encoding, locale lengths (scripts/audit/). Every finding names file and line; exit 1
// on any finding.
import { readZipArgument } from './archive/read-zip.ts';
import { formatFinding } from './audit/finding.ts';
import { auditZip } from './audit/run.ts';

const { zip } = readZipArgument('audit');

const findings = auditZip(zip);
for (const f of findings) console.log(formatFinding(f));
console.log(`audit: ${findings.length} finding(s)`);
process.exit(findings.length ? 1 : 0);
