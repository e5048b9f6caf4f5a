// Kommo's one-time tokens (kommo-platform.md §3.4, "One-time tokens"), emulated: the
// page's `$authorizedAjax` first asks this route for a token, as Kommo's page asks
// Kommo's backend, then sends it to the integration's server as `X-Auth-Token`. The token
// is a JWT signed HS256 with the integration's secret; here that is a TEST secret that
// only this server and the loopback relay know (never the page). A cookie switches the
// token to a wrong secret or another account, so the relay's 401 and 403 can be shown.
import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCOUNT, SESSION_COOKIE, TOKEN_MODE_COOKIE, USERS } from '../host/people.ts';
import { HOST_TOKEN_MODES, type HostTokenMode } from '../host/types.ts';

/** The test integration: its secret signs tokens; the demo relay is configured with both. */
export const TEST_INTEGRATION = {
  clientSecret: 'host-test-integration-secret-0123456789abcdef-not-real',
  clientUuid: '5b7c1f0e-2d3a-4c8b-9e6f-0a1b2c3d4e5f',
} as const;

export const TOKEN_PATH = '/host/one-time-token';
/** Kommo's tokens live about a minute. */
const TOKEN_LIFETIME_S = 60;
/** Signs the "wrong secret" tokens: what a relay configured with another integration sees. */
const OTHER_SECRET = 'some-other-integration-secret-0123456789abcdef-not-real';
/** An account the demo relay does not serve (its KOMMO_ACCOUNT_IDS lists only ACCOUNT.id). */
const OTHER_ACCOUNT_ID = 40404040;

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A compact JWS, HS256: header.payload.signature (RFC 7515), with node's HMAC. */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

function readMode(req: IncomingMessage): HostTokenMode {
  const value = cookie(req, TOKEN_MODE_COOKIE);
  return (HOST_TOKEN_MODES as readonly string[]).includes(value ?? '') ? (value as HostTokenMode) : 'valid';
}

export interface TokenIssuer {
  /** Answers TOKEN_PATH; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** How many tokens were handed out (tests: one per relay request). */
  issued(): number;
}

export function createTokenIssuer(now: () => number = Date.now): TokenIssuer {
  const userIds: ReadonlySet<number> = new Set(Object.values(USERS).map((user) => user.id));
  let count = 0;
  return {
    handle(req, res, url) {
      if (url.pathname !== TOKEN_PATH) return false;
      const user = Number(cookie(req, SESSION_COOKIE));
      // Like Kommo: only a logged-in user of the account gets a token.
      if (req.method !== 'GET' || !userIds.has(user)) {
        res.writeHead(req.method === 'GET' ? 401 : 405, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        return void res.end(JSON.stringify({ error: req.method === 'GET' ? 'not logged in' : 'GET only' })), true;
      }
      const mode = readMode(req);
      const iat = Math.floor(now() / 1000);
      const claims = {
        iss: `https://${ACCOUNT.subdomain}.kommo.com`,
        aud: url.searchParams.get('aud') ?? '',
        jti: randomUUID(),
        iat,
        nbf: iat,
        exp: iat + TOKEN_LIFETIME_S,
        account_id: mode === 'other_account' ? OTHER_ACCOUNT_ID : ACCOUNT.id,
        user_id: user,
        subdomain: ACCOUNT.subdomain,
        client_uuid: TEST_INTEGRATION.clientUuid,
      };
      count += 1;
      const token = signHs256(claims, mode === 'wrong_secret' ? OTHER_SECRET : TEST_INTEGRATION.clientSecret);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ token }));
      return true;
    },
    issued: () => count,
  };
}
