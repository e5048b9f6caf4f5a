// The archive a command-line check reads: the path given as its first argument, or the
// built dist/widget.zip. An unreadable file ends the command with exit code 1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function readZipArgument(command: string): { zipPath: string; zip: Uint8Array } {
  const zipPath = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../../dist/widget.zip', import.meta.url));
  try {
    return { zipPath, zip: readFileSync(zipPath) };
  } catch {
    console.error(`${command}: cannot read ${zipPath} (run npm run build first)`);
    process.exit(1);
  }
}
