import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/health/evaluate.ts';
import type { ErrorCode, Outcome, Report } from '../../../src/health/types.ts';
import { healthySignals, optionsWith, utc } from './fixtures.ts';

const NOW = utc('2026-09-10T12:00:00Z'); // day 10 of a 30-day month
const codes = (report: Report) => report.findings.map((f) => f.code);
const error = (code: ErrorCode, extra: { status?: number; apiCode?: string; message?: string } = {}) =>
  ({ kind: 'error', code, ...extra }) as const;

describe('evaluate: stale and unknown', () => {
  const lastSuccessAt = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();

  it('a long unreachable spell adds stale, but the status stays unknown (key check incomplete)', () => {
    const fresh = evaluate(healthySignals({ models: error('unreachable'), lastSuccessAt: lastSuccessAt(45) }), optionsWith(), NOW);
    expect(fresh.status).toBe('unknown');
    expect(codes(fresh)).toEqual(['unreachable']);
    const old = evaluate(healthySignals({ models: error('unreachable'), lastSuccessAt: lastSuccessAt(46) }), optionsWith(), NOW);
    expect(old.status).toBe('unknown');
    expect(codes(old)).toEqual(['stale', 'unreachable']);
  });

  it('uses checkEveryMinutes from the options', () => {
    const signals = healthySignals({ models: error('bad_response'), lastSuccessAt: lastSuccessAt(100) });
    expect(codes(evaluate(signals, optionsWith({ checkEveryMinutes: 60 }), NOW))).toEqual(['bad_response']);
    expect(codes(evaluate(signals, optionsWith({ checkEveryMinutes: 30 }), NOW))).toEqual(['stale', 'bad_response']);
  });

  it('a success that is old by now is stale; a fresh one is not', () => {
    // Cached signals of a successful check, judged again later (the widget shows cached reports).
    const old = evaluate(healthySignals({ lastSuccessAt: lastSuccessAt(46) }), optionsWith(), NOW);
    expect(old.status).toBe('warning');
    expect(old.findings).toEqual([
      { code: 'stale', severity: 'warning', params: { lastSuccessAt: lastSuccessAt(46), minutesSince: 46 } },
    ]);
    // A fresh check stamps lastSuccessAt with its own time.
    expect(evaluate(healthySignals({ lastSuccessAt: NOW.toISOString() }), optionsWith(), NOW)).toMatchObject({ status: 'ok', findings: [] });
    expect(evaluate(healthySignals({ lastSuccessAt: lastSuccessAt(45) }), optionsWith(), NOW)).toMatchObject({ status: 'ok', findings: [] });
  });

  it('carries lastSuccessAt only when this check could not confirm the key', () => {
    const failed = evaluate(healthySignals({ models: error('unreachable'), lastSuccessAt: lastSuccessAt(25) }), optionsWith(), NOW);
    expect(failed.lastSuccessAt).toBe(lastSuccessAt(25));
    // A successful check needs no "last successful" line: its own time says it.
    expect(evaluate(healthySignals({ lastSuccessAt: lastSuccessAt(0) }), optionsWith(), NOW)).not.toHaveProperty('lastSuccessAt');
    // Never succeeded: nothing to show.
    expect(evaluate(healthySignals({ models: error('unreachable'), lastSuccessAt: null }), optionsWith(), NOW)).not.toHaveProperty('lastSuccessAt');
  });

  it('a skipped key check with nothing else known is unknown, not ok', () => {
    const report = evaluate(healthySignals({ models: { kind: 'skipped', reason: 'not_applicable' } }), optionsWith(), NOW);
    expect(report).toMatchObject({ status: 'unknown', findings: [] });
  });

  it.each([
    ['skipped', { kind: 'skipped', reason: 'not_applicable' }],
    ['unreachable', error('unreachable', { status: 503 })],
    ['bad_response', error('bad_response', { status: 200 })],
  ] as const)('a key check that could not complete (%s) is unknown even with warnings, which stay listed', (_, models) => {
    const report = evaluate(
      healthySignals({ models, lastSuccessAt: lastSuccessAt(600), costs: { kind: 'ok', value: { monthToDateUsd: 45, daily: [] } } }),
      optionsWith({ cardExpiry: '09/26', monthlyBudgetUsd: 50 }),
      NOW,
    );
    expect(report.status).toBe('unknown');
    expect(codes(report)).toEqual(expect.arrayContaining(['card_expiring', 'budget_near', 'stale']));
  });

  it.each([
    ['key_scope_missing', 'warning'],
    ['rate_limited', 'warning'],
    ['key_invalid', 'critical'],
  ] as const)('a key check that completed with %s is judged by its findings (%s)', (code, status) => {
    const report = evaluate(healthySignals({ models: error(code), lastSuccessAt: lastSuccessAt(600) }), optionsWith(), NOW);
    expect(report.status).toBe(status);
    expect(codes(report)).toContain('stale');
  });

  it('a completed key check with only a warning elsewhere is a warning', () => {
    const report = evaluate(healthySignals({ models: error('rate_limited') }), optionsWith({ cardExpiry: '09/26' }), NOW);
    expect(report.status).toBe('warning');
    expect(codes(report)).toEqual(['card_expiring', 'rate_limited']);
  });

  it('a key check that failed inside the widget is unknown, with its own code', () => {
    const report = evaluate(healthySignals({ models: error('internal_error') }), optionsWith(), NOW);
    expect(report.status).toBe('unknown');
    expect(codes(report)).toEqual(['internal_error']);
  });

  it('critical outranks an incomplete key check', () => {
    const report = evaluate(
      healthySignals({ models: error('unreachable'), probe: error('credits_exhausted') }),
      optionsWith({ cardExpiry: '09/26' }),
      NOW,
    );
    expect(report.status).toBe('critical');
    expect(codes(report)).toEqual(['credits_exhausted', 'card_expiring', 'unreachable']);
  });
});

describe('evaluate: everything at once', () => {
  it('sorts critical → warning → unknown → info, then by table order', () => {
    const probeOff: Outcome<{ model: string }> = { kind: 'skipped', reason: 'disabled' };
    const report = evaluate(
      healthySignals({
        models: error('rate_limited'),
        probe: probeOff,
        costs: { kind: 'ok', value: { monthToDateUsd: 90, daily: [] } },
        // Spend has reached the hard limit (a limit merely set and enforcing is not a finding).
        spend_limit: { kind: 'ok', value: { limitUsd: 90, enforcing: true } },
        balance: { kind: 'ok', value: { totalUsd: 5, usedUsd: 4, remainingUsd: 1 } },
        lastSuccessAt: '2026-09-01T00:00:00Z',
      }),
      optionsWith({ cardExpiry: '09/26', monthlyBudgetUsd: 100, lowBalanceUsd: 2 }),
      NOW,
    );
    expect(codes(report)).toEqual([
      'spend_limit_reached',
      'card_expiring', 'budget_near', 'balance_low', 'rate_limited', 'stale',
      'quota_unverified',
    ]);
    expect(report.status).toBe('critical');
  });

  it('does not depend on the input object being mutable or mutate it', () => {
    const signals = Object.freeze(healthySignals({ probe: { kind: 'skipped', reason: 'disabled' } }));
    const options = Object.freeze(optionsWith({ cardExpiry: '09/26' }));
    const a = evaluate(signals, options, NOW);
    const b = evaluate(signals, options, NOW);
    expect(a).toEqual(b);
  });
});
