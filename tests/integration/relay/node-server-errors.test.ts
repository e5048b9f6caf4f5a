// The Node server's 'error' events: a startup error (the port is taken) rejects the
// start; one after listening is logged as a scrubbed JSON line instead of being
// swallowed by the startup listener (or, with no listener, crashing the process).
import type { Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNodeRelay, type RunningRelay } from '../../../src/relay/node.ts';
import { testConfig } from './relay-helpers.ts';

const servers = vi.hoisted(() => [] as unknown[]);
vi.mock('@hono/node-server', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@hono/node-server')>();
  return {
    ...actual,
    serve: (...args: Parameters<typeof actual.serve>) => {
      const server = actual.serve(...args);
      servers.push(server);
      return server;
    },
  };
});

const API_KEY = 'sk-proj-node-errors-0123456789';
let running: RunningRelay[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.map((relay) => relay.close()));
  running = [];
  servers.length = 0;
});

async function start(port = 0): Promise<RunningRelay> {
  const relay = await startNodeRelay(testConfig({ PORT: String(port), HOST: '127.0.0.1', OPENAI_API_KEY: API_KEY }), { log: () => undefined });
  running.push(relay);
  return relay;
}

describe('startNodeRelay and server errors', () => {
  it('rejects when the port is taken', async () => {
    const first = await start();
    await expect(start(Number(new URL(first.url).port))).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('logs a later error as one scrubbed JSON line, every time, and keeps serving', async () => {
    const relay = await start();
    const server = servers.at(-1) as Server;
    expect(server.listenerCount('error')).toBe(1);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    server.emit('error', Object.assign(new Error(`accept failed near ${API_KEY}`), { code: 'EMFILE' }));
    server.emit('error', new Error('second failure'));
    expect(lines).toHaveLength(2);
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', event: 'server_error', error: 'Error: accept failed near [redacted]' });
    expect(lines.join('\n')).not.toContain(API_KEY);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ level: 'error', error: 'Error: second failure' });
    vi.restoreAllMocks();
    expect((await fetch(`${relay.url}/nothing`)).status).toBe(404);
  });
});
