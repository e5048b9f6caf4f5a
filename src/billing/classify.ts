// Turns a failed response into a finding code: by `error.code`, then `error.type`,
// then the wording relays use, then HTTP status. Billing 429s and rate-limit 429s
// share a status, so code and type are read before the status ever is. Which
// endpoint refused matters: an auxiliary endpoint's refusal is never about the key.
import { ENDPOINTS, type Endpoint } from '../health/endpoints.ts';
import type { ErrorCode } from '../health/signals.ts';
import { ErrorEnvelopeSchema } from './schemas.ts';
import { isProbeModelRefusal, isRelayQuotaWording, missingScopeOf, PERMISSION_WORDING, RELAY_QUOTA_CODES } from './error-wording.ts';

export interface Classified {
  /** `unavailable` only together with `unavailable: true`. */
  code: ErrorCode | 'unavailable';
  /** `error.code` (or `error.type` when there is no code) as the server sent it. */
  apiCode?: string;
  /** Raw server message; callers redact it before it goes anywhere. */
  message?: string;
  /** The scope a restricted key lacks, from "Missing scopes: …" (e.g. `model.request`). */
  missingScope?: string;
  /** The endpoint cannot serve this key on this base: remember it, stop asking. */
  unavailable: boolean;
}

/** `error.code` values (openai-billing.md §3 and the relays' sources). */
const CODE_TO_FINDING: Readonly<Record<string, ErrorCode>> = {
  invalid_api_key: 'key_invalid',
  account_deactivated: 'account_inactive',
  access_terminated: 'account_inactive',
  billing_not_active: 'account_inactive',
  unsupported_country_region_territory: 'region_blocked',
  credit_balance_exhausted: 'credits_exhausted',
  insufficient_quota: 'credits_exhausted',
  quota_exceeded: 'credits_exhausted',
  ...Object.fromEntries(RELAY_QUOTA_CODES.map((code) => [code, 'credits_exhausted'])),
  organization_spend_limit_exceeded: 'spend_limit_reached',
  project_spend_limit_exceeded: 'spend_limit_reached',
  organization_usage_limit_exceeded: 'spend_limit_reached',
  billing_hard_limit_reached: 'spend_limit_reached',
  rate_limit_exceeded: 'rate_limited',
};

// one-hub puts the quota code in `error.type` on some routes.
const RELAY_QUOTA_TYPES: Readonly<Record<string, ErrorCode>> = Object.fromEntries(RELAY_QUOTA_CODES.map((code) => [code, 'credits_exhausted']));

/** `error.type` values that decide on their own when the code did not. */
const TYPE_TO_FINDING: Readonly<Record<string, ErrorCode>> = {
  insufficient_quota: 'credits_exhausted',
  billing_not_active: 'account_inactive',
  access_terminated: 'account_inactive',
  // LiteLLM-style relays reject with type `budget_exceeded` when their cap is hit.
  budget_exceeded: 'spend_limit_reached',
  // Rate-limit errors are typed by the limit that tripped.
  requests: 'rate_limited',
  tokens: 'rate_limited',
};

type Verdict = Pick<Classified, 'code' | 'unavailable'>;
const UNAVAILABLE: Verdict = { code: 'unavailable', unavailable: true };
const REFUSED_STATUSES = new Set([401, 403, 404, 405]);

function byStatus(endpoint: Endpoint, status: number, permissionWording: boolean): Verdict {
  if (status === 402) return { code: 'credits_exhausted', unavailable: false };
  if (status === 408 || status >= 500) return { code: 'unreachable', unavailable: false };
  if (status === 429) return { code: 'rate_limited', unavailable: false };
  if (ENDPOINTS[endpoint].role === 'auxiliary') return REFUSED_STATUSES.has(status) ? UNAVAILABLE : { code: 'bad_response', unavailable: false };
  if (status === 401) return { code: permissionWording ? 'key_scope_missing' : 'key_invalid', unavailable: false };
  if (status === 403 && permissionWording) return { code: 'key_scope_missing', unavailable: false };
  return { code: 'bad_response', unavailable: false };
}

// Own keys only: a server-sent code like "constructor" must not hit the prototype.
function lookup(table: Readonly<Record<string, ErrorCode>>, key: string | undefined): ErrorCode | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Reads the error envelope if the body has one; anything else yields empty fields. */
function readErrorFields(body: unknown): { code?: string; type?: string; message?: string; param?: string } {
  const parsed = ErrorEnvelopeSchema.safeParse(body);
  if (!parsed.success || parsed.data.error === null) return {};
  const { code, type, message, param } = parsed.data.error;
  return {
    ...(code !== null && code !== undefined && String(code) !== '' ? { code: String(code) } : {}),
    ...(type ? { type } : {}),
    ...(message ? { message } : {}),
    ...(param ? { param } : {}),
  };
}

/** Server-chosen text is kept (and cached) only when it looks like an error code. */
function asApiCode(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /^[\w.-]{1,64}$/.test(text) ? text : 'other';
}

function verdictOf(endpoint: Endpoint, status: number, fields: ReturnType<typeof readErrorFields>): Verdict {
  const message = fields.message ?? '';
  const permissionWording = fields.code === 'missing_scope' || PERMISSION_WORDING.test(message);
  if (fields.code === 'missing_scope') return { code: 'key_scope_missing', unavailable: false };
  const fromCode = lookup(CODE_TO_FINDING, fields.code) ?? lookup(RELAY_QUOTA_TYPES, fields.type);
  if (fromCode) return { code: fromCode, unavailable: false };
  // Relays (one-api, new-api and forks) say "quota used up" in words, often Chinese,
  // with 401, 403 or 429 and a generic type such as one_api_error / new_api_error.
  if (isRelayQuotaWording(message)) return { code: 'credits_exhausted', unavailable: false };
  if (endpoint === 'probe' && isProbeModelRefusal(status, fields)) return { code: 'probe_model_unavailable', unavailable: false };
  const fromType = lookup(TYPE_TO_FINDING, fields.type);
  if (fromType) return { code: fromType, unavailable: false };
  return byStatus(endpoint, status, permissionWording);
}

/** Classifies an HTTP answer that was not a success (or a 2xx carrying an error). */
export function classifyFailure(endpoint: Endpoint, status: number, body: unknown): Classified {
  const fields = readErrorFields(body);
  const apiCode = asApiCode(fields.code ?? fields.type);
  const missingScope = missingScopeOf(fields.message);
  const extra = {
    ...(apiCode ? { apiCode } : {}),
    ...(fields.message ? { message: fields.message } : {}),
    ...(missingScope ? { missingScope } : {}),
  };
  const verdict = verdictOf(endpoint, status, fields);
  // An auxiliary endpoint never overrides a working key: its "invalid key" or "missing
  // scope" only means it is not available to this key (design.md, key_invalid).
  if (ENDPOINTS[endpoint].role === 'auxiliary' && (verdict.code === 'key_invalid' || verdict.code === 'key_scope_missing')) {
    return { ...UNAVAILABLE, ...extra };
  }
  return { ...verdict, ...extra };
}

/** Network error, timeout or CORS refusal (all look alike to `fetch`). */
export function classifyNetworkFailure(reason: 'network' | 'timeout'): Classified {
  return { code: 'unreachable', apiCode: reason, unavailable: false };
}
