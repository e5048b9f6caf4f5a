// Fixture bodies for the mock OpenAI billing service, shaped on the real responses
// quoted in openai-billing.md §7 (E-numbers below). Kept apart from the handlers so
// tests/unit/mocks/openapi.test.ts can check them against the official spec.
// Environment-neutral: no node or DOM imports.
import { VERDICT_ERRORS } from './bodies-verdicts.ts';

export interface ErrorBody {
  // Relays leave `param` and `code` out of some errors.
  error: { message: string; type: string; param?: string | null; code?: string | null };
}

function errorBody(type: string, code: string | null, message: string): ErrorBody {
  return { error: { message, type, param: null, code } };
}

/** What a failing endpoint answers: status, envelope, and which header set goes with it. */
export interface ErrorFixture {
  status: number;
  body: ErrorBody;
  /** Only real rate limits carry retry-after and exhausted x-ratelimit-* (E13); billing 429s never do. */
  rateLimitHeaders?: boolean;
}

const SCOPE_TAIL =
  "Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.";

/** E14 echoes the key masked: first 8 characters, stars, last 4 (as OpenAI does). */
function maskKey(key: string): string {
  if (key.length <= 12) return `${key.slice(0, 3)}****`;
  return `${key.slice(0, 8)}${'*'.repeat(Math.min(key.length - 12, 60))}${key.slice(-4)}`;
}

export function invalidKeyError(key: string): ErrorFixture {
  return {
    status: 401,
    body: errorBody(
      'invalid_request_error',
      'invalid_api_key',
      `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    ),
  };
}

/** E23: the legacy dashboard endpoints on api.openai.com itself; the message names the path asked for. */
export function sessionKeyRequiredError(path: string): ErrorFixture {
  return {
    status: 403,
    body: errorBody(
      'server_error',
      null,
      `Your request to GET ${path} must be made with a session key (that is, it can only be made from the browser). You made it with the following key type: secret.`,
    ),
  };
}

export const ERRORS = {
  /** E15 */
  missing_key: {
    status: 401,
    body: errorBody(
      'invalid_request_error',
      null,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
    ),
  },
  /** E16 */
  account_deactivated: {
    status: 401,
    body: errorBody(
      'invalid_request_error',
      'account_deactivated',
      'The OpenAI account associated with this API key has been deactivated. If you are the developer for this OpenAI app, please check your email for more information. If you are seeing this error while using another app or site, please reach out to them for more help.',
    ),
  },
  /** E17: a 429, yet not retryable. */
  access_terminated: {
    status: 429,
    body: errorBody(
      'access_terminated',
      'access_terminated',
      'Your access was terminated due to violation of our policies, please check your email for more information. If you believe this is in error and would like to appeal, please contact us through our help center at help.openai.com.',
    ),
  },
  /** E18: legacy; the code is null, only `type` tells. HTTP status 429 is assumed (§10 Q11). */
  billing_not_active: {
    status: 429,
    body: errorBody('billing_not_active', null, 'Your account is not active, please check your billing details on our website.'),
  },
  /** E22 */
  region_blocked: {
    status: 403,
    body: errorBody('request_forbidden', 'unsupported_country_region_territory', 'Country, region, or territory not supported'),
  },
  /** E10 */
  credit_balance_exhausted: {
    status: 429,
    body: errorBody(
      'insufficient_quota',
      'credit_balance_exhausted',
      'You have no credits remaining. Add credits to continue using the API at https://platform.openai.com/settings/organization/billing/.',
    ),
  },
  /** E11 */
  insufficient_quota: {
    status: 429,
    body: errorBody(
      'insufficient_quota',
      'insufficient_quota',
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    ),
  },
  /** E12 with the org code; the live text was not captured, so E12's is reused. */
  organization_spend_limit_exceeded: {
    status: 429,
    body: errorBody('insufficient_quota', 'organization_spend_limit_exceeded', 'You exceeded your current quota, please check your plan and billing details.'),
  },
  /** E12 */
  project_spend_limit_exceeded: {
    status: 429,
    body: errorBody('insufficient_quota', 'project_spend_limit_exceeded', 'You exceeded your current quota, please check your plan and billing details.'),
  },
  /** E12 with the tier usage-limit code (text not captured). */
  organization_usage_limit_exceeded: {
    status: 429,
    body: errorBody('insufficient_quota', 'organization_usage_limit_exceeded', 'You exceeded your current quota, please check your plan and billing details.'),
  },
  /** E13: the only 429 with retry-after and rate-limit headers. */
  rate_limit_exceeded: {
    status: 429,
    rateLimitHeaders: true,
    body: errorBody(
      'requests',
      'rate_limit_exceeded',
      'Rate limit reached for gpt-4o-mini in organization org-AbCdEf1234567890 on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms. Visit https://platform.openai.com/account/rate-limits to learn more.',
    ),
  },
  /** E21: a restricted key without "Model capabilities: Request". */
  missing_scope_model_request: {
    status: 401,
    body: errorBody('invalid_request_error', 'missing_scope', `You have insufficient permissions for this operation. Missing scopes: model.request. ${SCOPE_TAIL}`),
  },
  /** E9: an Admin endpoint called with a normal or project key (401 seen most). */
  missing_scope_usage_read: {
    status: 401,
    body: errorBody('invalid_request_error', 'missing_scope', `You have insufficient permissions for this operation. Missing scopes: api.usage.read. ${SCOPE_TAIL}`),
  },
  /** E9 as some reports saw it: the same body with 403 (§10 Q2). */
  missing_scope_usage_read_403: {
    status: 403,
    body: errorBody('invalid_request_error', 'missing_scope', `You have insufficient permissions for this operation. Missing scopes: api.usage.read. ${SCOPE_TAIL}`),
  },
  /** OpenAI's generic 5xx envelope (the server_error type of §1.7's Error schema). */
  server_error: {
    status: 500,
    body: errorBody('server_error', null, 'The server had an error while processing your request. Sorry about that!'),
  },
} as const satisfies Record<string, ErrorFixture>;

/** Every error a scenario can ask an endpoint to answer with. */
export const ALL_ERRORS = { ...ERRORS, ...VERDICT_ERRORS };

export type ErrorName = keyof typeof ALL_ERRORS;

/** E1 */
export const MODELS_LIST = {
  object: 'list',
  data: [
    { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system', shutdown_date: null },
    { id: 'gpt-4o-mini-2024-07-18', object: 'model', created: 1721172717, owned_by: 'system', shutdown_date: null },
    { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system', shutdown_date: null },
    { id: 'omni-moderation-latest', object: 'model', created: 1731689265, owned_by: 'system', shutdown_date: null },
    { id: 'ft:gpt-4o-mini-2024-07-18:acme::AbCdEf12', object: 'model', created: 1735689600, owned_by: 'org-AbCdEf1234567890', shutdown_date: null },
  ],
};

/** E27: the one-token probe's answer, for whichever model was asked. */
export function chatCompletion(model: string, created: number): Record<string, unknown> {
  return {
    id: 'chatcmpl-A652Fhuqsr1kskKe5B63M0eiw3842',
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hi', refusal: null }, logprobs: null, finish_reason: 'length' }],
    usage: { prompt_tokens: 8, completion_tokens: 1, total_tokens: 9 },
    system_fingerprint: 'fp_0ba0d124f1',
  };
}

/** E6; `threshold_amount` is in cents and `currency` upper case (unlike costs' "usd"). */
export function spendLimit(thresholdCents: number, enforcing: boolean): Record<string, unknown> {
  return {
    object: 'organization.spend_limit',
    threshold_amount: thresholdCents,
    currency: 'USD',
    interval: 'month',
    enforcement: { status: enforcing ? 'enforcing' : 'inactive' },
  };
}

/** E24, the one-api/new-api relay variant: every limit is the token's quota in dollars. */
export function relaySubscription(hardLimitUsd: number): Record<string, unknown> {
  return {
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: hardLimitUsd,
    hard_limit_usd: hardLimitUsd,
    system_hard_limit_usd: hardLimitUsd,
    access_until: 0,
  };
}

/** E25: `total_usage` and every `cost` are in CENTS; the whole period's use sits on its first day. */
export function relayUsage(usedCents: number, firstDaySec: number): Record<string, unknown> {
  const zero = ['Instruct models', 'GPT-4', 'Fine-tuned models', 'Embedding models', 'Image models', 'Audio models'];
  return {
    object: 'list',
    daily_costs: [
      {
        timestamp: firstDaySec,
        line_items: [{ name: 'Chat models', cost: usedCents }, ...zero.map((name) => ({ name, cost: 0.0 }))],
      },
    ],
    total_usage: usedCents,
  };
}

/** A reverse proxy's own error page in front of a relay: HTML, not JSON. */
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Valid JSON, wrong shape: `data` is a map instead of E1's array. */
export const MODELS_WRONG_SHAPE = {
  object: 'list',
  data: { 'gpt-4o-mini': { owned_by: 'system' }, 'gpt-4o-mini-2024-07-18': { owned_by: 'system' } },
};

/** Valid JSON, wrong shape, for the other endpoints: a relay's own success envelope. */
export const RELAY_ENVELOPE_WRONG_SHAPE = { success: true, message: '', data: null };

/** OpenAI's answer for a path it does not serve (as for `/dashboard/*` on a relay without them). */
export function invalidUrlError(method: string, path: string): ErrorFixture {
  return { status: 404, body: errorBody('invalid_request_error', null, `Invalid URL (${method} ${path})`) };
}

/** Chat with a model the key cannot use. */
export function modelNotFoundError(model: string): ErrorFixture {
  return {
    status: 404,
    body: errorBody('invalid_request_error', 'model_not_found', `The model \`${model}\` does not exist or you do not have access to it.`),
  };
}

export function missingModelError(): ErrorFixture {
  return { status: 400, body: { error: { message: 'you must provide a model parameter', type: 'invalid_request_error', param: null, code: null } } };
}
