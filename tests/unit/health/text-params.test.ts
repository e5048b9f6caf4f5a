import { describe, expect, it } from 'vitest';
import { findingTextParams } from '../../../src/health/text-params.ts';

const format = { usd: (n: number) => `$${n.toFixed(2)}` };

describe('findingTextParams', () => {
  it('formats …Usd values and adds the locale placeholder names', () => {
    expect(
      findingTextParams(
        { code: 'budget_near', severity: 'warning', params: { spendUsd: 80, budgetUsd: 100, forecastUsd: 120, percent: 80, trigger: 'spend' } },
        format,
      ),
    ).toEqual({
      code: 'budget_near',
      spendUsd: '$80.00', amount: '$80.00',
      budgetUsd: '$100.00', budget: '$100.00',
      forecastUsd: '$120.00', forecast: '$120.00',
      percent: 80, trigger: 'spend',
    });
  });

  it('maps days, balance and stale params', () => {
    expect(findingTextParams({ code: 'card_expiring', severity: 'warning', params: { daysLeft: 3, expiry: '09/26' } }, format))
      .toMatchObject({ days: 3, daysLeft: 3, expiry: '09/26' });
    expect(findingTextParams({ code: 'balance_low', severity: 'warning', params: { remainingUsd: 2, thresholdUsd: 5 } }, format))
      .toMatchObject({ amount: '$2.00', threshold: '$5.00' });
    expect(findingTextParams({ code: 'stale', severity: 'warning', params: { minutesSince: 50 } }, format))
      .toMatchObject({ minutes: 50 });
    expect(findingTextParams({ code: 'spend_limit_reached', severity: 'critical', params: { limitUsd: 10 } }, format))
      .toMatchObject({ limit: '$10.00' });
  });

  it('passes unknown params through and copes with none', () => {
    expect(findingTextParams({ code: 'credits_exhausted', severity: 'critical', params: { status: 429 } }, format))
      .toEqual({ code: 'credits_exhausted', status: 429 });
    expect(findingTextParams({ code: 'quota_unverified', severity: 'info' }, format)).toEqual({ code: 'quota_unverified' });
  });

  it('leaves a non-number …Usd value as it is', () => {
    expect(findingTextParams({ code: 'balance_low', severity: 'warning', params: { remainingUsd: 'n/a' } }, format))
      .toMatchObject({ amount: 'n/a' });
  });
});
