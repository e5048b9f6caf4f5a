// Kommo's X-Auth-Token (kommo-platform.md §3.4, "One-time tokens"): a JWT that
// `$authorizedAjax` adds, signed HS256 with the integration's secret. Verified with jose:
// HS256 only (no `none`, no RS/HS confusion), `exp` required, `nbf` and `iat` checked
// with a small clock tolerance, then the integration and the account.
import { errors, jwtVerify, type JWTPayload } from 'jose';

interface KommoClaims {
  accountId: string;
  /** The Kommo user the request is for (the rate limit's key); '' when the token has none. */
  userId: string;
  /** The account's subdomain (its Kommo origin), lower-cased; null when absent. */
  subdomain: string | null;
}

/** Why a token was refused: short, stable, safe to show (never the token). */
type TokenReason =
  | 'missing_token'
  | 'malformed_token'
  | 'bad_algorithm'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_claims'
  | 'wrong_integration'
  | 'account_not_allowed';

type TokenCheck = { ok: true; claims: KommoClaims } | { ok: false; status: 401 | 403; reason: TokenReason };

export interface TokenVerifier {
  verify(token: string | undefined, now: Date): Promise<TokenCheck>;
}

/** Kommo's servers and ours never agree to the second. */
const CLOCK_TOLERANCE_S = 30;
const ALGORITHMS = ['HS256'];
const ACCOUNT_ID = /^[1-9]\d{0,17}$/;
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A JWT is three base64url parts; anything much longer is not one of Kommo's. */
const MAX_TOKEN_CHARS = 4096;

function refused(reason: TokenReason, status: 401 | 403 = 401): TokenCheck {
  return { ok: false, status, reason };
}

/** An id claim as Kommo may send it: a number or a string of digits. */
function idClaim(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value : null;
  return text !== null && ACCOUNT_ID.test(text) ? text : null;
}

function reasonOf(error: unknown): TokenReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' && error.reason === 'check_failed') return 'not_yet_valid';
    return 'bad_claims';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'bad_algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  return 'malformed_token';
}

function claimsOf(payload: JWTPayload, nowS: number): KommoClaims | TokenReason {
  // jose checks `iat` only against a maximum age; one from the future is not valid yet.
  if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) return 'bad_claims';
  if (payload.iat > nowS + CLOCK_TOLERANCE_S) return 'not_yet_valid';
  const accountId = idClaim(payload.account_id);
  if (accountId === null) return 'bad_claims';
  const userId = payload.user_id === undefined ? '' : idClaim(payload.user_id);
  if (userId === null) return 'bad_claims';
  const rawSubdomain = typeof payload.subdomain === 'string' ? payload.subdomain.toLowerCase() : null;
  const subdomain = rawSubdomain !== null && SUBDOMAIN.test(rawSubdomain) ? rawSubdomain : null;
  return { accountId, userId, subdomain };
}

export function createTokenVerifier(config: { clientSecret: string; clientUuid: string; accountIds: ReadonlySet<string> }): TokenVerifier {
  const secret = new TextEncoder().encode(config.clientSecret);
  return {
    async verify(token, now) {
      const raw = token?.trim() ?? '';
      if (raw === '') return refused('missing_token');
      if (raw.length > MAX_TOKEN_CHARS) return refused('malformed_token');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(raw, secret, {
          algorithms: ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['exp', 'iat'],
          currentDate: now,
        }));
      } catch (error) {
        return refused(reasonOf(error));
      }
      // A token for another integration was signed with its own secret, so this is a
      // second fence; it also tells an operator which setting is wrong.
      if (payload.client_uuid !== config.clientUuid) return refused('wrong_integration');
      const claims = claimsOf(payload, Math.floor(now.getTime() / 1000));
      if (typeof claims === 'string') return refused(claims);
      if (!config.accountIds.has(claims.accountId)) return refused('account_not_allowed', 403);
      return { ok: true, claims };
    },
  };
}
