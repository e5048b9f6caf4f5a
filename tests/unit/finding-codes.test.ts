import { describe, expect, expectTypeOf, it } from 'vitest';
import { FINDING_SEVERITY, type ErrorCode, type FindingCode } from '../../src/health/types.ts';

// design.md fixes these codes and severities: other people automate against them.
describe('finding codes', () => {
  it('match the table in design.md', () => {
    const bySeverity = (s: string) => Object.entries(FINDING_SEVERITY).filter(([, v]) => v === s).map(([k]) => k);
    expect(bySeverity('critical')).toEqual([
      'key_invalid', 'account_inactive', 'region_blocked', 'credits_exhausted',
      'spend_limit_reached', 'card_expired', 'budget_exceeded',
    ]);
    expect(bySeverity('warning')).toEqual([
      'key_scope_missing', 'probe_model_unavailable', 'card_expiring', 'budget_near', 'balance_low', 'rate_limited', 'stale',
    ]);
    // internal_error is ours (the widget's own failure), beside design.md's table;
    // relay_refused is in design.md's "Relay" paragraph.
    expect(bySeverity('unknown')).toEqual(['unreachable', 'relay_refused', 'bad_response', 'internal_error']);
    expect(bySeverity('info')).toEqual(['quota_unverified', 'spend_unavailable']);
  });

  // Checked by tsc (npm run typecheck), which covers tests/.
  it('include every code a failed request is classified into', () => {
    expectTypeOf<ErrorCode>().toExtend<FindingCode>();
  });
});
