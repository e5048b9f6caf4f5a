// Card expiry rules. OpenAI has no API for the card, so the owner types "MM/YY" in the
// settings. A card printed "MM/YY" is valid THROUGH the last day of that month.
import { isCardExpiry } from './options.ts';
import type { Finding } from './types.ts';
import { isoDay, lastDayOfMonthNumber, localDayNumber } from './utc.ts';

/**
 * Warn when the card stops working within this many days. `daysLeft` counts the days
 * the card still works, today included: (last valid day − today) + 1, so 1 on the
 * last valid day and 0 the day after (expired). The warning shows while
 * `daysLeft <= 30`, i.e. last valid day − today < 30.
 */
const CARD_WARNING_DAYS = 30;

/** Day number of the card's last valid day; "YY" is read as 20YY. */
function cardLastValidDay(expiry: string): number {
  const month = Number(expiry.slice(0, 2));
  const year = 2000 + Number(expiry.slice(3, 5));
  return lastDayOfMonthNumber(year, month - 1);
}

/** `timeZone`: the user's IANA zone; by default the runtime's (the browser's). */
export function cardExpiryFinding(expiry: string | null, now: Date, timeZone?: string): Finding | null {
  if (!isCardExpiry(expiry)) return null;
  const lastDay = cardLastValidDay(expiry);
  // The user's own calendar day: in São Paulo the card still works until local midnight.
  const daysLeft = lastDay - localDayNumber(now, timeZone) + 1;
  const validThrough = isoDay(lastDay);
  if (daysLeft <= 0) {
    return { code: 'card_expired', severity: 'critical', params: { expiry, validThrough } };
  }
  if (daysLeft <= CARD_WARNING_DAYS) {
    return { code: 'card_expiring', severity: 'warning', params: { expiry, validThrough, daysLeft } };
  }
  return null;
}
