// Kommo's X-Auth-Token as the relay checks it: HS256 only, the integration's secret,
// time claims with a 30 s tolerance, the integration id and the account allow-list.
import { exportSPKI, generateKeyPair, SignJWT, base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../../src/relay/token.ts';
import { ACCOUNT_A, ACCOUNT_B, signToken, TEST_SECRET, TEST_UUID } from '../../integration/relay/relay-helpers.ts';

const verifier = createTokenVerifier({ clientSecret: TEST_SECRET, clientUuid: TEST_UUID, accountIds: new Set([ACCOUNT_A]) });
const T0 = 1_790_000_000;
const at = (seconds: number) => new Date(seconds * 1000);

function unsigned(header: object, payload: object): string {
  const part = (value: object) => base64url.encode(new TextEncoder().encode(JSON.stringify(value)));
  return `${part(header)}.${part(payload)}.`;
}

describe('a valid token', () => {
  it('passes with its account, user and subdomain', async () => {
    const token = await signToken({ iat: T0 });
    expect(await verifier.verify(token, at(T0 + 10))).toEqual({ ok: true, claims: { accountId: ACCOUNT_A, userId: '1', subdomain: 'acme' } });
  });

  it('takes ids sent as strings, and a subdomain in capitals', async () => {
    const token = await signToken({ iat: T0, claims: { account_id: ACCOUNT_A, user_id: '77', subdomain: 'ACME' } });
    expect(await verifier.verify(token, at(T0))).toEqual({ ok: true, claims: { accountId: ACCOUNT_A, userId: '77', subdomain: 'acme' } });
  });

  it('is accepted within the clock tolerance on both ends', async () => {
    const token = await signToken({ iat: T0, ttlS: 60 });
    expect((await verifier.verify(token, at(T0 - 25))).ok).toBe(true);
    expect((await verifier.verify(token, at(T0 + 60 + 25))).ok).toBe(true);
  });
});

describe('refused tokens (401 unless the account is the problem)', () => {
  it('a missing or blank header', async () => {
    expect(await verifier.verify(undefined, at(T0))).toEqual({ ok: false, status: 401, reason: 'missing_token' });
    expect(await verifier.verify('  ', at(T0))).toEqual({ ok: false, status: 401, reason: 'missing_token' });
  });

  it('a forged signature (another secret), and a tampered payload', async () => {
    const forged = await signToken({ iat: T0, secret: 'not-the-integration-secret-0123456789abcdef' });
    expect(await verifier.verify(forged, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_signature' });
    const [header, , signature] = (await signToken({ iat: T0 })).split('.');
    const otherAccount = base64url.encode(JSON.stringify({ account_id: Number(ACCOUNT_A), client_uuid: TEST_UUID, iat: T0, exp: T0 + 300, user_id: 2 }));
    expect(await verifier.verify(`${header}.${otherAccount}.${signature}`, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_signature' });
  });

  it('alg: none, with or without a signature part', async () => {
    const payload = { account_id: Number(ACCOUNT_A), client_uuid: TEST_UUID, iat: T0, exp: T0 + 300 };
    const none = unsigned({ alg: 'none', typ: 'JWT' }, payload);
    expect(await verifier.verify(none, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_algorithm' });
    expect(await verifier.verify(`${none}c2ln`, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_algorithm' });
  });

  it('RS256 (a real key pair), and HS256 keyed with the RSA public key (RS/HS confusion)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const claims = { account_id: Number(ACCOUNT_A), client_uuid: TEST_UUID };
    const rs = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setIssuedAt(T0).setExpirationTime(T0 + 300).sign(privateKey);
    expect(await verifier.verify(rs, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_algorithm' });
    const pem = new TextEncoder().encode(await exportSPKI(publicKey));
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(T0).setExpirationTime(T0 + 300).sign(pem);
    expect(await verifier.verify(confused, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_signature' });
  });

  it('HS384/HS512 signed with the right secret: only HS256 is Kommo’s', async () => {
    const hs512 = await new SignJWT({ account_id: Number(ACCOUNT_A), client_uuid: TEST_UUID })
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuedAt(T0)
      .setExpirationTime(T0 + 300)
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(await verifier.verify(hs512, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_algorithm' });
  });

  it('expired, and the same token replayed after expiry', async () => {
    const token = await signToken({ iat: T0, ttlS: 60 });
    expect((await verifier.verify(token, at(T0 + 30))).ok).toBe(true);
    expect(await verifier.verify(token, at(T0 + 60 + 31))).toEqual({ ok: false, status: 401, reason: 'expired' });
    expect(await verifier.verify(token, at(T0 + 3600))).toEqual({ ok: false, status: 401, reason: 'expired' });
  });

  it('not yet valid: nbf or iat beyond the tolerance', async () => {
    const nbf = await signToken({ iat: T0, claims: { nbf: T0 + 120 } });
    expect(await verifier.verify(nbf, at(T0))).toEqual({ ok: false, status: 401, reason: 'not_yet_valid' });
    const future = await signToken({ iat: T0 + 120, claims: { nbf: undefined } });
    expect(await verifier.verify(future, at(T0))).toEqual({ ok: false, status: 401, reason: 'not_yet_valid' });
  });

  it('no exp, or no iat', async () => {
    const secret = new TextEncoder().encode(TEST_SECRET);
    const claims = { account_id: Number(ACCOUNT_A), client_uuid: TEST_UUID };
    const noExp = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(T0).sign(secret);
    const noIat = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(T0 + 300).sign(secret);
    expect(await verifier.verify(noExp, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_claims' });
    expect(await verifier.verify(noIat, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_claims' });
  });

  it('another integration (client_uuid), or none', async () => {
    const other = await signToken({ iat: T0, claims: { client_uuid: 'ffffffff-0000-4000-8000-000000000000' } });
    expect(await verifier.verify(other, at(T0))).toEqual({ ok: false, status: 401, reason: 'wrong_integration' });
    const none = await signToken({ iat: T0, claims: { client_uuid: undefined } });
    expect(await verifier.verify(none, at(T0))).toEqual({ ok: false, status: 401, reason: 'wrong_integration' });
  });

  it('an account outside the allow-list is 403; a malformed account id is 401', async () => {
    const other = await signToken({ iat: T0, claims: { account_id: Number(ACCOUNT_B) } });
    expect(await verifier.verify(other, at(T0))).toEqual({ ok: false, status: 403, reason: 'account_not_allowed' });
    for (const account_id of ['31000001 ', -5, 1.5, '0x1d8f', null]) {
      const bad = await signToken({ iat: T0, claims: { account_id } });
      expect(await verifier.verify(bad, at(T0))).toEqual({ ok: false, status: 401, reason: 'bad_claims' });
    }
  });

  it('garbage and oversized headers', async () => {
    expect(await verifier.verify('not.a.jwt', at(T0))).toEqual({ ok: false, status: 401, reason: 'malformed_token' });
    expect(await verifier.verify('Bearer abc', at(T0))).toEqual({ ok: false, status: 401, reason: 'malformed_token' });
    expect(await verifier.verify(`${'a'.repeat(5000)}.b.c`, at(T0))).toEqual({ ok: false, status: 401, reason: 'malformed_token' });
  });
});
