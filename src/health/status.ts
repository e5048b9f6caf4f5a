// Overall status and finding order (design.md: critical > warning > unknown > ok;
// info never lowers it).
import { FINDING_SEVERITY } from './types.ts';
import type { Finding, FindingCode, Severity, Status } from './types.ts';

const SEVERITY_RANK: Record<Severity, number> = { critical: 3, warning: 2, unknown: 1, info: 0 };
const CODE_ORDER = Object.keys(FINDING_SEVERITY) as FindingCode[];

/**
 * The worst severity wins, so a `stale` warning lifts a long `unreachable` spell above
 * "unknown" (that is what `stale` is for). If the key check did not succeed and
 * nothing worse is known, the answer is "unknown", never "ok": even with no finding
 * (e.g. the models request was skipped) we have not seen the key work.
 */
export function overallStatus(findings: readonly Finding[], keyCheckOk: boolean): Status {
  const worst = Math.max(0, ...findings.map((f) => SEVERITY_RANK[f.severity]));
  if (worst === 3) return 'critical';
  if (worst === 2) return 'warning';
  if (worst === 1 || !keyCheckOk) return 'unknown';
  return 'ok';
}

/** Critical first, then by the code's place in design.md's table (stable for the UI). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code),
  );
}
