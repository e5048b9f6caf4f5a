// What a report means for the walkthrough: whether "verify" passes, which findings the
// walkthrough fixes (the sidebar's "Fix it" entry), which ones start it over, and where
// each finding's fix lives (a step, or the widget settings).
import type { Finding, FindingCode, Report } from '../health/types.ts';
import type { StepId } from './steps.ts';

/**
 * Verify passes when the key check (GET /v1/models) and the credit probe both went
 * through. A report shows that by what it lacks:
 * - no finding about the key, the account or the credit: key_invalid, account_inactive,
 *   region_blocked, credits_exhausted, spend_limit_reached, key_scope_missing,
 *   probe_model_unavailable;
 * - no quota_unverified: the probe was switched off, so credit was not tested (the
 *   probe is otherwise only skipped when the key could not be sent, i.e. key_invalid);
 * - no other failure of those two requests (rate_limited, unreachable, bad_response,
 *   internal_error with endpoint `models` or `probe`): the check did not complete.
 * Findings that OpenAI's answer cannot change (card_expired from the typed expiry,
 * budgets, spend, a relay's balance) do not block it.
 */
const KEY_AND_CREDIT_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'key_invalid',
  'account_inactive',
  'region_blocked',
  'credits_exhausted',
  'spend_limit_reached',
  'key_scope_missing',
  'probe_model_unavailable',
  'quota_unverified',
]);

const KEY_REQUESTS: ReadonlySet<string> = new Set(['models', 'probe']);

/** The finding codes that keep verify from passing, in the report's order; [] = passed. */
export function verifyBlockers(report: Pick<Report, 'findings'>): FindingCode[] {
  const codes = report.findings
    .filter((f) => KEY_AND_CREDIT_CODES.has(f.code) || (f.endpoint !== undefined && KEY_REQUESTS.has(f.endpoint)))
    .map((f) => f.code);
  return [...new Set(codes)];
}

/**
 * Where each finding is fixed. Billing problems lead to the walkthrough's step; key,
 * probe, base URL and budget problems to the widget settings; a region block only
 * OpenAI support can answer. No entry: nothing to open (rate limits pass, `stale` has
 * the check-again button, a relay is topped up at the relay, spend needs a relay).
 */
type FindingFix = { kind: 'step'; step: StepId } | { kind: 'settings' };

const FIXES: Partial<Record<FindingCode, FindingFix>> = {
  credits_exhausted: { kind: 'step', step: 'billing' },
  spend_limit_reached: { kind: 'step', step: 'billing' },
  account_inactive: { kind: 'step', step: 'billing' },
  card_expired: { kind: 'step', step: 'payment_methods' },
  card_expiring: { kind: 'step', step: 'payment_methods' },
  region_blocked: { kind: 'step', step: 'support' },
  key_invalid: { kind: 'settings' },
  key_scope_missing: { kind: 'settings' },
  probe_model_unavailable: { kind: 'settings' },
  quota_unverified: { kind: 'settings' },
  unreachable: { kind: 'settings' },
  relay_refused: { kind: 'settings' },
  bad_response: { kind: 'settings' },
  budget_exceeded: { kind: 'settings' },
  budget_near: { kind: 'settings' },
};

/** A relay's own balance (endpoint `balance`) is topped up at the relay, not on OpenAI. */
const isRelayBalance = (finding: Finding) => finding.endpoint === 'balance';

export function findingFix(finding: Finding): FindingFix | null {
  if (isRelayBalance(finding)) return null;
  return FIXES[finding.code] ?? null;
}

/**
 * Billing findings: the problems updating OpenAI's payment details fixes. The sidebar's
 * "Fix it" entry shows for any of them; the critical ones start a finished run over.
 * Not key_invalid (fixed in the settings, not on the billing pages), not budgets (the
 * owner's own threshold in the settings), not a relay's balance.
 */
const BILLING_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'credits_exhausted',
  'spend_limit_reached',
  'account_inactive',
  'card_expired',
  'card_expiring',
]);

function billingFindings(report: Pick<Report, 'findings'>): Finding[] {
  return report.findings.filter((f) => BILLING_CODES.has(f.code) && !isRelayBalance(f));
}

/** True when the report has a critical or warning billing finding (the sidebar's "Fix it"). */
export function needsBillingFix(report: Pick<Report, 'findings'>): boolean {
  return billingFindings(report).some((f) => f.severity === 'critical' || f.severity === 'warning');
}

/** The critical billing codes of a report: a new one after a finished run starts it over. */
export function criticalBillingCodes(report: Pick<Report, 'findings'>): FindingCode[] {
  return billingFindings(report)
    .filter((f) => f.severity === 'critical')
    .map((f) => f.code);
}
