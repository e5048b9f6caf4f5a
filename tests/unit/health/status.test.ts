import { describe, expect, it } from 'vitest';
import { overallStatus, sortFindings } from '../../../src/health/status.ts';
import { FINDING_SEVERITY } from '../../../src/health/types.ts';
import type { Finding, FindingCode } from '../../../src/health/types.ts';

const f = (code: FindingCode): Finding => ({ code, severity: FINDING_SEVERITY[code] });

describe('overallStatus', () => {
  it('ok with no findings and a working key', () => {
    expect(overallStatus([], true)).toBe('ok');
  });

  it('info never lowers it', () => {
    expect(overallStatus([f('quota_unverified'), f('spend_unavailable')], true)).toBe('ok');
  });

  it.each([
    [['unreachable'], 'unknown'],
    [['rate_limited', 'unreachable'], 'warning'],
    [['stale', 'unreachable'], 'warning'],
    [['card_expired', 'stale', 'unreachable'], 'critical'],
    [['quota_unverified', 'card_expiring'], 'warning'],
    [['bad_response', 'quota_unverified'], 'unknown'],
    [['budget_exceeded', 'quota_unverified'], 'critical'],
  ] as [FindingCode[], string][])('%j → %s (worst wins)', (codes, status) => {
    expect(overallStatus(codes.map(f), true)).toBe(status);
    expect(overallStatus([...codes].reverse().map(f), true)).toBe(status);
  });

  it('a key check that did not succeed is at least unknown', () => {
    expect(overallStatus([], false)).toBe('unknown');
    expect(overallStatus([f('quota_unverified')], false)).toBe('unknown');
    // …but known problems still outrank it.
    expect(overallStatus([f('rate_limited')], false)).toBe('warning');
    expect(overallStatus([f('key_invalid')], false)).toBe('critical');
  });
});

describe('sortFindings', () => {
  it('puts critical first, then warning, unknown, info; ties by the design table order', () => {
    const shuffled: FindingCode[] = [
      'quota_unverified', 'stale', 'unreachable', 'budget_exceeded', 'card_expiring',
      'spend_unavailable', 'key_invalid', 'bad_response', 'rate_limited', 'credits_exhausted',
    ];
    expect(sortFindings(shuffled.map(f)).map((x) => x.code)).toEqual([
      'key_invalid', 'credits_exhausted', 'budget_exceeded',
      'card_expiring', 'rate_limited', 'stale',
      'unreachable', 'bad_response',
      'quota_unverified', 'spend_unavailable',
    ]);
  });

  it('is the same whatever the input order, and does not mutate the input', () => {
    const codes = Object.keys(FINDING_SEVERITY) as FindingCode[];
    const input = [...codes].reverse().map(f);
    const copy = [...input];
    expect(sortFindings(input).map((x) => x.code)).toEqual(codes);
    expect(input).toEqual(copy);
  });
});
