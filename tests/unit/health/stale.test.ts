import { describe, expect, it } from 'vitest';
import { STALE_INTERVALS, staleFinding } from '../../../src/health/stale.ts';
import { utc } from './fixtures.ts';

describe('staleFinding (older than 3 × interval, and this key check failed)', () => {
  const now = utc('2026-09-14T12:00:00Z');
  // 15-minute interval → 45 minutes.
  const at = (minutesAgo: number, ms = 0) => new Date(now.getTime() - minutesAgo * 60_000 - ms).toISOString();

  it('uses three intervals', () => expect(STALE_INTERVALS).toBe(3));

  it('exactly 3 intervals old is not stale', () => {
    expect(staleFinding(at(45), false, 15, now)).toBeNull();
  });

  it('one millisecond more is stale', () => {
    expect(staleFinding(at(45, 1), false, 15, now)).toEqual({
      code: 'stale',
      severity: 'warning',
      params: { lastSuccessAt: at(45, 1), minutesSince: 45 },
    });
  });

  it('scales with the interval', () => {
    expect(staleFinding(at(100), false, 60, now)).toBeNull();
    expect(staleFinding(at(181), false, 60, now)?.params?.minutesSince).toBe(181);
  });

  it('never when this check succeeded', () => {
    expect(staleFinding(at(600), true, 15, now)).toBeNull();
  });

  it('never without a (readable) last success', () => {
    expect(staleFinding(null, false, 15, now)).toBeNull();
    expect(staleFinding(undefined, false, 15, now)).toBeNull();
    expect(staleFinding('', false, 15, now)).toBeNull();
    expect(staleFinding('not a date', false, 15, now)).toBeNull();
  });

  it('never for a last success in the future (clock skew)', () => {
    expect(staleFinding(at(-60), false, 15, now)).toBeNull();
  });
});
