// Response bodies shaped as the real API sends them (openai-billing.md §7, E1–E27), so
// classification and schema tests read like the docs. Where the mock service already
// holds a body, it is taken from there (src/mocks/bodies.ts) rather than written twice.
import { chatCompletion, ERRORS, MODELS_LIST, sessionKeyRequiredError, invalidKeyError } from '../../../src/mocks/bodies.ts';

export const E1_MODELS = MODELS_LIST;

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

export const E9_MISSING_USAGE_SCOPE = ERRORS.missing_scope_usage_read.body;
export const E10_CREDITS = ERRORS.credit_balance_exhausted.body;
export const E11_QUOTA = ERRORS.insufficient_quota.body;
export const spendCap = (code: string) => ({ error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code } });
export const E13_RATE_LIMIT = ERRORS.rate_limit_exceeded.body;
export const E14_INVALID_KEY = invalidKeyError('sk-proj-0123456789abcdefMxYA').body;
export const E15_MISSING_KEY = ERRORS.missing_key.body;
export const E16_DEACTIVATED = ERRORS.account_deactivated.body;
export const E17_TERMINATED = ERRORS.access_terminated.body;
export const E17_TERMINATED_OLD = { error: { message: 'Your access was terminated due to violation of our policies.', type: 'access_terminated', param: null, code: null } };
export const E18_NOT_ACTIVE = ERRORS.billing_not_active.body;
export const E19_HARD_LIMIT = { error: { code: 'billing_hard_limit_reached', message: 'Billing hard limit has been reached', param: null, type: 'invalid_request_error' } };
export const E20_VERIFY = { error: { message: 'Your organization must be verified to generate reasoning summaries.', type: 'invalid_request_error', param: 'reasoning.summary', code: 'unsupported_value' } };
export const E21_MISSING_REQUEST_SCOPE = ERRORS.missing_scope_model_request.body;
export const E22_REGION = ERRORS.region_blocked.body;
export const E23_SESSION_KEY = sessionKeyRequiredError('/dashboard/billing/subscription').body;
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
export const E27_PROBE_OK = chatCompletion('gpt-4o-mini-2024-07-18', 1756700000);
