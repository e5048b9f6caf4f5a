// `stale`: the last good answer is too old to trust. Only raised when THIS check's key
// check failed too; a successful check is fresh by definition.
import type { Finding } from './types.ts';

/** Intervals without a successful check before the status is called stale. */
export const STALE_INTERVALS = 3;

export function staleFinding(
  lastSuccessAt: string | null | undefined,
  keyCheckOk: boolean,
  checkEveryMinutes: number,
  now: Date,
): Finding | null {
  if (keyCheckOk || !lastSuccessAt) return null;
  const last = Date.parse(lastSuccessAt);
  if (Number.isNaN(last)) return null;
  const ageMs = now.getTime() - last;
  // "Older than" is strict: exactly 3 intervals is still fresh.
  if (ageMs <= STALE_INTERVALS * checkEveryMinutes * 60_000) return null;
  return {
    code: 'stale',
    severity: 'warning',
    params: { lastSuccessAt: new Date(last).toISOString(), minutesSince: Math.floor(ageMs / 60_000) },
  };
}
