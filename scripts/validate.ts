// `npm run validate [path-to-zip]`: checks a widget archive against Kommo's documented
// upload and Marketplace rules. Exit 1 on any error; warnings are printed but pass.
import { relative } from 'node:path';
import { unzipSync } from 'fflate';
import { readZipArgument } from './archive/read-zip.ts';
import { validateZip } from './archive/validate-archive.ts';

const { zipPath, zip } = readZipArgument('validate');

const issues = validateZip(zip);
const errors = issues.filter((i) => i.level === 'error');
const warnings = issues.filter((i) => i.level === 'warning');
for (const i of [...errors, ...warnings]) {
  console.log(`${i.level === 'error' ? 'ERROR' : 'warn '} ${i.file}: [${i.rule}] ${i.message}`);
}
const shown = relative(process.cwd(), zipPath) || zipPath;
if (errors.length) {
  console.log(`\n${shown}: ${errors.length} error(s), ${warnings.length} warning(s)`);
  process.exit(1);
}
let fileCount = 0;
try {
  fileCount = Object.keys(unzipSync(zip)).filter((p) => !p.endsWith('/')).length;
} catch {
  /* validateZip already reported an unreadable zip */
}
console.log(`${shown}: OK (${fileCount} files, ${zip.length} bytes, ${warnings.length} warning(s))`);
