// Named states of an OpenAI account (or a ByteGPT relay) for tests, the demo and the
// CLI's `--mock`: what the mock server does, which key and base a client should use,
// the owner options assumed, and what the full pipeline (runCheck → evaluate) must
// conclude, per design.md's finding table. Environment-neutral: no node imports.
import { MOCK_OPENAI_BASE, MOCK_RELAY_BASE, type Scenario } from './scenario-types.ts';
import { VERDICT_SCENARIOS } from './scenarios-verdicts.ts';

export { MOCK_OPENAI_BASE, MOCK_RELAY_BASE, type MockEndpoint, type Scenario } from './scenario-types.ts';

const probeOn = { quotaProbe: true };
const relayWallet = { hardLimitUsd: 100, usedCents: 1250 };
const noLimit = { thresholdCents: 50_000, enforcing: false };

function openaiKey(tag: string): string {
  return `sk-proj-mock-${tag}`;
}
function relayToken(tag: string): string {
  return `sk-mock-relay-${tag}`;
}

const SCENARIO_TABLE = {
  healthy: {
    description: 'Valid project key with credit: models list, the one-token probe answers; costs needs an Admin key, so spend is unavailable.',
    apiKey: openaiKey('healthy'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'ok', codes: ['spend_unavailable'] },
    server: {},
  },
  healthy_with_spend: {
    description: 'Through the ByteGPT relay: $12.50 spent this month (mixed string/number amounts), $500 budget, $100 relay wallet.',
    apiKey: relayToken('spend'),
    baseUrl: MOCK_RELAY_BASE,
    // Budget above 31 × month-to-date: even the day-1 forecast stays under it.
    options: { ...probeOn, monthlyBudgetUsd: 500 },
    expect: { status: 'ok', codes: [] },
    server: { admin: { costs: { monthToDateUsd: 12.5, amounts: 'mixed' }, spendLimit: noLimit }, relayBalance: relayWallet },
  },
  spend_near_budget: {
    description: 'Month-to-date spend is 85 % of the $50 monthly budget.',
    apiKey: relayToken('near-budget'),
    baseUrl: MOCK_RELAY_BASE,
    options: { ...probeOn, monthlyBudgetUsd: 50 },
    expect: { status: 'warning', codes: ['budget_near'] },
    server: { admin: { costs: { monthToDateUsd: 42.5, amounts: 'mixed' }, spendLimit: noLimit }, relayBalance: relayWallet },
  },
  budget_exceeded: {
    description: 'Month-to-date spend ($55) is over the $50 monthly budget.',
    apiKey: relayToken('over-budget'),
    baseUrl: MOCK_RELAY_BASE,
    options: { ...probeOn, monthlyBudgetUsd: 50 },
    expect: { status: 'critical', codes: ['budget_exceeded'] },
    server: { admin: { costs: { monthToDateUsd: 55, amounts: 'mixed' }, spendLimit: noLimit }, relayBalance: relayWallet },
  },
  costs_paginated: {
    description: 'Costs come 3 buckets a page with string amounts; only the sum over every page ($30.50) reaches the $30 budget.',
    apiKey: relayToken('paginated'),
    baseUrl: MOCK_RELAY_BASE,
    options: { monthlyBudgetUsd: 30 },
    expect: { status: 'critical', codes: ['budget_exceeded'] },
    server: {
      admin: { costs: { monthToDateUsd: 30.5, amounts: 'string', maxPageSize: 3 }, spendLimit: noLimit },
      relayBalance: relayWallet,
    },
  },
  spend_limit_enforcing: {
    description: 'The org hard spend limit ($20, enforcing) is reached: month-to-date spend is $20.40 and paid calls fail with organization_spend_limit_exceeded.',
    apiKey: relayToken('limit-enforcing'),
    baseUrl: MOCK_RELAY_BASE,
    expect: { status: 'critical', codes: ['spend_limit_reached'] },
    server: {
      admin: { costs: { monthToDateUsd: 20.4, amounts: 'mixed' }, spendLimit: { thresholdCents: 2_000, enforcing: true } },
      relayBalance: relayWallet,
      faults: { chat: { error: 'organization_spend_limit_exceeded' } },
    },
  },
  credits_exhausted: {
    description: 'Prepaid credits at zero: models still list, the probe gets 429 credit_balance_exhausted (no Retry-After).',
    apiKey: openaiKey('no-credit'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['credits_exhausted', 'spend_unavailable'] },
    server: { faults: { chat: { error: 'credit_balance_exhausted' } } },
  },
  legacy_insufficient_quota: {
    description: 'The older generic quota error: 429 insufficient_quota on the probe.',
    apiKey: openaiKey('legacy-quota'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['credits_exhausted', 'spend_unavailable'] },
    server: { faults: { chat: { error: 'insufficient_quota' } } },
  },
  org_spend_limit: {
    description: 'The organization hard spend limit blocks paid calls: 429 organization_spend_limit_exceeded.',
    apiKey: openaiKey('org-limit'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['spend_limit_reached', 'spend_unavailable'] },
    server: { faults: { chat: { error: 'organization_spend_limit_exceeded' } } },
  },
  project_spend_limit: {
    description: 'The project budget blocks paid calls: 429 project_spend_limit_exceeded (E12).',
    apiKey: openaiKey('project-limit'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['spend_limit_reached', 'spend_unavailable'] },
    server: { faults: { chat: { error: 'project_spend_limit_exceeded' } } },
  },
  usage_limit: {
    description: "OpenAI's monthly usage limit for the tier is reached: 429 organization_usage_limit_exceeded.",
    apiKey: openaiKey('usage-limit'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['spend_limit_reached', 'spend_unavailable'] },
    server: { faults: { chat: { error: 'organization_usage_limit_exceeded' } } },
  },
  invalid_key: {
    description: 'A revoked or mistyped key: 401 invalid_api_key everywhere (E14, key masked).',
    apiKey: openaiKey('revoked-0000MxYA'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['key_invalid', 'spend_unavailable'] },
    server: { keyRevoked: true },
  },
  missing_key: {
    description: 'No key configured: 401 "You didn\'t provide an API key" (E15), or no request at all.',
    apiKey: '',
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['key_invalid'] },
    server: {},
  },
  account_deactivated: {
    description: 'The account is deactivated: 401 account_deactivated everywhere (E16).',
    apiKey: openaiKey('deactivated'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['account_inactive', 'spend_unavailable'] },
    server: { everywhere: { error: 'account_deactivated' } },
  },
  access_terminated: {
    description: 'Access terminated for a policy violation: 429 access_terminated everywhere (E17).',
    apiKey: openaiKey('terminated'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['account_inactive', 'spend_unavailable'] },
    server: { everywhere: { error: 'access_terminated' } },
  },
  billing_not_active: {
    description: 'Legacy: billing not active, type billing_not_active with a null code (E18), everywhere.',
    apiKey: openaiKey('billing-inactive'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['account_inactive', 'spend_unavailable'] },
    server: { everywhere: { error: 'billing_not_active' } },
  },
  region_blocked: {
    description: 'Requests from an unsupported country: 403 unsupported_country_region_territory (E22).',
    apiKey: openaiKey('region'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'critical', codes: ['region_blocked', 'spend_unavailable'] },
    server: { everywhere: { error: 'region_blocked' } },
  },
  rate_limited: {
    description: 'The probe hits a real rate limit: 429 rate_limit_exceeded with Retry-After and x-ratelimit-* (E13); not a billing problem.',
    apiKey: openaiKey('rate-limited'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'warning', codes: ['rate_limited', 'spend_unavailable'] },
    server: { faults: { chat: { error: 'rate_limit_exceeded' } } },
  },
  probe_missing_scope: {
    description: 'A restricted key with Models: Read only: models list, the probe gets 401 missing_scope model.request (E21).',
    apiKey: openaiKey('restricted'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'warning', codes: ['key_scope_missing', 'spend_unavailable'] },
    server: { faults: { chat: { error: 'missing_scope_model_request' } } },
  },
  costs_forbidden: {
    description: 'A relay without an Admin key: its Admin endpoints refuse the token with 403 (not 401) missing_scope; probe off, so the headline says credit was not tested.',
    apiKey: relayToken('costs-403'),
    baseUrl: MOCK_RELAY_BASE,
    options: { quotaProbe: false },
    expect: { status: 'ok', codes: ['quota_unverified', 'spend_unavailable'] },
    server: { faults: { costs: { error: 'missing_scope_usage_read_403' }, spend_limit: { error: 'missing_scope_usage_read_403' } } },
  },
  relay_balance_low: {
    description: 'A one-api style relay token with $2.75 of its $20 quota left; the owner warns below $5.',
    apiKey: relayToken('low-balance'),
    baseUrl: MOCK_RELAY_BASE,
    options: { lowBalanceUsd: 5 },
    expect: { status: 'warning', codes: ['balance_low', 'spend_unavailable'] },
    server: { relayBalance: { hardLimitUsd: 20, usedCents: 1_725 } },
  },
  server_error_then_recovery: {
    description: 'Every endpoint answers 500 once, then normally: the client retries and the account is healthy.',
    apiKey: openaiKey('flaky'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'ok', codes: ['spend_unavailable'] },
    server: { everywhere: { flaky: 1 } },
  },
  timeout: {
    description: 'Every request hangs: the client gives up at its timeout.',
    apiKey: openaiKey('timeout'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'unknown', codes: ['unreachable', 'spend_unavailable'] },
    server: { everywhere: 'hang' },
  },
  malformed_json: {
    description: 'The models list arrives cut off: application/json that does not parse.',
    apiKey: openaiKey('malformed'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'unknown', codes: ['bad_response', 'spend_unavailable'] },
    server: { faults: { models: 'malformed_json' } },
  },
  html_error_page: {
    description: "The relay's nginx answers every request with a 502 Bad Gateway HTML page.",
    apiKey: relayToken('bad-gateway'),
    baseUrl: MOCK_RELAY_BASE,
    options: probeOn,
    expect: { status: 'unknown', codes: ['unreachable'] },
    server: { everywhere: 'bad_gateway_html' },
  },
  schema_mismatch: {
    description: 'The models list is valid JSON of the wrong shape (`data` is a map, not an array).',
    apiKey: openaiKey('schema'),
    baseUrl: MOCK_OPENAI_BASE,
    options: probeOn,
    expect: { status: 'unknown', codes: ['bad_response', 'spend_unavailable'] },
    server: { faults: { models: 'schema_mismatch' } },
  },
  ...VERDICT_SCENARIOS,
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIO_TABLE;

export const SCENARIOS: Record<ScenarioName, Scenario> = SCENARIO_TABLE;

export const SCENARIO_NAMES = Object.keys(SCENARIO_TABLE) as ScenarioName[];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIO_TABLE, name);
}
