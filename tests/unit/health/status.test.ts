import { describe, expect, it } from 'vitest';
import { keyCheckState, overallStatus, sortFindings } from '../../../src/health/status.ts';
import { FINDING_SEVERITY } from '../../../src/health/types.ts';
import type { Finding, FindingCode } from '../../../src/health/types.ts';

const f = (code: FindingCode): Finding => ({ code, severity: FINDING_SEVERITY[code] });

describe('keyCheckState', () => {
  it('ok → succeeded', () => {
    expect(keyCheckState({ kind: 'ok', value: { count: 1 } })).toBe('succeeded');
  });

  it.each(['disabled', 'not_applicable', 'unavailable'] as const)('skipped (%s) → incomplete', (reason) => {
    expect(keyCheckState({ kind: 'skipped', reason })).toBe('incomplete');
  });

  it.each(['unreachable', 'bad_response', 'internal_error'] as const)('%s (no readable answer) → incomplete', (code) => {
    expect(keyCheckState({ kind: 'error', code, status: 502 })).toBe('incomplete');
  });

  it.each([
    'key_invalid', 'account_inactive', 'region_blocked', 'credits_exhausted', 'spend_limit_reached',
    'key_scope_missing', 'probe_model_unavailable', 'rate_limited',
  ] as const)('%s (a readable answer) → answered', (code) => {
    expect(keyCheckState({ kind: 'error', code })).toBe('answered');
  });
});

describe('overallStatus', () => {
  it('ok with no findings and a working key', () => {
    expect(overallStatus([], 'succeeded')).toBe('ok');
  });

  it('info never lowers it', () => {
    expect(overallStatus([f('quota_unverified'), f('spend_unavailable')], 'succeeded')).toBe('ok');
  });

  it.each([
    [['unreachable'], 'unknown'],
    [['rate_limited', 'unreachable'], 'warning'],
    [['stale', 'unreachable'], 'warning'],
    [['card_expired', 'stale', 'unreachable'], 'critical'],
    [['quota_unverified', 'card_expiring'], 'warning'],
    [['bad_response', 'quota_unverified'], 'unknown'],
    [['budget_exceeded', 'quota_unverified'], 'critical'],
  ] as [FindingCode[], string][])('key check succeeded: %j → %s (worst wins)', (codes, status) => {
    expect(overallStatus(codes.map(f), 'succeeded')).toBe(status);
    expect(overallStatus([...codes].reverse().map(f), 'succeeded')).toBe(status);
  });

  it.each([
    [[], 'unknown'],
    [['quota_unverified'], 'unknown'],
    [['unreachable'], 'unknown'],
    // design.md: unknown when the key check could not complete and nothing critical is known…
    [['stale', 'unreachable'], 'unknown'],
    [['card_expiring', 'budget_near', 'balance_low'], 'unknown'],
    [['rate_limited', 'bad_response'], 'unknown'],
    // …but a known critical problem still outranks it.
    [['card_expired', 'stale', 'unreachable'], 'critical'],
    [['credits_exhausted', 'quota_unverified'], 'critical'],
  ] as [FindingCode[], string][])('key check incomplete: %j → %s', (codes, status) => {
    expect(overallStatus(codes.map(f), 'incomplete')).toBe(status);
    expect(overallStatus([...codes].reverse().map(f), 'incomplete')).toBe(status);
  });

  it.each([
    [['key_invalid'], 'critical'],
    [['rate_limited'], 'warning'],
    [['key_scope_missing', 'stale'], 'warning'],
    [['stale', 'unreachable'], 'warning'],
    // A refusal that raised nothing worse than info has still not shown the key working.
    [['spend_unavailable'], 'unknown'],
    [[], 'unknown'],
  ] as [FindingCode[], string][])('key check answered (completed, not ok): %j → %s', (codes, status) => {
    expect(overallStatus(codes.map(f), 'answered')).toBe(status);
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
