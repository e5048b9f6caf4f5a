// Calendar helpers. Billing months and OpenAI's daily cost buckets are UTC, so spend
// rules count whole UTC days. A card, though, expires by its owner's own calendar:
// the card rule counts the user's local days (localDayNumber).
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of the calendar day `date` falls on in `timeZone` (an IANA
 * name), or in the runtime's own zone (the browser's) when none is given.
 */
export function localDayNumber(date: Date, timeZone?: string): number {
  if (timeZone === undefined) return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS;
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
