// The relay as a Cloudflare Worker, run in workerd through Miniflare: src/relay/worker.ts
// bundled the way wrangler would (one ES module), env bindings as the configuration,
// and the Worker's outbound fetches answered by the mock OpenAI service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { getResponse } from 'msw';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockService } from '../../../src/mocks/handlers.ts';
import { SCENARIOS } from '../../../src/mocks/scenarios.ts';
import { REPO_ROOT } from '../cli-run.ts';
import { ORIGIN_A, signToken, testEnv } from './relay-helpers.ts';

const outDir = mkdtempSync(join(tmpdir(), 'relay-worker-'));
const upstream = createMockService('healthy');
const workers: Miniflare[] = [];
/** What the Worker printed (its JSON log lines), captured instead of filling the test output. */
const workerLogs: string[] = [];

/** A Worker with these bindings; outbound requests go to the mock (unknown URLs: 502). */
function worker(bindings: Record<string, string>): Miniflare {
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(outDir, 'worker.js'),
    modulesRoot: outDir,
    compatibilityDate: '2026-04-01',
    bindings,
    handleStructuredLogs: ({ message }: { message: string }) => void workerLogs.push(message),
    outboundService: async (request: { url: string }) => {
      const answer = await getResponse(upstream.handlers, request as unknown as Request);
      return (answer ?? new Response('not mocked', { status: 502 })) as never;
    },
  });
  workers.push(mf);
  return mf;
}

const bindings = () => Object.fromEntries(Object.entries(testEnv({ OPENAI_API_KEY: SCENARIOS.healthy.apiKey })).filter((e): e is [string, string] => e[1] !== undefined));

beforeAll(async () => {
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { ssr: 'src/relay/worker.ts', outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { format: 'es', entryFileNames: 'worker.js' } } },
    ssr: { noExternal: true, target: 'webworker' },
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((mf) => mf.dispose()));
  rmSync(outDir, { recursive: true, force: true });
});

describe('the Worker entry under workerd', () => {
  it('answers GET /v1/report with the report, asking upstream through the Worker fetch', async () => {
    const mf = worker(bindings());
    const response = await mf.dispatchFetch('https://relay.example.workers.dev/v1/report', { headers: { 'X-Auth-Token': await signToken(), Origin: ORIGIN_A } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
    const body = (await response.json()) as { status: string; findings: { code: string }[]; baseUrl: string };
    expect(body).toMatchObject({ status: 'ok', baseUrl: 'https://api.openai.com' });
    expect(body.findings.map((f) => f.code)).toEqual(['spend_unavailable']);
    // models + chat reached the mock: redirect 'error' (which workerd refuses) was not sent.
    expect(upstream.requests()).toMatchObject({ models: 1, chat: 1 });
    // The isolate keeps one app (and its cache): another user of the account adds no round.
    const again = await mf.dispatchFetch('https://relay.example.workers.dev/v1/report', { headers: { 'X-Auth-Token': await signToken({ claims: { user_id: 2 } }) } });
    expect(again.status).toBe(200);
    expect(upstream.requests()).toMatchObject({ models: 1, chat: 1 });
    expect((await mf.dispatchFetch('https://relay.example.workers.dev/v1/report')).status).toBe(401);
    expect((await mf.dispatchFetch('https://relay.example.workers.dev/v1/models')).status).toBe(404);
    const preflight = await mf.dispatchFetch('https://relay.example.workers.dev/v1/report', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN_A, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'X-Auth-Token' },
    });
    expect(preflight.status).toBe(204);
    // workerd hands its log lines over asynchronously: wait for them, then compare.
    const logged = () => workerLogs.map((line) => JSON.parse(line) as { route: string; status: number }).map((entry) => [entry.route, entry.status]);
    await vi.waitFor(() => expect(logged()).toHaveLength(5));
    expect(logged()).toEqual([
      ['GET /v1/report', 200],
      ['GET /v1/report', 200],
      ['GET /v1/report', 401],
      ['other', 404],
      ['OPTIONS /v1/report', 204],
    ]);
  });

  it('answers 503 {"error":"misconfigured"} when a binding is missing', async () => {
    const { KOMMO_CLIENT_SECRET: _missing, ...rest } = bindings();
    const response = await worker(rest).dispatchFetch('https://relay.example.workers.dev/v1/report', { headers: { 'X-Auth-Token': await signToken() } });
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('{"error":"misconfigured"}');
    await vi.waitFor(() => expect(workerLogs.at(-1)).toContain('KOMMO_CLIENT_SECRET: missing'));
  });
});
