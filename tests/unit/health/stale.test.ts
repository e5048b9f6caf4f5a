import { describe, expect, it } from 'vitest';
import { staleFinding } from '../../../src/health/stale.ts';
import { utc } from './fixtures.ts';

describe('staleFinding (no successful check for more than 3 × the interval)', () => {
  const now = utc('2026-09-14T12:00:00Z');
  // 15-minute interval → 45 minutes.
  const at = (minutesAgo: number, ms = 0) => new Date(now.getTime() - minutesAgo * 60_000 - ms).toISOString();

  it('uses three intervals, whatever the interval', () => {
    for (const minutes of [1, 15, 1440]) {
      expect(staleFinding(at(3 * minutes), minutes, now), `${minutes} min`).toBeNull();
      expect(staleFinding(at(3 * minutes, 1), minutes, now)?.code, `${minutes} min`).toBe('stale');
    }
  });

  it('exactly 3 intervals old is not stale', () => {
    expect(staleFinding(at(45), 15, now)).toBeNull();
  });

  it('one millisecond more is stale', () => {
    expect(staleFinding(at(45, 1), 15, now)).toEqual({
      code: 'stale',
      severity: 'warning',
      params: { lastSuccessAt: at(45, 1), minutesSince: 45 },
    });
  });

  it('scales with the interval', () => {
    expect(staleFinding(at(100), 60, now)).toBeNull();
    expect(staleFinding(at(181), 60, now)?.params?.minutesSince).toBe(181);
  });

  it('depends only on the last success, so cached signals turn stale as time passes', () => {
    // A check that succeeded at 11:50 stamps lastSuccessAt with its own time; the same
    // (cached) signals judged at 12:00 are fresh, judged at 12:35:01 they are stale.
    const checkedAt = new Date(now.getTime() - 10 * 60_000).toISOString();
    expect(staleFinding(checkedAt, 15, now)).toBeNull();
    const later = new Date(now.getTime() + 35 * 60_000 + 1_000);
    expect(staleFinding(checkedAt, 15, later)).toEqual({
      code: 'stale',
      severity: 'warning',
      params: { lastSuccessAt: checkedAt, minutesSince: 45 },
    });
  });

  it('never without a (readable) last success', () => {
    expect(staleFinding(null, 15, now)).toBeNull();
    expect(staleFinding(undefined, 15, now)).toBeNull();
    expect(staleFinding('', 15, now)).toBeNull();
    expect(staleFinding('not a date', 15, now)).toBeNull();
  });

  it('never for a last success in the future (clock skew)', () => {
    expect(staleFinding(at(-60), 15, now)).toBeNull();
  });
});
