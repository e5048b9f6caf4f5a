import { describe, expect, it } from 'vitest';
import { budgetFinding, forecastMonthEnd } from '../../../src/health/forecast.ts';
import type { Forecast } from '../../../src/health/types.ts';
import { utc } from './fixtures.ts';

describe('forecastMonthEnd (whole UTC days, today counted as a full day)', () => {
  it('projects linearly over the days of the month', () => {
    // 10 USD over 10 days of a 30-day month.
    expect(forecastMonthEnd(10, utc('2026-09-10T12:00:00Z'), 50)).toEqual({ monthEndUsd: 30, budgetUsd: 50, settled: true });
  });

  it('rounds the projection to a hundredth of a cent', () => {
    // 10 USD over 3 days of a 30-day month: 100 exactly, and 1/3 of a dollar a day stays tidy.
    expect(forecastMonthEnd(10, utc('2026-09-03T12:00:00Z'), null).monthEndUsd).toBe(100);
    expect(forecastMonthEnd(1, utc('2026-09-07T12:00:00Z'), null).monthEndUsd).toBe(4.2857);
  });

  it('ignores the time of day', () => {
    const early = forecastMonthEnd(10, utc('2026-09-10T00:00:00Z'), null);
    const late = forecastMonthEnd(10, utc('2026-09-10T23:59:59.999Z'), null);
    expect(early).toEqual(late);
    expect(early.budgetUsd).toBeNull();
  });

  it('uses the UTC month length (31 days, leap February)', () => {
    expect(forecastMonthEnd(1, utc('2026-10-01T05:00:00Z'), null).monthEndUsd).toBe(31);
    expect(forecastMonthEnd(2, utc('2028-02-02T05:00:00Z'), null).monthEndUsd).toBe(29);
    expect(forecastMonthEnd(2, utc('2027-02-02T05:00:00Z'), null).monthEndUsd).toBe(28);
  });

  it('uses the UTC day even where the local day differs', () => {
    // 31 Aug 23:30 UTC is still August: 31 days, day 31 → forecast = spend.
    expect(forecastMonthEnd(62, utc('2026-08-31T23:30:00Z'), null).monthEndUsd).toBe(62);
  });

  it('day 1 and zero spend are plain numbers, never NaN or Infinity', () => {
    expect(forecastMonthEnd(0, utc('2026-09-01T00:00:00Z'), 10).monthEndUsd).toBe(0);
    expect(forecastMonthEnd(0.5, utc('2026-09-01T00:00:01Z'), 10).monthEndUsd).toBe(15);
  });
});

describe('budgetFinding', () => {
  const forecast = (monthEndUsd: number, budgetUsd: number | null, settled = true): Forecast => ({ monthEndUsd, budgetUsd, settled });

  it('is null without a budget, or with a non-positive one', () => {
    expect(budgetFinding(1_000, forecast(5_000, null))).toBeNull();
    expect(budgetFinding(1, forecast(5, 0))).toBeNull();
    expect(budgetFinding(1, forecast(5, -10))).toBeNull();
  });

  it('exceeded when spend equals the budget', () => {
    expect(budgetFinding(100, forecast(100, 100))).toEqual({
      code: 'budget_exceeded',
      severity: 'critical',
      params: { spendUsd: 100, budgetUsd: 100, forecastUsd: 100, percent: 100 },
    });
  });

  it('exceeded beats near', () => {
    expect(budgetFinding(150, forecast(300, 100))?.code).toBe('budget_exceeded');
  });

  it('just under the budget is near, not exceeded', () => {
    expect(budgetFinding(99.99, forecast(99.99, 100))).toMatchObject({
      code: 'budget_near',
      severity: 'warning',
      params: { trigger: 'spend', percent: 100 },
    });
  });

  it('the 80 % edge: 80 % is near, just below is not (forecast within budget)', () => {
    expect(budgetFinding(80, forecast(90, 100))).toMatchObject({ code: 'budget_near', params: { percent: 80 } });
    expect(budgetFinding(79.99, forecast(90, 100))).toBeNull();
  });

  it('80 % survives float rounding (5.60 of 7.00)', () => {
    expect(5.6 >= 7 * 0.8).toBe(false); // the trap being avoided
    expect(budgetFinding(5.6, forecast(6, 7))?.code).toBe('budget_near');
  });

  it('near when the forecast exceeds the budget, even at low spend', () => {
    expect(budgetFinding(10, forecast(100.01, 100))).toEqual({
      code: 'budget_near',
      severity: 'warning',
      params: { spendUsd: 10, budgetUsd: 100, forecastUsd: 100.01, percent: 10, trigger: 'forecast' },
    });
  });

  it('a forecast exactly at the budget does not exceed it', () => {
    expect(budgetFinding(10, forecast(100, 100))).toBeNull();
  });
});
