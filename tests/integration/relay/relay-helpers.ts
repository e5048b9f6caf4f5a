// Shared by the relay tests: a valid configuration, Kommo-like tokens signed with jose,
// and an app whose logs are captured. Every secret here is a test value.
import { SignJWT, type JWTPayload } from 'jose';
import { createRelayApp, type RelayDeps } from '../../../src/relay/app.ts';
import { parseRelayConfig, type RelayConfig } from '../../../src/relay/config.ts';
import type { LogEntry } from '../../../src/relay/log.ts';

export const TEST_SECRET = 'relay-test-secret-0123456789abcdef0123456789abcdef';
export const TEST_UUID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
export const ACCOUNT_A = '31000001';
export const ACCOUNT_B = '31000002';
export const ORIGIN_A = 'https://acme.kommo.com';

export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    KOMMO_CLIENT_SECRET: TEST_SECRET,
    KOMMO_CLIENT_UUID: TEST_UUID,
    KOMMO_ACCOUNT_IDS: `${ACCOUNT_A},${ACCOUNT_B}`,
    OPENAI_API_KEY: 'sk-proj-mock-healthy',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string | undefined> = {}): RelayConfig {
  return parseRelayConfig(testEnv(overrides));
}

export interface TokenOptions {
  /** Seconds since the epoch the token is issued at (default: now). */
  iat?: number;
  /** Lifetime in seconds (default 5 min). */
  ttlS?: number;
  secret?: string;
  claims?: JWTPayload;
}

/** A token shaped like Kommo's (kommo-platform.md §3.4) for account A's user 1 unless told. */
export function signToken(options: TokenOptions = {}): Promise<string> {
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    iss: 'https://acme.kommo.com',
    aud: 'https://relay.example.com',
    jti: `jti-${Math.random().toString(36).slice(2)}`,
    account_id: Number(ACCOUNT_A),
    user_id: 1,
    subdomain: 'acme',
    client_uuid: TEST_UUID,
    nbf: iat,
    ...options.claims,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.ttlS ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

export interface TestRelay {
  app: ReturnType<typeof createRelayApp>;
  logs: LogEntry[];
  get(query: string, headers?: Record<string, string>): Promise<Response>;
}

/** The app with captured logs; `get` asks GET /v1/report<query>. */
export function testRelay(config: RelayConfig, deps: RelayDeps = {}): TestRelay {
  const logs: LogEntry[] = [];
  const app = createRelayApp(config, { log: (entry) => logs.push(entry), timeoutMs: 1_000, ...deps });
  return {
    app,
    logs,
    get: (query, headers = {}) => Promise.resolve(app.request(`/v1/report${query}`, { headers })),
  };
}

export function optionsQuery(options: Record<string, unknown>): string {
  return `?options=${encodeURIComponent(JSON.stringify(options))}`;
}
