// Spawns the repo's command-line scripts the way a user runs them (tsx on
// scripts/<name>.ts) and collects their output. Shared by the CLI integration tests.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The health CLI (`npm run health -- …`); `env` is added to this process's environment. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runScript('scripts/health.ts', args, env);
}

/** Keys a developer may have exported for real runs; a test passes its own or none. */
const OWNER_KEYS = ['OPENAI_API_KEY', 'OPENAI_ADMIN_KEY'];

/** Any script, by its path from the repo root. */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWNER_KEYS.includes(name)));
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...inherited, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `jobs` with at most `limit` at once (each spawn costs about a second of CPU). */
export async function withConcurrency<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await job(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
