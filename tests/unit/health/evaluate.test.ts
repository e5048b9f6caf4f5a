import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/health/evaluate.ts';
import type { ErrorCode, Report, Signals } from '../../../src/health/types.ts';
import { healthySignals, optionsWith, utc } from './fixtures.ts';

const NOW = utc('2026-09-10T12:00:00Z'); // day 10 of a 30-day month
const codes = (report: Report) => report.findings.map((f) => f.code);
const error = (code: ErrorCode, extra: { status?: number; apiCode?: string; message?: string } = {}) =>
  ({ kind: 'error', code, ...extra }) as const;

describe('evaluate: a healthy account', () => {
  it('is ok with no findings, and carries spend, forecast, the spend limit and checkedAt', () => {
    const report = evaluate(healthySignals(), optionsWith(), NOW);
    expect(report).toEqual({
      status: 'ok',
      findings: [],
      checkedAt: '2026-09-10T12:00:00.000Z',
      spend: { monthToDateUsd: 1, daily: [{ date: '2026-09-01', usd: 1 }] },
      forecast: { monthEndUsd: 3, budgetUsd: null, settled: true },
      spendLimit: { limitUsd: 100, enforcing: false },
    });
  });

  it('leaves spend, forecast and balance out when those requests did not succeed', () => {
    const report = evaluate(
      healthySignals({ costs: { kind: 'skipped', reason: 'not_applicable' }, balance: error('unreachable') }),
      optionsWith(),
      NOW,
    );
    expect(report).not.toHaveProperty('spend');
    expect(report).not.toHaveProperty('forecast');
    expect(report).not.toHaveProperty('balance');
  });
});

describe('evaluate: request errors become findings', () => {
  it.each([
    ['key_invalid', 'critical', 'critical'],
    ['account_inactive', 'critical', 'critical'],
    ['region_blocked', 'critical', 'critical'],
    ['credits_exhausted', 'critical', 'critical'],
    ['spend_limit_reached', 'critical', 'critical'],
    ['key_scope_missing', 'warning', 'warning'],
    ['rate_limited', 'warning', 'warning'],
    ['unreachable', 'unknown', 'unknown'],
    ['bad_response', 'unknown', 'unknown'],
  ] as const)('probe %s → %s finding, status %s', (code, severity, status) => {
    const report = evaluate(healthySignals({ probe: error(code, { status: 429, apiCode: 'x_code', message: 'server text' }) }), optionsWith(), NOW);
    expect(report.status).toBe(status);
    const permission = code === 'key_scope_missing' ? { permission: 'Model capabilities: Request' } : {};
    expect(report.findings).toEqual([{ code, severity, endpoint: 'probe', params: { status: 429, apiCode: 'x_code', ...permission } }]);
  });

  it.each([
    ['models', undefined, 'Models: Read'],
    ['probe', undefined, 'Model capabilities: Request'],
    ['probe', 'model.request', 'Model capabilities: Request'],
    ['models', 'api.model.read', 'Models: Read'],
    ['models', 'api.some.new_scope', 'Models: Read'],
  ] as const)('key_scope_missing on %s (scope %s) names %s', (endpoint, missingScope, permission) => {
    const outcome = error('key_scope_missing', { status: 401, ...(missingScope ? { missingScope } : {}) });
    const report = evaluate(healthySignals({ [endpoint]: outcome }), optionsWith(), NOW);
    expect(report.findings).toEqual([{ code: 'key_scope_missing', severity: 'warning', endpoint, params: { status: 401, permission } }]);
  });

  it('probe_model_unavailable names the probe model the owner chose', () => {
    const outcome = error('probe_model_unavailable', { status: 404, apiCode: 'model_not_found' });
    const report = evaluate(healthySignals({ probe: outcome }), optionsWith({ probeModel: 'gpt-4o-mini-2024-07-18' }), NOW);
    expect(report.status).toBe('warning');
    expect(report.findings).toEqual([
      { code: 'probe_model_unavailable', severity: 'warning', endpoint: 'probe', params: { status: 404, apiCode: 'model_not_found', model: 'gpt-4o-mini-2024-07-18' } },
    ]);
  });

  it('keeps the server message out of the finding', () => {
    const report = evaluate(healthySignals({ models: error('key_invalid', { message: 'Incorrect API key sk-…' }) }), optionsWith(), NOW);
    expect(report.findings).toEqual([{ code: 'key_invalid', severity: 'critical', endpoint: 'models', params: {} }]);
  });

  it('names the endpoint of each error', () => {
    const report = evaluate(
      healthySignals({
        models: error('rate_limited'),
        costs: error('bad_response'),
        spend_limit: error('unreachable'),
        balance: error('key_scope_missing'),
      }),
      optionsWith(),
      NOW,
    );
    expect(report.findings.map((f) => [f.code, f.endpoint])).toEqual([
      ['key_scope_missing', 'balance'],
      ['rate_limited', 'models'],
      ['unreachable', 'spend_limit'],
      ['bad_response', 'costs'],
    ]);
  });

  it('merges the same code from several requests into one finding (first request wins)', () => {
    const report = evaluate(
      healthySignals({
        models: error('unreachable'),
        probe: error('credits_exhausted', { status: 429 }),
        costs: error('unreachable'),
        balance: error('credits_exhausted', { status: 402 }),
      }),
      optionsWith(),
      NOW,
    );
    expect(report.findings).toEqual([
      { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe', params: { status: 429 } },
      { code: 'unreachable', severity: 'unknown', endpoint: 'models', params: {} },
    ]);
    expect(report.status).toBe('critical');
  });

  it('attributes spend_unavailable to costs when both Admin endpoints are unavailable', () => {
    const unavailable = { kind: 'skipped', reason: 'unavailable' } as const;
    const report = evaluate(healthySignals({ costs: unavailable, spend_limit: unavailable }), optionsWith(), NOW);
    expect(report.findings).toEqual([{ code: 'spend_unavailable', severity: 'info', endpoint: 'costs' }]);
  });

  it('merges an error spend_limit_reached with a reached spend limit', () => {
    const report = evaluate(
      healthySignals({
        probe: error('spend_limit_reached', { apiCode: 'organization_spend_limit_exceeded' }),
        costs: { kind: 'ok', value: { monthToDateUsd: 50.2, daily: [] } },
        spend_limit: { kind: 'ok', value: { limitUsd: 50, enforcing: true } },
      }),
      optionsWith(),
      NOW,
    );
    expect(report.findings).toEqual([
      { code: 'spend_limit_reached', severity: 'critical', endpoint: 'probe', params: { apiCode: 'organization_spend_limit_exceeded' } },
    ]);
  });
});

describe('evaluate: spend limit (enforcing = a hard limit is set; reached = spend got to it)', () => {
  const limitOf = (limitUsd: number | null, enforcing = true): Partial<Signals> => ({
    spend_limit: { kind: 'ok', value: { limitUsd, enforcing } },
  });
  const spent = (monthToDateUsd: number): Partial<Signals> => ({ costs: { kind: 'ok', value: { monthToDateUsd, daily: [] } } });

  it('enforcing with spend under the limit → nothing (a cap that is set is not a cap that is hit)', () => {
    const report = evaluate(healthySignals({ ...limitOf(50), ...spent(49.99) }), optionsWith(), NOW);
    expect(report).toMatchObject({ status: 'ok', findings: [] });
  });

  it('enforcing with spend at or over the limit → spend_limit_reached from spend_limit, with limit and spend', () => {
    const atLimit = evaluate(healthySignals({ ...limitOf(50), ...spent(50) }), optionsWith(), NOW);
    expect(atLimit.status).toBe('critical');
    expect(atLimit.findings).toEqual([
      { code: 'spend_limit_reached', severity: 'critical', endpoint: 'spend_limit', params: { limitUsd: 50, spendUsd: 50 } },
    ]);
    // Enforcement lags, so recorded spend can pass the limit (openai-billing.md §1.4).
    const over = evaluate(healthySignals({ ...limitOf(20), ...spent(20.4) }), optionsWith(), NOW);
    expect(over.findings).toEqual([
      { code: 'spend_limit_reached', severity: 'critical', endpoint: 'spend_limit', params: { limitUsd: 20, spendUsd: 20.4 } },
    ]);
  });

  it('float noise just under the limit still counts as reached', () => {
    // Summed decimals land a hair either side of the limit: 0.1 + 0.2 is just over 0.3, 0.3 - 1e-12 just under.
    expect(codes(evaluate(healthySignals({ ...limitOf(0.3), ...spent(0.1 + 0.2) }), optionsWith(), NOW))).toEqual(['spend_limit_reached']);
    expect(codes(evaluate(healthySignals({ ...limitOf(0.3), ...spent(0.3 - 1e-12) }), optionsWith(), NOW))).toEqual(['spend_limit_reached']);
    expect(codes(evaluate(healthySignals({ ...limitOf(0.3), ...spent(0.3 - 1e-6) }), optionsWith(), NOW))).toEqual([]);
  });

  it('enforcing with unknown spend → nothing from this endpoint', () => {
    const unknownSpend: Partial<Signals>[] = [
      { costs: { kind: 'skipped', reason: 'unavailable' } },
      { costs: error('unreachable') },
      { costs: { kind: 'skipped', reason: 'not_applicable' } },
    ];
    for (const costs of unknownSpend) {
      expect(codes(evaluate(healthySignals({ ...limitOf(50), ...costs }), optionsWith(), NOW))).not.toContain('spend_limit_reached');
    }
  });

  it('enforcing with an unknown or non-positive limit → nothing', () => {
    for (const limitUsd of [null, 0, -5]) {
      expect(evaluate(healthySignals({ ...limitOf(limitUsd), ...spent(1_000) }), optionsWith(), NOW).findings).toEqual([]);
    }
  });

  it('not enforcing → nothing, whatever the spend', () => {
    expect(evaluate(healthySignals({ ...limitOf(50, false), ...spent(80) }), optionsWith(), NOW).findings).toEqual([]);
  });

  it('an actual block from the probe is reported even when spend is unknown', () => {
    const report = evaluate(
      healthySignals({
        probe: error('spend_limit_reached', { status: 429, apiCode: 'project_spend_limit_exceeded' }),
        costs: { kind: 'skipped', reason: 'unavailable' },
        ...limitOf(50),
      }),
      optionsWith(),
      NOW,
    );
    expect(report.status).toBe('critical');
    expect(codes(report)).toEqual(['spend_limit_reached', 'spend_unavailable']);
  });
});

describe('evaluate: info findings', () => {
  it('quota_unverified only when the probe is turned off', () => {
    const off = evaluate(healthySignals({ probe: { kind: 'skipped', reason: 'disabled' } }), optionsWith(), NOW);
    expect(off.findings).toEqual([{ code: 'quota_unverified', severity: 'info', endpoint: 'probe' }]);
    expect(off.status).toBe('ok');
    for (const reason of ['not_applicable', 'unavailable'] as const) {
      expect(evaluate(healthySignals({ probe: { kind: 'skipped', reason } }), optionsWith(), NOW).findings).toEqual([]);
    }
  });

  it('spend_unavailable when costs is unavailable to the key (refused, remembered or not asked)', () => {
    const remembered = evaluate(healthySignals({ costs: { kind: 'skipped', reason: 'unavailable' } }), optionsWith(), NOW);
    expect(remembered.findings).toEqual([{ code: 'spend_unavailable', severity: 'info', endpoint: 'costs' }]);
    expect(remembered.status).toBe('ok');
    for (const reason of ['disabled', 'not_applicable'] as const) {
      expect(evaluate(healthySignals({ costs: { kind: 'skipped', reason } }), optionsWith(), NOW).findings).toEqual([]);
    }
  });
});

describe('evaluate: card expiry from the options', () => {
  it('expired → critical, expiring → warning, far → nothing', () => {
    expect(codes(evaluate(healthySignals(), optionsWith({ cardExpiry: '08/26' }), NOW))).toEqual(['card_expired']);
    expect(evaluate(healthySignals(), optionsWith({ cardExpiry: '08/26' }), NOW).status).toBe('critical');
    const expiring = evaluate(healthySignals(), optionsWith({ cardExpiry: '09/26' }), NOW);
    expect(expiring.status).toBe('warning');
    expect(expiring.findings).toEqual([
      { code: 'card_expiring', severity: 'warning', params: { expiry: '09/26', validThrough: '2026-09-30', daysLeft: 21 } },
    ]);
    expect(evaluate(healthySignals(), optionsWith({ cardExpiry: '12/26' }), NOW).findings).toEqual([]);
  });
});

describe('evaluate: budget', () => {
  const spending = (usd: number): Partial<Signals> => ({ costs: { kind: 'ok', value: { monthToDateUsd: usd, daily: [] } } });

  it('spend ≥ budget → budget_exceeded', () => {
    const report = evaluate(healthySignals(spending(100)), optionsWith({ monthlyBudgetUsd: 100 }), NOW);
    expect(report.status).toBe('critical');
    expect(report.findings).toEqual([
      { code: 'budget_exceeded', severity: 'critical', params: { spendUsd: 100, budgetUsd: 100, forecastUsd: 300, percent: 100 } },
    ]);
    expect(report.forecast).toEqual({ monthEndUsd: 300, budgetUsd: 100, settled: true });
  });

  it('80 % of budget → budget_near; the forecast alone can raise it too', () => {
    // Day 10 of 30: 25 USD spent → 75 forecast (under 100) but 80 % of a 31.25 budget.
    expect(codes(evaluate(healthySignals(spending(25)), optionsWith({ monthlyBudgetUsd: 31.25 }), NOW))).toEqual(['budget_near']);
    // 25 spent → 75 forecast: over a 70 budget though only 36 % spent.
    const byForecast = evaluate(healthySignals(spending(25)), optionsWith({ monthlyBudgetUsd: 70 }), NOW);
    expect(byForecast.findings[0]?.params).toMatchObject({ trigger: 'forecast', percent: 36 });
    expect(byForecast.status).toBe('warning');
  });

  it('below 80 % with a forecast within budget → nothing', () => {
    expect(evaluate(healthySignals(spending(25)), optionsWith({ monthlyBudgetUsd: 75 }), NOW).findings).toEqual([]);
  });

  it('no budget set → forecast only, no findings', () => {
    const report = evaluate(healthySignals(spending(1_000)), optionsWith(), NOW);
    expect(report.findings).toEqual([]);
    expect(report.forecast).toEqual({ monthEndUsd: 3_000, budgetUsd: null, settled: true });
  });

  it('no budget findings when costs did not succeed', () => {
    const report = evaluate(healthySignals({ costs: { kind: 'skipped', reason: 'unavailable' } }), optionsWith({ monthlyBudgetUsd: 0.01 }), NOW);
    expect(codes(report)).toEqual(['spend_unavailable']);
  });
});

describe('evaluate: relay balance', () => {
  const balance = (remainingUsd: number): Partial<Signals> => ({
    balance: { kind: 'ok', value: { totalUsd: 10, usedUsd: 10 - remainingUsd, remainingUsd } },
  });

  it('below the threshold → balance_low', () => {
    const report = evaluate(healthySignals(balance(4.99)), optionsWith({ lowBalanceUsd: 5 }), NOW);
    expect(report.status).toBe('warning');
    expect(report.findings).toEqual([
      { code: 'balance_low', severity: 'warning', endpoint: 'balance', params: { remainingUsd: 4.99, thresholdUsd: 5 } },
    ]);
    expect(report.balance).toEqual({ totalUsd: 10, usedUsd: 10 - 4.99, remainingUsd: 4.99 });
  });

  it('at the threshold → nothing', () => {
    expect(evaluate(healthySignals(balance(5)), optionsWith({ lowBalanceUsd: 5 }), NOW).findings).toEqual([]);
  });

  it('no threshold → nothing, but the balance is reported', () => {
    const report = evaluate(healthySignals(balance(0.01)), optionsWith(), NOW);
    expect(report.findings).toEqual([]);
    expect(report.balance?.remainingUsd).toBe(0.01);
  });

  it.each([0, -0.5])('an empty wallet (%s) is credits_exhausted whatever the threshold', (remainingUsd) => {
    for (const lowBalanceUsd of [null, 0, 5]) {
      const report = evaluate(healthySignals(balance(remainingUsd)), optionsWith({ lowBalanceUsd }), NOW);
      expect(report.status).toBe('critical');
      expect(report.findings).toEqual([{ code: 'credits_exhausted', severity: 'critical', endpoint: 'balance', params: { remainingUsd } }]);
    }
  });

  it('an unlimited token is neither low nor empty, and stays marked unlimited', () => {
    const unlimited: Partial<Signals> = { balance: { kind: 'ok', value: { totalUsd: 1e8, usedUsd: 2, remainingUsd: 1e8 - 2, unlimited: true } } };
    const report = evaluate(healthySignals(unlimited), optionsWith({ lowBalanceUsd: 1e9 }), NOW);
    expect(report.findings).toEqual([]);
    expect(report.balance?.unlimited).toBe(true);
  });
});
