// Month-to-date spend against the owner's monthly budget.
import type { Finding, Forecast } from './types.ts';
import { daysInUtcMonth } from './utc.ts';

/** `budget_near` once spend reaches this share of the budget. */
const NEAR_BUDGET_SHARE = 0.8;

/**
 * The forecast may warn only once this many whole UTC days of the month are over:
 * $2 spent before dawn on the 1st must not be projected to $60.
 */
const FORECAST_CALM_DAYS = 3;

// Costs arrive as high-precision decimals ("0.00042075"); a hair of tolerance keeps
// 5.60 of a 7.00 budget at exactly 80 % instead of losing it to float rounding.
export const EPSILON_USD = 1e-9;

/**
 * Linear month-end projection over WHOLE UTC days, today counted as a full day:
 * `spend / dayOfMonth × daysInMonth`. Counting today whole under-projects slightly
 * early in a day (today's bucket is partial and lags), which is the safe side; a
 * fraction-of-a-day divisor would swing wildly just after midnight on the 1st. The
 * divisor is at least 1, so day 1 and zero spend need no special case.
 */
export function forecastMonthEnd(monthToDateUsd: number, now: Date, budgetUsd: number | null): Forecast {
  const dayOfMonth = now.getUTCDate();
  // Rounded to a hundredth of a cent: a projection has no use for float noise.
  const monthEndUsd = Math.round((monthToDateUsd / dayOfMonth) * daysInUtcMonth(now) * 1e4) / 1e4;
  return { monthEndUsd, budgetUsd, settled: dayOfMonth > FORECAST_CALM_DAYS };
}

export function budgetFinding(spendUsd: number, forecast: Forecast): Finding | null {
  const budgetUsd = forecast.budgetUsd;
  // No budget, or a non-positive one that parseOptions would not have accepted.
  if (budgetUsd === null || !(budgetUsd > 0)) return null;
  const percent = Math.round((spendUsd / budgetUsd) * 100);
  const params = { spendUsd, budgetUsd, forecastUsd: forecast.monthEndUsd, percent };
  if (spendUsd >= budgetUsd - EPSILON_USD) {
    return { code: 'budget_exceeded', severity: 'critical', params };
  }
  if (spendUsd >= budgetUsd * NEAR_BUDGET_SHARE - EPSILON_USD) {
    return { code: 'budget_near', severity: 'warning', params: { ...params, trigger: 'spend' } };
  }
  if (forecast.settled && forecast.monthEndUsd > budgetUsd + EPSILON_USD) {
    return { code: 'budget_near', severity: 'warning', params: { ...params, trigger: 'forecast' } };
  }
  return null;
}
