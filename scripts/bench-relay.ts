// Load bench of the check relay (not part of npm test; prints figures, asserts nothing):
// the Node server on 127.0.0.1 in a child process, its upstream answered by the mock
// (a plain api.openai.com account with the Admin key, so a round is models + probe +
// costs + spend limit), and autocannon in this process sending 20 accounts × 50 users
// = 1000 distinct signed tokens for a bounded time.
//   npm run bench:relay [-- --seconds 10 --connections 50]
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { parseRelayConfig } from '../src/relay/config.ts';
import { startNodeRelay } from '../src/relay/node.ts';
import type { LogEntry } from '../src/relay/log.ts';
import { SCENARIOS } from '../src/mocks/scenarios.ts';
import { MOCK_ADMIN_KEY, startRelayMock } from './relay-mock.ts';

const ACCOUNTS = 20;
const USERS_PER_ACCOUNT = 50;
const SECRET = 'bench-secret-bench-secret-0123456789abcdef';
const CLIENT_UUID = 'bench-integration-0000-0000-000000000001';
const FIRST_ACCOUNT = 40_000_001;
/** The mock answers after this long, like a nearby API (the relay's cost is what is measured). */
const UPSTREAM_LATENCY_MS = 50;

interface ServerStats {
  roundsByAccount: Record<string, number>;
  upstreamRequests: number;
  upstreamByEndpoint: Record<string, number>;
  statuses: Record<string, number>;
}

type ToServer = { kind: 'stats' };
type FromServer = { kind: 'listening'; url: string } | { kind: 'stats'; stats: ServerStats };

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => String(FIRST_ACCOUNT + i));

/** The server side: relay + mock upstream; counts rounds per account from its own log. */
async function serve(): Promise<void> {
  const mock = startRelayMock('healthy', { admin: true, latencyMs: UPSTREAM_LATENCY_MS });
  const config = parseRelayConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KOMMO_CLIENT_SECRET: SECRET,
    KOMMO_CLIENT_UUID: CLIENT_UUID,
    KOMMO_ACCOUNT_IDS: accountIds.join(','),
    OPENAI_API_KEY: SCENARIOS.healthy.apiKey,
    OPENAI_ADMIN_KEY: MOCK_ADMIN_KEY,
    // Throughput is the question here, not the per-user limit (30/min by default).
    RELAY_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const stats: ServerStats = { roundsByAccount: {}, upstreamRequests: 0, upstreamByEndpoint: {}, statuses: {} };
  const log = (entry: LogEntry) => {
    stats.statuses[entry.status] = (stats.statuses[entry.status] ?? 0) + 1;
    if (entry.upstream === 'checked' && entry.account_id !== null) stats.roundsByAccount[entry.account_id] = (stats.roundsByAccount[entry.account_id] ?? 0) + 1;
  };
  const relay = await startNodeRelay(config, { log });
  process.on('message', (message: ToServer) => {
    if (message.kind !== 'stats') return;
    const reply: FromServer = { kind: 'stats', stats: { ...stats, upstreamRequests: mock.total(), upstreamByEndpoint: mock.requests() } };
    process.send?.(reply);
  });
  process.send?.({ kind: 'listening', url: relay.url } satisfies FromServer);
}

function nextMessage(child: ChildProcess, kind: FromServer['kind']): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`relay server exited (${code})`)));
  });
}

async function tokens(): Promise<string[]> {
  const key = new TextEncoder().encode(SECRET);
  const iat = Math.floor(Date.now() / 1000);
  const all: Promise<string>[] = [];
  for (const account of accountIds) {
    for (let user = 1; user <= USERS_PER_ACCOUNT; user += 1) {
      const claims = { account_id: Number(account), user_id: user, subdomain: `bench${account}`, client_uuid: CLIENT_UUID, jti: `${account}-${user}` };
      all.push(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(iat).setNotBefore(iat).setExpirationTime(iat + 3600).sign(key));
    }
  }
  return Promise.all(all);
}

async function bench(): Promise<void> {
  const seconds = flag('--seconds', 10);
  const connections = flag('--connections', 50);
  const self = fileURLToPath(import.meta.url);
  const child = fork(self, ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { url } = (await nextMessage(child, 'listening')) as Extract<FromServer, { kind: 'listening' }>;
    const signed = await tokens();
    let next = 0;
    console.log(`relay bench: ${ACCOUNTS} accounts × ${USERS_PER_ACCOUNT} users = ${signed.length} tokens, ${connections} connections, ${seconds} s, upstream latency ${UPSTREAM_LATENCY_MS} ms, against ${url}`);
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          path: `/v1/report?options=${encodeURIComponent('{"monthlyBudgetUsd":100}')}`,
          // Round-robin over every token, so every account and user asks all through the run.
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-auth-token': signed[next++ % signed.length] as string } }),
        },
      ],
    });
    child.send({ kind: 'stats' } satisfies ToServer);
    const { stats } = (await nextMessage(child, 'stats')) as Extract<FromServer, { kind: 'stats' }>;
    const rounds = Object.values(stats.roundsByAccount);
    const perRound = rounds.length > 0 ? stats.upstreamRequests / rounds.reduce((a, b) => a + b, 0) : 0;
    console.log(`requests:        ${result.requests.total} in ${result.duration} s → ${result.requests.average.toFixed(0)} req/s (mean per second; min ${result.requests.min}, max ${result.requests.max})`);
    console.log(`latency:         p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`errors:          ${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx; statuses seen by the relay ${JSON.stringify(stats.statuses)}`);
    console.log(`upstream:        ${stats.upstreamRequests} OpenAI requests in total ${JSON.stringify(stats.upstreamByEndpoint)}`);
    console.log(
      `per account:     ${rounds.length}/${ACCOUNTS} accounts checked; rounds per account min ${Math.min(...rounds)}, max ${Math.max(...rounds)} in this interval (target 1); ` +
        `${perRound.toFixed(1)} OpenAI requests per round (models, probe, costs, spend limit = 4)`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv.includes('--serve')) await serve();
else await bench();
