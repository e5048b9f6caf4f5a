// Overall status and finding order (design.md: critical > warning > unknown > ok;
// info never lowers it; `unknown` when the key check could not complete and nothing
// critical is known).
import { FINDING_SEVERITY } from './types.ts';
import type { Finding, FindingCode, Outcome, Severity, Status } from './types.ts';

const SEVERITY_RANK: Record<Severity, number> = { critical: 3, warning: 2, unknown: 1, info: 0 };
const CODE_ORDER = Object.keys(FINDING_SEVERITY) as FindingCode[];

/**
 * How far the key check (GET /v1/models) got: `succeeded`; `answered` = it completed
 * with a readable refusal (key_invalid, rate_limited, …); `incomplete` = it was not
 * made, or got no answer we could read (unreachable, bad_response).
 */
export type KeyCheck = 'succeeded' | 'answered' | 'incomplete';

const INCOMPLETE_CODES: ReadonlySet<string> = new Set(['unreachable', 'bad_response', 'internal_error']);

export function keyCheckState(models: Outcome<unknown>): KeyCheck {
  if (models.kind === 'ok') return 'succeeded';
  if (models.kind === 'skipped' || INCOMPLETE_CODES.has(models.code)) return 'incomplete';
  return 'answered';
}

/**
 * Critical always wins. Otherwise a key check that could not complete makes the
 * answer "unknown" even over warnings such as `stale` or `card_expiring` (they stay
 * in the findings): design.md says so literally, and a warning would suggest we know
 * the key works apart from that. Otherwise the worst severity wins, and "ok" needs a
 * key check that succeeded: a refusal that raised nothing worse than info is unknown.
 */
export function overallStatus(findings: readonly Finding[], keyCheck: KeyCheck): Status {
  const worst = Math.max(0, ...findings.map((f) => SEVERITY_RANK[f.severity]));
  if (worst === 3) return 'critical';
  if (keyCheck === 'incomplete') return 'unknown';
  if (worst === 2) return 'warning';
  if (worst === 1 || keyCheck !== 'succeeded') return 'unknown';
  return 'ok';
}

/** Critical first, then by the code's place in design.md's table (stable for the UI). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code),
  );
}
