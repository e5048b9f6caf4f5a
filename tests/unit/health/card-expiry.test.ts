import { describe, expect, it } from 'vitest';
import { cardExpiryFinding } from '../../../src/health/card-expiry.ts';
import { utc } from './fixtures.ts';

// Read as the finding reports it (validThrough), on a day when every card here has expired.
describe('the last valid day of an MM/YY card', () => {
  it.each([
    ['12/26', '2026-12-31'],
    ['01/27', '2027-01-31'],
    ['04/26', '2026-04-30'],
    ['02/27', '2027-02-28'],
    ['02/28', '2028-02-29'], // leap year
    ['02/00', '2000-02-29'], // 2000 is a leap year (divisible by 400)
    ['02/99', '2099-02-28'],
  ])('%s is valid through %s', (expiry, day) => {
    expect(cardExpiryFinding(expiry, utc('2100-01-01T00:00:00Z'))?.params?.validThrough).toBe(day);
  });
});

describe('cardExpiryFinding', () => {
  it('is null without a (valid) expiry', () => {
    expect(cardExpiryFinding(null, utc('2026-09-14T10:00:00Z'))).toBeNull();
    expect(cardExpiryFinding('13/26', utc('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('is null while the card has more than 30 days left', () => {
    expect(cardExpiryFinding('12/26', utc('2026-09-14T10:00:00Z'))).toBeNull();
  });

  describe('month end, December → January', () => {
    it('last second of the last valid day: expiring, 1 day left', () => {
      expect(cardExpiryFinding('12/26', utc('2026-12-31T23:59:59.999Z'))).toEqual({
        code: 'card_expiring',
        severity: 'warning',
        params: { expiry: '12/26', validThrough: '2026-12-31', daysLeft: 1 },
      });
    });

    it('first instant of the next month (and year): expired', () => {
      expect(cardExpiryFinding('12/26', utc('2027-01-01T00:00:00Z'))).toEqual({
        code: 'card_expired',
        severity: 'critical',
        params: { expiry: '12/26', validThrough: '2026-12-31' },
      });
    });

    it('stays expired later on', () => {
      expect(cardExpiryFinding('12/26', utc('2028-06-01T00:00:00Z'))?.code).toBe('card_expired');
    });
  });

  describe('leap February', () => {
    it('02/28 still works on 29 Feb 2028', () => {
      expect(cardExpiryFinding('02/28', utc('2028-02-29T12:00:00Z'))).toMatchObject({
        code: 'card_expiring',
        params: { daysLeft: 1, validThrough: '2028-02-29' },
      });
    });

    it('02/28 is expired on 1 Mar 2028', () => {
      expect(cardExpiryFinding('02/28', utc('2028-03-01T00:00:00Z'))?.code).toBe('card_expired');
    });

    it('02/27 is expired on 1 Mar 2027 (no 29th)', () => {
      expect(cardExpiryFinding('02/27', utc('2027-02-28T23:00:00Z'))?.code).toBe('card_expiring');
      expect(cardExpiryFinding('02/27', utc('2027-03-01T00:00:00Z'))?.code).toBe('card_expired');
    });
  });

  describe('the 30-day edge (daysLeft counts today; warn while daysLeft <= 30)', () => {
    // 12/26 is valid through 31 Dec: on 2 Dec it has 30 days left (2nd..31st).
    it('30 days left → expiring', () => {
      expect(cardExpiryFinding('12/26', utc('2026-12-02T00:00:00Z'))).toMatchObject({
        code: 'card_expiring',
        params: { daysLeft: 30 },
      });
      expect(cardExpiryFinding('12/26', utc('2026-12-02T23:59:59Z'))?.params?.daysLeft).toBe(30);
    });

    it('31 days left → nothing yet', () => {
      expect(cardExpiryFinding('12/26', utc('2026-12-01T23:59:59.999Z'))).toBeNull();
    });

    it('counts across a month end', () => {
      // 01/27 is valid through 31 Jan 2027; on 2 Jan: 30 days left; on 1 Jan: 31.
      expect(cardExpiryFinding('01/27', utc('2027-01-02T08:00:00Z'))?.params?.daysLeft).toBe(30);
      expect(cardExpiryFinding('01/27', utc('2027-01-01T08:00:00Z'))).toBeNull();
      // 02/27 (28 days): on 30 Jan there are 2 + 28 = 30 days left.
      expect(cardExpiryFinding('02/27', utc('2027-01-30T08:00:00Z'))?.params?.daysLeft).toBe(30);
      expect(cardExpiryFinding('02/27', utc('2027-01-29T08:00:00Z'))).toBeNull();
    });
  });
});
