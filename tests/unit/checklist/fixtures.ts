// Reports for the walkthrough's rules: only the findings matter to them.
import { FINDING_SEVERITY, type Endpoint, type Finding, type FindingCode, type Report } from '../../../src/health/types.ts';

export function finding(code: FindingCode, endpoint?: Endpoint): Finding {
  return { code, severity: FINDING_SEVERITY[code], ...(endpoint ? { endpoint } : {}) };
}

export function report(checkedAt: string, ...findings: Finding[]): Report {
  const worst = findings.some((f) => f.severity === 'critical') ? 'critical' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  return { status: worst, findings, checkedAt };
}
