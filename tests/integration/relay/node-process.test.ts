// `npm run relay` as an operator starts it: a real process on a free loopback port,
// configured by environment variables, answering a signed request, then stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../cli-run.ts';
import { ORIGIN_A, signToken, testEnv } from './relay-helpers.ts';

let child: ChildProcess | null = null;
afterEach(async () => {
  const running = child;
  child = null;
  if (running?.pid === undefined || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  // npm → tsx → node: the whole process group, or the server would outlive the test.
  process.kill(-running.pid, 'SIGTERM');
  await exited;
});

/** Starts `npm run relay -- <args>` and resolves with its URL once it says where it listens. */
function startRelay(args: string[], env: Record<string, string | undefined>): Promise<{ url: string; output: () => string }> {
  const started = spawn('npm', ['run', '--silent', 'relay', '--', ...args], {
    cwd: REPO_ROOT,
    // PORT=0: the system picks a free port and the relay prints it.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so afterEach can stop npm and everything it started.
    detached: true,
  });
  child = started;
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], output: () => output });
    };
    started.stdout?.on('data', onData);
    started.stderr?.on('data', onData);
    started.on('exit', (code) => reject(new Error(`relay exited (${code}) before listening:\n${output}`)));
  });
}

describe('npm run relay', () => {
  it('starts with env config and --mock healthy, answers a signed GET /v1/report, logs JSON lines', async () => {
    const relay = await startRelay(['--mock', 'healthy'], testEnv({ OPENAI_API_KEY: undefined }));
    const response = await fetch(`${relay.url}/v1/report`, { headers: { 'X-Auth-Token': await signToken(), Origin: ORIGIN_A } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
    expect(await response.json()).toMatchObject({ status: 'ok', findings: [{ code: 'spend_unavailable' }], baseUrl: 'https://api.openai.com', mock: 'healthy' });
    expect((await fetch(`${relay.url}/v1/report`)).status).toBe(401);
    // The log lines come through a pipe: wait until both are there.
    const lines = () => relay.output().split('\n').filter((line) => line.startsWith('{') && line.endsWith('}'));
    await vi.waitFor(() => expect(lines()).toHaveLength(2));
    expect(lines().map((line) => JSON.parse(line) as { status: number; upstream: string })).toEqual([
      expect.objectContaining({ status: 200, upstream: 'checked' }),
      expect.objectContaining({ status: 401, upstream: 'none' }),
    ]);
  });

  it('refuses to start on a bad variable, naming it', async () => {
    const run = spawn('npm', ['run', '--silent', 'relay'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...testEnv({ KOMMO_ACCOUNT_IDS: 'acme' }), PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toContain('relay: configuration error: KOMMO_ACCOUNT_IDS: expected comma-separated Kommo account ids');
  });
});
