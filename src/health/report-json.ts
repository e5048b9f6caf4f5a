// The report as data for scripts and servers: the CLI's `--json` and the relay's
// `GET /v1/report` print exactly this, so an operator's script reads both alike.
// The daily spend series is `spend.daily`. Never the key.
import type { Report } from './types.ts';

export interface ReportJsonContext {
  /** The normalized base URL the check asked. */
  baseUrl: string;
  /** The mock scenario that answered, or null for a real run. */
  mock: string | null;
}

export function formatReportJson(report: Report, context: ReportJsonContext): string {
  const out = { ...report, baseUrl: context.baseUrl, ...(context.mock !== null && { mock: context.mock }) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
