// UTC calendar helpers. Billing months and OpenAI's daily cost buckets are UTC, so
// every date rule counts whole UTC days, never local time.
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of the day `date` falls on. */
export function utcDayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Day number of the last day of a month; `month0` is 0-based and may be 12 (→ next year). */
export function lastDayOfMonthNumber(year: number, month0: number): number {
  // Day 0 of the following month is the last day of this one (handles leap Februaries).
  return Date.UTC(year, month0 + 1, 0) / DAY_MS;
}

export function daysInUtcMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** YYYY-MM-DD of a day number. */
export function isoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
