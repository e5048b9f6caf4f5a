// Turns a failed response into a finding code: by `error.code`, then `error.type`,
// then HTTP status. Billing 429s and rate-limit 429s share a status, so the code
// and type must be read before the status ever is.
import type { Endpoint, ErrorCode } from './signals.ts';
import { ErrorEnvelopeSchema } from './schemas.ts';

export interface Classified {
  code: ErrorCode;
  /** `error.code` (or `error.type` when there is no code) as the server sent it. */
  apiCode?: string;
  /** Raw server message; callers redact it before it goes anywhere. */
  message?: string;
  /** The endpoint cannot serve this key on this base: remember it, stop asking. */
  unavailable: boolean;
}

/** `error.code` values (docs §3), in the order of precedence the docs give. */
export const CODE_TO_FINDING: Readonly<Record<string, ErrorCode>> = {
  invalid_api_key: 'key_invalid',
  account_deactivated: 'account_inactive',
  access_terminated: 'account_inactive',
  billing_not_active: 'account_inactive',
  unsupported_country_region_territory: 'region_blocked',
  credit_balance_exhausted: 'credits_exhausted',
  insufficient_quota: 'credits_exhausted',
  quota_exceeded: 'credits_exhausted',
  organization_spend_limit_exceeded: 'spend_limit_reached',
  project_spend_limit_exceeded: 'spend_limit_reached',
  organization_usage_limit_exceeded: 'spend_limit_reached',
  billing_hard_limit_reached: 'spend_limit_reached',
  rate_limit_exceeded: 'rate_limited',
};

/** `error.type` values that decide on their own when the code did not. */
export const TYPE_TO_FINDING: Readonly<Record<string, ErrorCode>> = {
  insufficient_quota: 'credits_exhausted',
  billing_not_active: 'account_inactive',
  access_terminated: 'account_inactive',
  // LiteLLM-style relays reject with type `budget_exceeded` when their cap is hit.
  budget_exceeded: 'spend_limit_reached',
  // Rate-limit errors are typed by the limit that tripped.
  requests: 'rate_limited',
  tokens: 'rate_limited',
};

// Scope refusals: "insufficient permissions … Missing scopes: api.usage.read", and
// the legacy dashboard's "must be made with a session key".
const PERMISSION_WORDING = /insufficient permissions|missing scopes?|api\.usage\.read|must be made with a session key/i;

const ADMIN_ENDPOINTS: ReadonlySet<Endpoint> = new Set(['costs', 'spend_limit']);

function scopeRefusal(endpoint: Endpoint): Pick<Classified, 'code' | 'unavailable'> {
  if (ADMIN_ENDPOINTS.has(endpoint) || endpoint === 'balance') return { code: 'spend_unavailable', unavailable: true };
  return { code: 'key_scope_missing', unavailable: false };
}

function byStatus(endpoint: Endpoint, status: number, permissionWording: boolean): Pick<Classified, 'code' | 'unavailable'> {
  if (status === 402) return { code: 'credits_exhausted', unavailable: false };
  if (status === 408 || status >= 500) return { code: 'unreachable', unavailable: false };
  if (status === 429) return { code: 'rate_limited', unavailable: false };
  const refused = status === 401 || status === 403 || status === 404 || status === 405;
  if (ADMIN_ENDPOINTS.has(endpoint) && refused) return scopeRefusal(endpoint);
  if (endpoint === 'balance') {
    if (status === 401 && !permissionWording) return { code: 'key_invalid', unavailable: false };
    if (refused) return scopeRefusal(endpoint);
  }
  if (status === 401) return permissionWording ? scopeRefusal(endpoint) : { code: 'key_invalid', unavailable: false };
  if (status === 403 && permissionWording) return scopeRefusal(endpoint);
  return { code: 'bad_response', unavailable: false };
}

// Own keys only: a server-sent code like "constructor" must not hit the prototype.
function lookup(table: Readonly<Record<string, ErrorCode>>, key: string | undefined): ErrorCode | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Reads the error envelope if the body has one; anything else yields empty fields. */
export function readErrorFields(body: unknown): { code?: string; type?: string; message?: string } {
  const parsed = ErrorEnvelopeSchema.safeParse(body);
  if (!parsed.success) return {};
  const { code, type, message } = parsed.data.error;
  return {
    ...(code !== null && code !== undefined && String(code) !== '' ? { code: String(code) } : {}),
    ...(type ? { type } : {}),
    ...(message ? { message } : {}),
  };
}

/** Server-chosen text is kept (and cached) only when it looks like an error code. */
function asApiCode(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /^[\w.-]{1,64}$/.test(text) ? text : 'other';
}

/** Classifies an HTTP answer that was not a success (or a 2xx carrying an error). */
export function classifyFailure(endpoint: Endpoint, status: number, body: unknown): Classified {
  const fields = readErrorFields(body);
  const apiCode = asApiCode(fields.code ?? fields.type);
  const extra = { ...(apiCode ? { apiCode } : {}), ...(fields.message ? { message: fields.message } : {}) };

  if (fields.code === 'missing_scope') return { ...scopeRefusal(endpoint), ...extra };
  const fromCode = lookup(CODE_TO_FINDING, fields.code);
  if (fromCode) return { code: fromCode, unavailable: false, ...extra };
  const fromType = lookup(TYPE_TO_FINDING, fields.type);
  if (fromType) return { code: fromType, unavailable: false, ...extra };

  return { ...byStatus(endpoint, status, PERMISSION_WORDING.test(fields.message ?? '')), ...extra };
}

/** Network error, timeout or CORS refusal (all look alike to `fetch`). */
export function classifyNetworkFailure(reason: 'network' | 'timeout'): Classified {
  return { code: 'unreachable', apiCode: reason, unavailable: false };
}
