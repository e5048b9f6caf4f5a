// Browser tests drive Debian's chromium (never a downloaded browser). On a fresh
// machine, install it with apt-get when we can; otherwise say how.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): { ok: true } | { ok: false; message: string } {
  if (existsSync(CHROMIUM_PATH)) return { ok: true };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('Installing Debian\'s chromium for the browser tests (once, about 20 s)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const opts = { stdio: 'inherit' as const, env };
    let status = spawnSync('apt-get', ['install', '-y', 'chromium'], opts).status;
    if (status !== 0) {
      spawnSync('apt-get', ['update'], opts);
      status = spawnSync('apt-get', ['install', '-y', 'chromium'], opts).status;
    }
    if (status === 0 && existsSync(CHROMIUM_PATH)) return { ok: true };
  }
  return {
    ok: false,
    message:
      `Chromium is needed for the browser tests and was not found at ${CHROMIUM_PATH}.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      '(or set CHROMIUM_PATH to a Chromium/Chrome binary).',
  };
}
