// `stale`: "no successful check for 3 × the interval" (design.md). It looks only at
// when the key check last succeeded, not at the signals being judged: the widget
// re-evaluates cached signals later, and a success that is old by now is stale. A
// fresh successful check sets lastSuccessAt to its own time, so it is never stale.
import type { Finding } from './types.ts';

/** Intervals without a successful check before the status is called stale. */
const STALE_INTERVALS = 3;

export function staleFinding(
  lastSuccessAt: string | null | undefined,
  checkEveryMinutes: number,
  now: Date,
): Finding | null {
  if (!lastSuccessAt) return null;
  const last = Date.parse(lastSuccessAt);
  if (Number.isNaN(last)) return null;
  const ageMs = now.getTime() - last;
  // "Older than" is strict: exactly 3 intervals is still fresh. A future time (clock
  // skew) has a negative age, so it is fresh too.
  if (ageMs <= STALE_INTERVALS * checkEveryMinutes * 60_000) return null;
  return {
    code: 'stale',
    severity: 'warning',
    params: { lastSuccessAt: new Date(last).toISOString(), minutesSince: Math.floor(ageMs / 60_000) },
  };
}
