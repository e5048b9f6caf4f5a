// Error bodies behind the "verdicts II" scenarios: OpenAI-compatible relays reporting a
// used-up quota in their own words (one-api, new-api, one-hub; read from their public
// sources), and OpenAI refusing the credit probe's model or a restricted key's scope.
// Environment-neutral.
import type { ErrorFixture } from './bodies.ts';

// Relays end every message with the request id, repeated when relays are chained.
const REQUEST_ID = ' (request id: 2026113006450112345678901234567)';

function relay(status: number, type: string, code: string | null, message: string): ErrorFixture {
  // one-api and one-hub leave `code` (and `param`) out of token errors altogether.
  const error = code === null ? { message: message + REQUEST_ID, type } : { message: message + REQUEST_ID, type, code, param: '' };
  return { status, body: { error } as ErrorFixture['body'] };
}

function openai(status: number, code: string | null, message: string, param: string | null = null): ErrorFixture {
  return { status, body: { error: { message, type: 'invalid_request_error', param, code } } };
}

export const VERDICT_ERRORS = {
  /** one-api: the token's own quota is used up; sent on every route, key check included. */
  relay_token_exhausted_zh: relay(401, 'one_api_error', null, '该令牌额度已用尽'),
  /** new-api: the user's wallet is empty; only a billed call (the probe) sees it. */
  relay_user_quota_zh: relay(403, 'new_api_error', 'insufficient_user_quota', '用户额度不足, 剩余额度: ＄0.000000'),
  /** new-api: the pre-charge for the request failed on the token's quota (English wording). */
  relay_token_quota_en: relay(
    403,
    'new_api_error',
    'pre_consume_token_quota_failed',
    'token quota is not enough, token remain quota: ＄0.001200, need quota: ＄0.004500',
  ),
  /** one-hub: an empty wallet answered with 402 and the code in `type`. */
  relay_user_quota_402: relay(402, 'insufficient_user_quota', null, '用户额度不足'),
  /**
   * one-api's final 429 after retries: a generic "upstream saturated" message, with the
   * upstream's own type and code kept, here OpenAI's insufficient_quota.
   */
  relay_upstream_quota_429: relay(429, 'insufficient_quota', 'insufficient_quota', '当前分组上游负载已饱和，请稍后再试'),
  /** new-api's token check for an unknown or disabled token: the same 401 for every route. */
  relay_invalid_token_zh: relay(401, 'new_api_error', '', '无效的令牌'),
  /** A project whose allowed-models list leaves the probe's model out. */
  model_not_allowed: openai(403, 'model_not_found', 'Project `proj_MockByteGptSalesbot01` does not have access to model `gpt-4o-mini-2024-07-18`'),
  /** A dated model OpenAI has retired. */
  model_retired: openai(
    404,
    'model_not_found',
    'The model `gpt-3.5-turbo-0301` has been deprecated, learn more here: https://platform.openai.com/docs/deprecations',
  ),
  /** A 400 about the model itself. */
  model_invalid: openai(400, null, 'invalid model ID', 'model'),
  /** A restricted key without Models: Read, on GET /v1/models. */
  missing_scope_model_read: {
    status: 401,
    body: {
      error: {
        message:
          "You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
        type: 'invalid_request_error',
        param: null,
        code: 'missing_scope',
      },
    },
  },
} satisfies Record<string, ErrorFixture>;
