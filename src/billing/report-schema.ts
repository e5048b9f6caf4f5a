// The check relay's answer to GET /v1/report: `unknown` until this zod schema accepts it
// (design.md). Findings are read by the same code as a cached report's
// (src/health/report-reader.ts), so what the network accepted reads back alike from the
// cache; only the fields the panels read survive, severities come from our own table.
import * as z from 'zod/mini';
import { MAX_FINDINGS, readFindings, STATUSES } from '../health/report-reader.ts';
import type { Report, Status } from '../health/types.ts';
import { VALUE_SCHEMAS } from './value-schemas.ts';

const isoTime = z.string().check(z.refine((at) => at.length <= 40 && !Number.isNaN(Date.parse(at))));

const ReportSchema = z.object({
  // Said with z.custom: a union or an enum would add zod classes to the bundle.
  status: z.custom<Status>((value) => STATUSES.has(value)),
  findings: z.array(z.unknown()).check(z.refine((list) => list.length <= MAX_FINDINGS)),
  checkedAt: isoTime,
  spend: z.optional(VALUE_SCHEMAS.costs),
  forecast: z.optional(z.object({ monthEndUsd: z.number(), budgetUsd: z.nullable(z.number()), settled: z.boolean() })),
  balance: z.optional(VALUE_SCHEMAS.balance),
  spendLimit: z.optional(VALUE_SCHEMAS.spend_limit),
  lastSuccessAt: z.optional(isoTime),
});

/** The report as the panels read it, or null when the body is not one. */
export function parseReport(raw: unknown): Report | null {
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) return null;
  const findings = readFindings(parsed.data.findings);
  if (!findings) return null;
  const { spend, forecast, balance, spendLimit, lastSuccessAt, status, checkedAt } = parsed.data;
  return {
    status,
    findings,
    checkedAt,
    ...(spend ? { spend } : {}),
    ...(forecast ? { forecast } : {}),
    ...(balance ? { balance } : {}),
    ...(spendLimit ? { spendLimit } : {}),
    ...(lastSuccessAt ? { lastSuccessAt } : {}),
  };
}
