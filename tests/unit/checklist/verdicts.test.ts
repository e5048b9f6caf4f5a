import { describe, expect, it } from 'vitest';
import { criticalBillingCodes, findingFix, needsBillingFix, verifyBlockers } from '../../../src/checklist/verdicts.ts';
import { FINDING_SEVERITY, type FindingCode } from '../../../src/health/types.ts';
import { finding, report } from './fixtures.ts';

const AT = '2026-11-27T14:05:00.000Z';
const ALL = Object.keys(FINDING_SEVERITY) as FindingCode[];

describe('verify: the key check and the credit probe passed', () => {
  it('passes on a healthy report, and with findings the key and credit cannot change', () => {
    expect(verifyBlockers(report(AT))).toEqual([]);
    const unrelated = ['card_expired', 'card_expiring', 'budget_exceeded', 'budget_near', 'balance_low', 'stale', 'spend_unavailable'] as const;
    expect(verifyBlockers(report(AT, ...unrelated.map((code) => finding(code))))).toEqual([]);
    // An auxiliary endpoint failing says nothing about the key or the credit.
    expect(verifyBlockers(report(AT, finding('bad_response', 'costs'), finding('unreachable', 'balance')))).toEqual([]);
  });

  it.each(['key_invalid', 'account_inactive', 'region_blocked', 'credits_exhausted', 'spend_limit_reached', 'key_scope_missing', 'probe_model_unavailable'] as const)(
    'fails on %s',
    (code) => {
      expect(verifyBlockers(report(AT, finding(code, 'probe')))).toEqual([code]);
      expect(verifyBlockers(report(AT, finding(code)))).toEqual([code]);
    },
  );

  it('fails when the probe was switched off: credit was not tested', () => {
    expect(verifyBlockers(report(AT, finding('quota_unverified', 'probe')))).toEqual(['quota_unverified']);
  });

  it.each(['rate_limited', 'unreachable', 'bad_response', 'internal_error'] as const)('fails when the key check or the probe ended in %s', (code) => {
    expect(verifyBlockers(report(AT, finding(code, 'models')))).toEqual([code]);
    expect(verifyBlockers(report(AT, finding(code, 'probe')))).toEqual([code]);
  });

  it('names each blocking code once', () => {
    expect(verifyBlockers(report(AT, finding('unreachable', 'models'), finding('unreachable', 'probe'), finding('key_invalid')))).toEqual(['unreachable', 'key_invalid']);
  });
});

describe('billing findings', () => {
  it('"Fix it" shows for a critical or warning billing finding only', () => {
    for (const code of ['credits_exhausted', 'spend_limit_reached', 'account_inactive', 'card_expired', 'card_expiring'] as const) {
      expect(needsBillingFix(report(AT, finding(code))), code).toBe(true);
    }
    for (const code of ['key_invalid', 'budget_exceeded', 'budget_near', 'balance_low', 'rate_limited', 'region_blocked', 'quota_unverified'] as const) {
      expect(needsBillingFix(report(AT, finding(code))), code).toBe(false);
    }
    // A relay's empty balance is topped up at the relay, not on OpenAI.
    expect(needsBillingFix(report(AT, finding('credits_exhausted', 'balance')))).toBe(false);
    expect(needsBillingFix(report(AT))).toBe(false);
  });

  it('the critical ones are what can start a finished run over', () => {
    const all = report(AT, ...ALL.map((code) => finding(code)));
    expect(criticalBillingCodes(all).sort()).toEqual(['account_inactive', 'card_expired', 'credits_exhausted', 'spend_limit_reached']);
  });
});

describe('where each finding is fixed', () => {
  it('billing problems lead to their step, key and probe problems to the settings', () => {
    const fixes = Object.fromEntries(ALL.map((code) => [code, findingFix(finding(code))]));
    expect(fixes).toEqual({
      key_invalid: { kind: 'settings' },
      account_inactive: { kind: 'step', step: 'billing' },
      region_blocked: { kind: 'step', step: 'support' },
      credits_exhausted: { kind: 'step', step: 'billing' },
      spend_limit_reached: { kind: 'step', step: 'billing' },
      card_expired: { kind: 'step', step: 'payment_methods' },
      budget_exceeded: { kind: 'settings' },
      key_scope_missing: { kind: 'settings' },
      probe_model_unavailable: { kind: 'settings' },
      card_expiring: { kind: 'step', step: 'payment_methods' },
      budget_near: { kind: 'settings' },
      balance_low: null,
      rate_limited: null,
      stale: null,
      unreachable: { kind: 'settings' },
      relay_refused: { kind: 'settings' },
      bad_response: { kind: 'settings' },
      internal_error: null,
      quota_unverified: { kind: 'settings' },
      spend_unavailable: null,
    });
    expect(findingFix(finding('credits_exhausted', 'balance'))).toBeNull();
  });
});
