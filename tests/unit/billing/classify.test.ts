import { describe, expect, it } from 'vitest';
import { classifyFailure, classifyNetworkFailure } from '../../../src/billing/classify.ts';
import type { Endpoint, ErrorCode } from '../../../src/health/signals.ts';
import * as E from './bodies.ts';

const ALL: Endpoint[] = ['models', 'probe', 'costs', 'spend_limit', 'balance'];
const AUXILIARY: Endpoint[] = ['costs', 'spend_limit', 'balance'];
const err = (code: string | null, type: string | null, message = 'x') => ({ error: { message, type, param: null, code } });

// Written out independently of src/billing/classify.ts (design.md's finding table).
const EXPECTED_BY_CODE: Array<[string, ErrorCode]> = [
  ['invalid_api_key', 'key_invalid'],
  ['account_deactivated', 'account_inactive'],
  ['access_terminated', 'account_inactive'],
  ['billing_not_active', 'account_inactive'],
  ['unsupported_country_region_territory', 'region_blocked'],
  ['credit_balance_exhausted', 'credits_exhausted'],
  ['insufficient_quota', 'credits_exhausted'],
  ['organization_spend_limit_exceeded', 'spend_limit_reached'],
  ['project_spend_limit_exceeded', 'spend_limit_reached'],
  ['organization_usage_limit_exceeded', 'spend_limit_reached'],
  ['billing_hard_limit_reached', 'spend_limit_reached'],
  ['rate_limit_exceeded', 'rate_limited'],
];
const STATUSES = [200, 400, 401, 402, 403, 404, 429, 500, 503];
const TYPES = [null, 'invalid_request_error', 'insufficient_quota', 'requests', 'tokens', 'access_terminated', 'billing_not_active', 'request_forbidden', 'server_error'];

describe('classification by error.code (wins over type and status)', () => {
  for (const [code, expected] of EXPECTED_BY_CODE) {
    it(`${code} → ${expected} for every status × type × endpoint`, () => {
      for (const status of STATUSES) {
        for (const type of TYPES) {
          for (const endpoint of ALL) {
            const got = classifyFailure(endpoint, status, err(code, type));
            // An auxiliary endpoint's "invalid key" only means it is not for this key (rule 5).
            const auxiliaryKeyRefusal = expected === 'key_invalid' && AUXILIARY.includes(endpoint);
            const want = auxiliaryKeyRefusal ? { code: 'unavailable', unavailable: true } : { code: expected, unavailable: false };
            expect(got, `${endpoint} ${status} ${type}`).toMatchObject({ ...want, apiCode: code });
          }
        }
      }
    });
  }

  it('missing_scope depends on the endpoint, whatever the status', () => {
    for (const status of [401, 403, 200]) {
      expect(classifyFailure('probe', status, E.E21_MISSING_REQUEST_SCOPE)).toMatchObject({ code: 'key_scope_missing', unavailable: false });
      expect(classifyFailure('models', status, err('missing_scope', 'invalid_request_error'))).toMatchObject({ code: 'key_scope_missing' });
      expect(classifyFailure('costs', status, E.E9_MISSING_USAGE_SCOPE)).toMatchObject({ code: 'unavailable', unavailable: true });
      expect(classifyFailure('spend_limit', status, E.E9_MISSING_USAGE_SCOPE)).toMatchObject({ code: 'unavailable', unavailable: true });
      expect(classifyFailure('balance', status, E.E9_MISSING_USAGE_SCOPE)).toMatchObject({ unavailable: true });
    }
  });
});

describe('classification by error.type when the code does not decide', () => {
  const EXPECTED_BY_TYPE: Array<[string, ErrorCode]> = [
    ['insufficient_quota', 'credits_exhausted'],
    ['billing_not_active', 'account_inactive'],
    ['access_terminated', 'account_inactive'],
    ['requests', 'rate_limited'],
    ['tokens', 'rate_limited'],
  ];
  for (const [type, expected] of EXPECTED_BY_TYPE) {
    it(`type ${type} → ${expected} with a null or unknown code`, () => {
      for (const code of [null, 'some_future_code']) {
        for (const status of STATUSES) {
          for (const endpoint of ALL) {
            expect(classifyFailure(endpoint, status, err(code, type)).code, `${endpoint} ${status} ${code}`).toBe(expected);
          }
        }
      }
    });
  }
});

describe('classification by HTTP status when code and type say nothing', () => {
  const bodies = [undefined, err(null, 'invalid_request_error'), err('whatever', 'server_error'), 'plain text', { message: 'not an envelope' }];
  // [status, models, probe, costs, spend_limit, balance]
  type Code = ErrorCode | 'unavailable';
  const TABLE: Array<[number, Code, Code, Code, Code, Code]> = [
    [401, 'key_invalid', 'key_invalid', 'unavailable', 'unavailable', 'unavailable'],
    [402, 'credits_exhausted', 'credits_exhausted', 'credits_exhausted', 'credits_exhausted', 'credits_exhausted'],
    [403, 'bad_response', 'bad_response', 'unavailable', 'unavailable', 'unavailable'],
    [404, 'bad_response', 'bad_response', 'unavailable', 'unavailable', 'unavailable'],
    [408, 'unreachable', 'unreachable', 'unreachable', 'unreachable', 'unreachable'],
    [429, 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited'],
    [500, 'unreachable', 'unreachable', 'unreachable', 'unreachable', 'unreachable'],
    [502, 'unreachable', 'unreachable', 'unreachable', 'unreachable', 'unreachable'],
    [400, 'bad_response', 'bad_response', 'bad_response', 'bad_response', 'bad_response'],
    [200, 'bad_response', 'bad_response', 'bad_response', 'bad_response', 'bad_response'],
  ];
  for (const [status, ...expected] of TABLE) {
    it(`status ${status}`, () => {
      for (const body of bodies) {
        ALL.forEach((endpoint, i) => {
          expect(classifyFailure(endpoint, status, body).code, `${endpoint} ${JSON.stringify(body)}`).toBe(expected[i]);
        });
      }
    });
  }

  it('refusals on Admin and legacy endpoints are remembered; key problems are not', () => {
    expect(classifyFailure('costs', 403, undefined).unavailable).toBe(true);
    expect(classifyFailure('balance', 404, undefined).unavailable).toBe(true);
    // An auxiliary endpoint never overrides a working key: its 401 is "not for this key".
    expect(classifyFailure('balance', 401, undefined).unavailable).toBe(true);
    expect(classifyFailure('costs', 401, E.E14_INVALID_KEY)).toMatchObject({ code: 'unavailable', unavailable: true });
    expect(classifyFailure('models', 401, E.E14_INVALID_KEY)).toMatchObject({ code: 'key_invalid', unavailable: false });
    expect(classifyFailure('models', 500, undefined).unavailable).toBe(false);
  });

  it('reads "insufficient permissions" wording as a scope refusal', () => {
    const wording = err(null, 'invalid_request_error', 'You have insufficient permissions for this operation.');
    expect(classifyFailure('probe', 403, wording).code).toBe('key_scope_missing');
    expect(classifyFailure('models', 401, wording).code).toBe('key_scope_missing');
    expect(classifyFailure('balance', 401, wording)).toMatchObject({ unavailable: true });
  });
});

describe('the real bodies of docs §3/§7', () => {
  const CASES: Array<[string, number, unknown, Endpoint, ErrorCode | 'unavailable']> = [
    ['E9 costs, 401', 401, E.E9_MISSING_USAGE_SCOPE, 'costs', 'unavailable'],
    ['E9 costs, 403', 403, E.E9_MISSING_USAGE_SCOPE, 'costs', 'unavailable'],
    ['E10 credits', 429, E.E10_CREDITS, 'probe', 'credits_exhausted'],
    ['E11 quota', 429, E.E11_QUOTA, 'probe', 'credits_exhausted'],
    ['E12 project cap', 429, E.spendCap('project_spend_limit_exceeded'), 'probe', 'spend_limit_reached'],
    ['E12 org cap', 429, E.spendCap('organization_spend_limit_exceeded'), 'probe', 'spend_limit_reached'],
    ['E12 usage cap', 429, E.spendCap('organization_usage_limit_exceeded'), 'probe', 'spend_limit_reached'],
    ['E13 rate limit', 429, E.E13_RATE_LIMIT, 'probe', 'rate_limited'],
    ['E14 invalid key', 401, E.E14_INVALID_KEY, 'models', 'key_invalid'],
    ['E15 missing key', 401, E.E15_MISSING_KEY, 'models', 'key_invalid'],
    ['E16 deactivated', 401, E.E16_DEACTIVATED, 'models', 'account_inactive'],
    ['E17 terminated', 429, E.E17_TERMINATED, 'probe', 'account_inactive'],
    ['E17 terminated (2023, code null)', 429, E.E17_TERMINATED_OLD, 'probe', 'account_inactive'],
    ['E18 billing not active', 429, E.E18_NOT_ACTIVE, 'probe', 'account_inactive'],
    ['E19 hard limit (400)', 400, E.E19_HARD_LIMIT, 'probe', 'spend_limit_reached'],
    ['E20 verification (400)', 400, E.E20_VERIFY, 'probe', 'bad_response'],
    ['E21 probe scope', 401, E.E21_MISSING_REQUEST_SCOPE, 'probe', 'key_scope_missing'],
    ['E22 region', 403, E.E22_REGION, 'models', 'region_blocked'],
    ['E23 legacy on OpenAI', 403, E.E23_SESSION_KEY, 'balance', 'unavailable'],
  ];
  for (const [name, status, body, endpoint, expected] of CASES) {
    it(name, () => {
      expect(classifyFailure(endpoint, status, body).code).toBe(expected);
    });
  }

  it('keeps the server code and message for display', () => {
    expect(classifyFailure('probe', 429, E.E10_CREDITS)).toMatchObject({ apiCode: 'credit_balance_exhausted', message: expect.stringContaining('no credits') });
    expect(classifyFailure('probe', 429, E.E18_NOT_ACTIVE).apiCode).toBe('billing_not_active');
  });

  it('ignores prototype names sent as codes', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(classifyFailure('models', 400, err(code, code)).code).toBe('bad_response');
    }
  });

  it('network failures are unreachable', () => {
    expect(classifyNetworkFailure('timeout')).toEqual({ code: 'unreachable', apiCode: 'timeout', unavailable: false });
  });
});
