// Verdicts II in the pure rules: the user's own calendar day for the card, a calm
// forecast, empty and unlimited wallets, named permissions, and the words chosen.
import { describe, expect, it } from 'vitest';
import { cardExpiryFinding } from '../../../src/health/card-expiry.ts';
import { budgetFinding, forecastMonthEnd } from '../../../src/health/forecast.ts';
import { balanceFinding } from '../../../src/health/balance.ts';
import { permissionOf } from '../../../src/health/permissions.ts';
import { findingActionKey, headlineKey } from '../../../src/health/text-params.ts';
import { localDayNumber } from '../../../src/health/utc.ts';
import { utc } from './fixtures.ts';

describe('card expiry by the user\'s own calendar day (rule 10)', () => {
  // 22:30 on 30 September in São Paulo (UTC-3) is already 1 October in UTC.
  const lastEvening = utc('2026-10-01T01:30:00Z');

  it('in São Paulo the card still works on its last evening', () => {
    expect(cardExpiryFinding('09/26', lastEvening, 'America/Sao_Paulo')).toMatchObject({ code: 'card_expiring', params: { daysLeft: 1 } });
  });

  it('in UTC the same instant is the day after', () => {
    expect(cardExpiryFinding('09/26', lastEvening, 'UTC')).toMatchObject({ code: 'card_expired' });
  });

  it('east of UTC the new day comes earlier', () => {
    expect(cardExpiryFinding('09/26', utc('2026-09-30T20:00:00Z'), 'Asia/Jakarta')).toMatchObject({ code: 'card_expired' });
  });

  it('without a zone it uses the runtime\'s (the browser\'s)', () => {
    const at = utc('2026-09-30T12:00:00Z');
    expect(localDayNumber(at)).toBe(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()) / 86_400_000);
    expect(localDayNumber(lastEvening, 'America/Sao_Paulo')).toBe(Date.UTC(2026, 8, 30) / 86_400_000);
  });
});

describe('a calm forecast (rule 11)', () => {
  it.each([
    ['2026-09-01T05:00:00Z', false],
    ['2026-09-03T23:59:59Z', false],
    ['2026-09-04T00:00:00Z', true],
  ])('at %s the projection is settled: %s', (at, settled) => {
    expect(forecastMonthEnd(2, utc(at), 50).settled).toBe(settled);
  });

  it('before 3 full days only actual spend warns', () => {
    const early = forecastMonthEnd(2, utc('2026-09-01T05:00:00Z'), 50);
    expect(early.monthEndUsd).toBe(60);
    expect(budgetFinding(2, early)).toBeNull();
    expect(budgetFinding(40, forecastMonthEnd(40, utc('2026-09-01T05:00:00Z'), 50))).toMatchObject({ code: 'budget_near', params: { trigger: 'spend' } });
  });

  it('from the 4th the projection warns', () => {
    expect(budgetFinding(8, forecastMonthEnd(8, utc('2026-09-04T05:00:00Z'), 50))).toMatchObject({ code: 'budget_near', params: { trigger: 'forecast' } });
  });
});

describe('relay wallet (rule 4)', () => {
  const wallet = (remainingUsd: number, unlimited?: boolean) => ({ totalUsd: 20, usedUsd: 20 - remainingUsd, remainingUsd, ...(unlimited ? { unlimited } : {}) });

  it('empty or negative is critical whatever the threshold', () => {
    for (const threshold of [null, 0, 100]) {
      expect(balanceFinding(wallet(0), threshold)).toMatchObject({ code: 'credits_exhausted', severity: 'critical' });
      expect(balanceFinding(wallet(-1), threshold)).toMatchObject({ code: 'credits_exhausted' });
    }
  });

  it('low is a warning, enough is nothing, unlimited is never low', () => {
    expect(balanceFinding(wallet(1), 5)).toMatchObject({ code: 'balance_low', severity: 'warning' });
    expect(balanceFinding(wallet(10), 5)).toBeNull();
    expect(balanceFinding(wallet(1), null)).toBeNull();
    expect(balanceFinding(wallet(0, true), 5)).toBeNull();
  });
});

describe('the permission a scope finding names (rule 7)', () => {
  it.each([
    ['models', undefined, 'Models: Read'],
    ['probe', undefined, 'Model capabilities: Request'],
    ['models', 'api.model.read', 'Models: Read'],
    ['models', 'model.read', 'Models: Read'],
    ['probe', 'model.request', 'Model capabilities: Request'],
    ['probe', 'api.model.request', 'Model capabilities: Request'],
    ['probe', 'api.responses.write', 'Model capabilities: Request'],
    ['costs', 'api.usage.read', 'api.usage.read'],
    ['costs', undefined, 'Models: Read'],
  ] as const)('%s refusing %s → %s', (endpoint, scope, permission) => {
    expect(permissionOf(endpoint, scope)).toBe(permission);
  });
});

describe('the words chosen', () => {
  it('an ok report without the probe says "key works, credit not tested" (rule 1)', () => {
    expect(headlineKey({ status: 'ok', findings: [{ code: 'quota_unverified', severity: 'info' }] })).toBe('status.ok_untested');
    expect(headlineKey({ status: 'ok', findings: [] })).toBe('status.ok');
    expect(headlineKey({ status: 'warning', findings: [{ code: 'quota_unverified', severity: 'info' }] })).toBe('status.warning');
  });

  it('the advice fits the endpoint that refused', () => {
    expect(findingActionKey({ code: 'key_scope_missing', severity: 'warning', endpoint: 'models' })).toBe('findings.key_scope_missing.action_models');
    expect(findingActionKey({ code: 'key_scope_missing', severity: 'warning', endpoint: 'probe' })).toBe('findings.key_scope_missing.action');
    expect(findingActionKey({ code: 'credits_exhausted', severity: 'critical', endpoint: 'balance' })).toBe('findings.credits_exhausted.action_balance');
    expect(findingActionKey({ code: 'stale', severity: 'warning' })).toBe('findings.stale.action');
  });
});
