// The host's one-time tokens (scripts/serve/kommo-token.ts) as Kommo documents them:
// HS256 JWTs with iss, aud, jti, iat, nbf, exp, account_id, user_id, subdomain and
// client_uuid, for the logged-in user only; checked with jose and with the relay's own
// verifier, which must accept the valid ones and refuse the switched ones.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, SESSION_COOKIE, TOKEN_MODE_COOKIE, USERS } from '../../../scripts/host/people.ts';
import { createTokenIssuer, TEST_INTEGRATION, TOKEN_PATH } from '../../../scripts/serve/kommo-token.ts';
import { createTokenVerifier } from '../../../src/relay/token.ts';

let server: Server;
let base: string;
const issuer = createTokenIssuer();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!issuer.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function token(cookies: Record<string, string>, aud = 'https://relay.example.test'): Promise<{ status: number; token?: string }> {
  const cookie = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${base}${TOKEN_PATH}?aud=${encodeURIComponent(aud)}`, { headers: { cookie } });
  const body = (await response.json()) as { token?: string };
  return { status: response.status, ...(body.token ? { token: body.token } : {}) };
}

const secret = new TextEncoder().encode(TEST_INTEGRATION.clientSecret);
const verifier = createTokenVerifier({ clientSecret: TEST_INTEGRATION.clientSecret, clientUuid: TEST_INTEGRATION.clientUuid, accountIds: new Set([String(ACCOUNT.id)]) });

describe('the host\'s one-time tokens', () => {
  it('are HS256 JWTs with Kommo\'s claims for the logged-in user, living about a minute', async () => {
    const answer = await token({ [SESSION_COOKIE]: String(USERS.member.id) });
    expect(answer.status).toBe(200);
    expect(decodeProtectedHeader(answer.token!)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(answer.token!, secret, { algorithms: ['HS256'] });
    expect(payload).toMatchObject({
      iss: `https://${ACCOUNT.subdomain}.kommo.com`,
      aud: 'https://relay.example.test',
      account_id: ACCOUNT.id,
      user_id: USERS.member.id,
      subdomain: ACCOUNT.subdomain,
      client_uuid: TEST_INTEGRATION.clientUuid,
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('are one-time: every request gets a new jti', async () => {
    const session = { [SESSION_COOKIE]: String(USERS.admin.id) };
    const [a, b] = await Promise.all([token(session), token(session)]);
    const ids = await Promise.all([a, b].map(async (t) => (await jwtVerify(t.token!, secret)).payload.jti));
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('go to logged-in users of the account only', async () => {
    expect((await token({})).status).toBe(401);
    expect((await token({ [SESSION_COOKIE]: '424242' })).status).toBe(401);
  });

  it('pass the relay\'s verifier; the switched ones are refused with 401 and 403', async () => {
    const now = new Date();
    const valid = await token({ [SESSION_COOKIE]: String(USERS.admin.id) });
    expect(await verifier.verify(valid.token, now)).toEqual({ ok: true, claims: { accountId: String(ACCOUNT.id), userId: String(USERS.admin.id), subdomain: ACCOUNT.subdomain } });
    const wrong = await token({ [SESSION_COOKIE]: String(USERS.admin.id), [TOKEN_MODE_COOKIE]: 'wrong_secret' });
    expect(await verifier.verify(wrong.token, now)).toEqual({ ok: false, status: 401, reason: 'bad_signature' });
    const other = await token({ [SESSION_COOKIE]: String(USERS.admin.id), [TOKEN_MODE_COOKIE]: 'other_account' });
    expect(await verifier.verify(other.token, now)).toEqual({ ok: false, status: 403, reason: 'account_not_allowed' });
  });
});
