// Verdicts II at the classifier: relay quota wording, the probe's model, named scopes
// and `"error": null`. Bodies are the relays' and OpenAI's own (src/mocks fixtures).
import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../src/billing/classify.ts';
import { runCheck } from '../../../src/billing/check.ts';
import type { Endpoint } from '../../../src/health/signals.ts';
import { VERDICT_ERRORS as V } from '../../../src/mocks/bodies-verdicts.ts';
import * as E from './bodies.ts';
import { createFakeFetch, instantSleep, json } from './fake-fetch.ts';

const relayErr = (status: number, message: string, type = 'new_api_error', code: string | null = null) => [status, { error: { message, type, code } }] as const;

describe('relay quota errors are credits_exhausted (rule 3)', () => {
  it.each([
    ['one-api token used up (401, no code)', V.relay_token_exhausted_zh.status, V.relay_token_exhausted_zh.body],
    ['new-api user quota (403)', V.relay_user_quota_zh.status, V.relay_user_quota_zh.body],
    ['new-api pre-charge (403, English)', V.relay_token_quota_en.status, V.relay_token_quota_en.body],
    ['one-hub (402, code in type)', V.relay_user_quota_402.status, V.relay_user_quota_402.body],
    ['one-api final 429 keeping the upstream code', V.relay_upstream_quota_429.status, V.relay_upstream_quota_429.body],
    ['older new-api token status', ...relayErr(401, '该令牌额度已用尽 TokenStatusExhausted[sk-abc***xyz]')],
    ['one-api token with id', ...relayErr(401, '令牌 sk-abc（#12）额度已用尽', 'one_api_error')],
    ['Veloera pre-consume', ...relayErr(403, 'chat pre-consumed quota failed, user quota: 0, need quota: 300', 'veloera_error')],
    ['user quota, English', ...relayErr(403, 'user quota is not enough', 'one_api_error', 'insufficient_user_quota')],
    ['balance insufficient', ...relayErr(429, '余额不足，请充值', 'one_hub_error')],
    ['in arrears', ...relayErr(403, '您的账户已欠费', 'new_api_error')],
    ['a quota code with HTTP 200', ...relayErr(200, 'quota', 'new_api_error', 'pre_consume_token_quota_failed')],
  ])('%s', (_name, status, body) => {
    for (const endpoint of ['models', 'probe', 'balance'] as Endpoint[]) {
      expect(classifyFailure(endpoint, status, body), endpoint).toMatchObject({ code: 'credits_exhausted', unavailable: false });
    }
  });

  it.each([
    ['new-api invalid token', 401, V.relay_invalid_token_zh.body, 'key_invalid'],
    ['token expired', ...relayErr(401, '该令牌已过期', 'one_api_error'), 'key_invalid'],
    ['token disabled', ...relayErr(401, '该令牌状态不可用', 'one_api_error'), 'key_invalid'],
    ['upstream saturated (a real 429 without a quota code)', ...relayErr(429, '当前分组上游负载已饱和，请稍后再试', 'new_api_error'), 'rate_limited'],
  ])('%s is not mistaken for credit: %s', (_name, status, body, expected) => {
    expect(classifyFailure('models', status, body).code).toBe(expected);
  });
});

describe('a probe model the key cannot use (rule 6)', () => {
  it.each([
    ['404 model_not_found', 404, { error: { message: 'The model `gpt-x` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' } }],
    ['403 allowed-models list', V.model_not_allowed.status, V.model_not_allowed.body],
    ['404 retired', V.model_retired.status, V.model_retired.body],
    ['400 param model', V.model_invalid.status, V.model_invalid.body],
    ['400 wording only', 400, { error: { message: 'The requested model is not supported.', type: 'invalid_request_error', param: null, code: null } }],
    ['relay: no channel for the model', 503, { error: { message: '当前分组 default 下对于模型 gpt-x 无可用渠道', type: 'new_api_error', code: 'model_not_found' } }],
  ])('%s → probe_model_unavailable on the probe, never bad_response', (_name, status, body) => {
    expect(classifyFailure('probe', status, body).code).toBe('probe_model_unavailable');
  });

  it('a 400 about something else on the probe stays bad_response', () => {
    expect(classifyFailure('probe', 400, E.E20_VERIFY).code).toBe('bad_response');
  });
});

describe('scope refusals name the missing scope (rule 7)', () => {
  it('reads "Missing scopes: …" for the key check and the probe', () => {
    expect(classifyFailure('models', 401, V.missing_scope_model_read.body)).toMatchObject({ code: 'key_scope_missing', missingScope: 'api.model.read' });
    expect(classifyFailure('probe', 401, E.E21_MISSING_REQUEST_SCOPE)).toMatchObject({ code: 'key_scope_missing', missingScope: 'model.request' });
  });
});

describe('"error": null in a success body (rule 12)', () => {
  it('is read as the success it is', async () => {
    const fake = createFakeFetch({
      'GET /v1/models': json({ ...E.E1_MODELS, error: null }),
      'POST /v1/chat/completions': json({ ...E.E27_PROBE_OK, error: null }),
    });
    const signals = await runCheck({ apiKey: 'sk-proj-x', baseUrl: '', quotaProbe: true, probeModel: 'gpt-4o-mini-2024-07-18', fetch: fake.fetch, sleep: instantSleep });
    expect(signals.models).toEqual({ kind: 'ok', value: { count: 5 } });
    expect(signals.probe.kind).toBe('ok');
  });

  it('while a real error object in a 200 is still an error', async () => {
    const fake = createFakeFetch({ 'GET /v1/models': json({ ...E.E1_MODELS, error: { message: '该令牌额度已用尽', type: 'one_api_error' } }) });
    const signals = await runCheck({ apiKey: 'sk-proj-x', baseUrl: '', quotaProbe: false, probeModel: 'm', fetch: fake.fetch, sleep: instantSleep });
    expect(signals.models).toMatchObject({ kind: 'error', code: 'credits_exhausted', status: 200 });
  });
});

describe('a programming error inside a check', () => {
  it('is traced and reported as internal_error, never as the server\'s bad_response', async () => {
    const trace = console.trace;
    const traced: unknown[] = [];
    console.trace = (...args: unknown[]) => void traced.push(args[0]);
    try {
      // The retry policy's own code throws while handling a 500: a bug of ours, not the server's.
      const fake = createFakeFetch({ 'GET /v1/models': json({ error: { message: 'boom', type: 'server_error', param: null, code: null } }, 500) });
      const random = () => {
        throw new Error('bug in the jitter');
      };
      const signals = await runCheck({ apiKey: 'sk-proj-x', baseUrl: '', quotaProbe: false, probeModel: 'm', fetch: fake.fetch, sleep: instantSleep, random });
      expect(signals.models).toEqual({ kind: 'error', code: 'internal_error' });
      expect(traced.length).toBeGreaterThan(0);
    } finally {
      console.trace = trace;
    }
  });
});
