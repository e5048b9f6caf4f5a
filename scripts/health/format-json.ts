// `--json`: the report as data ({"status","findings":[{"code","severity",…}],"checkedAt",…})
// plus where it was checked. Never the key.
import type { Report } from '../../src/health/types.ts';

export interface RunContext {
  baseUrl: string;
  mock: string | null;
}

export function formatJson(report: Report, context: RunContext): string {
  const out = { ...report, baseUrl: context.baseUrl, ...(context.mock !== null && { mock: context.mock }) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
