// Response bodies copied from openai-billing.md §7 (E1–E27), shaped as the real API
// sends them. Kept as data here so classification and schema tests read like the docs.

export const E1_MODELS = {
  object: 'list',
  data: [
    { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system', shutdown_date: null },
    { id: 'gpt-4o-mini-2024-07-18', object: 'model', created: 1721172717, owned_by: 'system', shutdown_date: null },
    { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system', shutdown_date: null },
    { id: 'omni-moderation-latest', object: 'model', created: 1731689265, owned_by: 'system', shutdown_date: null },
    { id: 'ft:gpt-4o-mini-2024-07-18:acme::AbCdEf12', object: 'model', created: 1735689600, owned_by: 'org-AbCdEf1234567890', shutdown_date: null },
  ],
};

const result = (value: number | string, lineItem: string | null, extra: Record<string, unknown> = {}) => ({
  object: 'organization.costs.result',
  amount: { value, currency: 'usd' },
  line_item: lineItem,
  project_id: null,
  api_key_id: null,
  quantity: null,
  quantity_unit: null,
  ...extra,
});

/** E2: string and number amounts mixed, an empty day. Sum = 0.00042075 + 0.0000606 + 0.05 + 1.2345. */
export const E2_COSTS = {
  object: 'page',
  data: [
    {
      object: 'bucket', start_time: 1756684800, end_time: 1756771200,
      results: [
        result('0.00042075', 'gpt-4o-mini-2024-07-18, input'),
        result('0.0000606', 'gpt-4o-mini-2024-07-18, output'),
        result(0.05, 'web search tool calls'),
      ],
    },
    { object: 'bucket', start_time: 1756771200, end_time: 1756857600, results: [] },
    {
      object: 'bucket', start_time: 1756857600, end_time: 1756944000,
      results: [result(1.2345, 'text-embedding-3-small, input', { organization_id: 'org-x', project_name: 'Default', user_email: 'a@b.test' })],
    },
  ],
  has_more: false,
  next_page: null,
};

export const E6_SPEND_LIMIT = { object: 'organization.spend_limit', threshold_amount: 10000, currency: 'USD', interval: 'month', enforcement: { status: 'enforcing' } };
export const E6_NO_LIMIT = { currency: 'USD', enforcement: { status: 'inactive' }, interval: 'month', object: 'project.spend_limit', threshold_amount: 0 };

export const E9_MISSING_USAGE_SCOPE = { error: { message: "You have insufficient permissions for this operation. Missing scopes: api.usage.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.", type: 'invalid_request_error', param: null, code: 'missing_scope' } };
export const E10_CREDITS = { error: { message: 'You have no credits remaining. Add credits to continue using the API at https://platform.openai.com/settings/organization/billing/.', type: 'insufficient_quota', param: null, code: 'credit_balance_exhausted' } };
export const E11_QUOTA = { error: { message: 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } };
export const spendCap = (code: string) => ({ error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code } });
export const E13_RATE_LIMIT = { error: { message: 'Rate limit reached for gpt-4o-mini in organization org-AbCdEf1234567890 on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms. Visit https://platform.openai.com/account/rate-limits to learn more.', type: 'requests', param: null, code: 'rate_limit_exceeded' } };
export const E14_INVALID_KEY = { error: { message: 'Incorrect API key provided: sk-proj-********************MxYA. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } };
export const E15_MISSING_KEY = { error: { message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", type: 'invalid_request_error', param: null, code: null } };
export const E16_DEACTIVATED = { error: { message: 'The OpenAI account associated with this API key has been deactivated.', type: 'invalid_request_error', param: null, code: 'account_deactivated' } };
export const E17_TERMINATED = { error: { message: 'Your access was terminated due to violation of our policies, please check your email for more information.', type: 'access_terminated', param: null, code: 'access_terminated' } };
export const E17_TERMINATED_OLD = { error: { message: 'Your access was terminated due to violation of our policies.', type: 'access_terminated', param: null, code: null } };
export const E18_NOT_ACTIVE = { error: { message: 'Your account is not active, please check your billing details on our website.', type: 'billing_not_active', param: null, code: null } };
export const E19_HARD_LIMIT = { error: { code: 'billing_hard_limit_reached', message: 'Billing hard limit has been reached', param: null, type: 'invalid_request_error' } };
export const E20_VERIFY = { error: { message: 'Your organization must be verified to generate reasoning summaries.', type: 'invalid_request_error', param: 'reasoning.summary', code: 'unsupported_value' } };
export const E21_MISSING_REQUEST_SCOPE = { error: { message: "You have insufficient permissions for this operation. Missing scopes: model.request. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.", type: 'invalid_request_error', param: null, code: 'missing_scope' } };
export const E22_REGION = { error: { code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported', param: null, type: 'request_forbidden' } };
export const E23_SESSION_KEY = { error: { message: 'Your request to GET /dashboard/billing/subscription must be made with a session key (that is, it can only be made from the browser). You made it with the following key type: secret.', type: 'server_error', param: null, code: null } };
export const E24_SUBSCRIPTION = {
  object: 'billing_subscription', has_payment_method: true, canceled: false, canceled_at: null, delinquent: null, access_until: 1703980800,
  soft_limit: 66667, hard_limit: 83334, system_hard_limit: 83334, soft_limit_usd: 4.00002, hard_limit_usd: 5.00004, system_hard_limit_usd: 5.00004,
  plan: { title: 'Pay-as-you-go', id: 'payg' }, primary: true, account_name: 'Example Org', po_number: null, billing_email: null, tax_ids: null, billing_address: null, business_address: null,
};
export const E24_RELAY_SUBSCRIPTION = { object: 'billing_subscription', has_payment_method: true, soft_limit_usd: 1000, hard_limit_usd: 1000, system_hard_limit_usd: 1000, access_until: 0 };
export const E25_USAGE = {
  object: 'list',
  daily_costs: [{ timestamp: 1681171200.0, line_items: [{ name: 'Chat models', cost: 106.619 }, { name: 'GPT-4', cost: 0.0 }] }],
  total_usage: 106.619,
};
export const E27_PROBE_OK = {
  id: 'chatcmpl-A652Fhuqsr1kskKe5B63M0eiw3842', object: 'chat.completion', created: 1756700000, model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi', refusal: null }, logprobs: null, finish_reason: 'length' }],
  usage: { prompt_tokens: 8, completion_tokens: 1, total_tokens: 9 }, system_fingerprint: 'fp_0ba0d124f1',
};
