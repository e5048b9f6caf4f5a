// The relay is a server: none of its code may reach the widget archive. The lint rules
// stop imports of src/relay from shipped code; this reads what the build produced
// (`npm test` builds before running the tests) for the relay's and jose's own strings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const widgetDir = fileURLToPath(new URL('../../../dist/widget/', import.meta.url));
// Strings that survive minification and only the server has: the relay's configuration
// messages (the widget may word the relay's refusals, so those are not markers) and
// jose's error codes.
const MARKERS = ['RELAY_RATE_LIMIT_PER_MINUTE', 'comma-separated Kommo account ids', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JWT_EXPIRED'];

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the widget archive', () => {
  it.skipIf(!existsSync(join(widgetDir, 'script.js')))('holds no relay code (dist/widget/*.js)', () => {
    const files = scripts(widgetDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const marker of MARKERS) expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
    }
  });

  it('the markers are really in the relay and jose (so their absence above means something)', () => {
    const relay = readFileSync(fileURLToPath(new URL('../../../src/relay/config.ts', import.meta.url)), 'utf8');
    expect(relay).toContain('RELAY_RATE_LIMIT_PER_MINUTE');
    expect(relay).toContain('comma-separated Kommo account ids');
    const jose = readFileSync(fileURLToPath(new URL('../../../node_modules/jose/dist/webapi/util/errors.js', import.meta.url)), 'utf8');
    expect(jose).toContain('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(jose).toContain('ERR_JWT_EXPIRED');
  });
});
