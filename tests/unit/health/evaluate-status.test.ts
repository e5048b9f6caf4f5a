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

  it('a long unreachable spell turns from unknown into a stale warning', () => {
    const fresh = evaluate(healthySignals({ models: error('unreachable'), lastSuccessAt: lastSuccessAt(45) }), optionsWith(), NOW);
    expect(fresh.status).toBe('unknown');
    expect(codes(fresh)).toEqual(['unreachable']);
    const old = evaluate(healthySignals({ models: error('unreachable'), lastSuccessAt: lastSuccessAt(46) }), optionsWith(), NOW);
    expect(old.status).toBe('warning');
    expect(codes(old)).toEqual(['stale', 'unreachable']);
  });

  it('uses checkEveryMinutes from the options', () => {
    const signals = healthySignals({ models: error('bad_response'), lastSuccessAt: lastSuccessAt(100) });
    expect(codes(evaluate(signals, optionsWith({ checkEveryMinutes: 60 }), NOW))).toEqual(['bad_response']);
    expect(codes(evaluate(signals, optionsWith({ checkEveryMinutes: 30 }), NOW))).toEqual(['stale', 'bad_response']);
  });

  it('a successful key check is never stale', () => {
    expect(evaluate(healthySignals({ lastSuccessAt: lastSuccessAt(10_000) }), optionsWith(), NOW).findings).toEqual([]);
  });

  it('a skipped key check with nothing else known is unknown, not ok', () => {
    const report = evaluate(healthySignals({ models: { kind: 'skipped', reason: 'not_applicable' } }), optionsWith(), NOW);
    expect(report).toMatchObject({ status: 'unknown', findings: [] });
  });

  it('a key check failing with an info-only code is unknown', () => {
    const report = evaluate(healthySignals({ models: error('spend_unavailable') }), optionsWith(), NOW);
    expect(report.status).toBe('unknown');
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
        spendLimit: { kind: 'ok', value: { limitUsd: 120, enforcing: true } },
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
