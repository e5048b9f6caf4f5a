// What error texts say when codes don't: OpenAI's "Missing scopes: …", the model
// refusals of the credit probe, and the quota wording of OpenAI-compatible relays
// (one-api, new-api and their forks), which often answer in Chinese.

// Scope refusals: "insufficient permissions … Missing scopes: api.usage.read", and
// the legacy dashboard's "must be made with a session key".
export const PERMISSION_WORDING = /insufficient permissions|missing scopes?|api\.usage\.read|must be made with a session key/i;

/** The first scope named in "Missing scopes: model.request." (null when none is named). */
export function missingScopeOf(message: string | undefined): string | null {
  const match = /missing scopes?:\s*([a-z][\w.]*[a-z])/i.exec(message ?? '');
  return match?.[1] ?? null;
}

/**
 * Relay `error.code` values (or `error.type`, where one-hub puts them) that mean "the
 * token's or the user's quota is used up": one-api, new-api, one-hub/done-hub, Veloera.
 */
export const RELAY_QUOTA_CODES: readonly string[] = [
  'insufficient_user_quota',
  'pre_consume_token_quota_failed',
  'quota_not_enough',
  'insufficient_balance',
];

// Their messages, often without any code: "该令牌额度已用尽" (this token's quota is used
// up), "用户额度不足" (user quota insufficient), "预扣费额度失败" (pre-charge failed),
// "余额不足" (balance insufficient), "已欠费" (in arrears), older new-api's
// "TokenStatusExhausted", and the English forms ("token quota is not enough, …").
const RELAY_QUOTA_WORDING = new RegExp(
  [
    '额度\\s*(?:已)?\\s*(?:用尽|用完|耗尽|不足)',
    '预扣费额度失败',
    '余额不足',
    '已欠费',
    'TokenStatusExhausted',
    '(?:user|token)\\s+quota\\s+is\\s+not\\s+enough',
    'pre-consumed? quota failed',
    'quota is exhausted',
    'insufficient[_ ](?:user[_ ])?quota',
    'credit balance is too low',
  ].join('|'),
  'i',
);

export function isRelayQuotaWording(message: string): boolean {
  return RELAY_QUOTA_WORDING.test(message);
}

/** `error.code` values OpenAI and relays use when a model cannot be used. */
const MODEL_CODES = new Set(['model_not_found', 'model_not_available', 'model_not_allowed', 'unsupported_model', 'model_deprecated', 'invalid_model']);
const MODEL_WORDING = /\bmodel\b|模型/i;

/**
 * The probe's model is unusable for this key: 404/403 `model_not_found` (unknown or
 * retired model, or a project's allowed-models list), or a 400 about the model.
 */
export function isProbeModelRefusal(status: number, fields: { code?: string; message?: string; param?: string }): boolean {
  if (fields.code !== undefined && MODEL_CODES.has(fields.code)) return true;
  if (status !== 400 && status !== 403 && status !== 404) return false;
  return fields.param === 'model' || MODEL_WORDING.test(fields.message ?? '');
}
