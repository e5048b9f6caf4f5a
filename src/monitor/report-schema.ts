// A report that comes from the check relay (GET /v1/report) or is read back from the
// cross-tab cache: `unknown` until this schema accepts it (design.md). Only the fields
// the panels read survive; severities come from our own table, never from the body.
import * as z from 'zod/mini';
import { ENDPOINT_IDS, type Endpoint } from '../health/endpoints.ts';
import { FINDING_SEVERITY, type Finding, type FindingCode, type Report, type Status } from '../health/types.ts';
import { VALUE_SCHEMAS } from './signals-schema.ts';

const STATUSES: ReadonlySet<unknown> = new Set(['ok', 'warning', 'critical', 'unknown']);
const ENDPOINT_SET: ReadonlySet<unknown> = new Set(ENDPOINT_IDS);
// Finding params are words in a sentence: short, few, never markup that matters (text only).
const MAX_PARAMS = 16;
const MAX_PARAM_CHARS = 200;
const MAX_FINDINGS = 64;
// A month has at most 31 days; a relay that sends more is not describing one month.
const MAX_DAYS = 62;

const isoTime = z.string().check(z.refine((at) => at.length <= 40 && !Number.isNaN(Date.parse(at))));

/** Said with z.custom: a union or a record would add zod classes to the bundle. */
function isParams(value: unknown): value is Record<string, string | number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_PARAMS &&
    entries.every(([name, v]) => name.length <= 40 && (Number.isFinite(v) || (typeof v === 'string' && v.length <= MAX_PARAM_CHARS)))
  );
}

const FindingSchema = z.object({
  code: z.string(),
  endpoint: z.optional(z.custom<Endpoint>((value) => ENDPOINT_SET.has(value))),
  params: z.optional(z.custom<Record<string, string | number>>(isParams)),
});

const ReportSchema = z.object({
  status: z.custom<Status>((value) => STATUSES.has(value)),
  findings: z.array(z.unknown()).check(z.refine((list) => list.length <= MAX_FINDINGS)),
  checkedAt: isoTime,
  spend: z.optional(VALUE_SCHEMAS.costs.check(z.refine((spend) => spend.daily.length <= MAX_DAYS))),
  forecast: z.optional(z.object({ monthEndUsd: z.number(), budgetUsd: z.nullable(z.number()), settled: z.boolean() })),
  balance: z.optional(VALUE_SCHEMAS.balance),
  spendLimit: z.optional(VALUE_SCHEMAS.spend_limit),
  lastSuccessAt: z.optional(isoTime),
});

const isKnownCode = (code: string): code is FindingCode => Object.hasOwn(FINDING_SEVERITY, code);

/**
 * One finding, or null for a code this widget does not know (a newer relay may add
 * codes; the relay's status still counts them). A malformed finding is `undefined`.
 */
function readFinding(raw: unknown): Finding | null | undefined {
  const parsed = FindingSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { code, endpoint, params } = parsed.data;
  if (!isKnownCode(code)) return null;
  return { code, severity: FINDING_SEVERITY[code], ...(endpoint ? { endpoint } : {}), ...(params ? { params } : {}) };
}

/** The report as the panels read it, or null when the body is not one. */
export function parseReport(raw: unknown): Report | null {
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { findings: rawFindings, spend, forecast, balance, spendLimit, lastSuccessAt, status, checkedAt } = parsed.data;
  const findings: Finding[] = [];
  for (const item of rawFindings) {
    const finding = readFinding(item);
    if (finding === undefined) return null;
    if (finding) findings.push(finding);
  }
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
