// A report read back from the cross-tab cache, without zod. The relay's body is checked
// by the zod schema in src/billing/report-schema.ts, which reads its findings with
// `readFindings` from here, so a report the network accepted is read back the same way
// (tests/unit/health/value-agreement.test.ts). Only the fields the panels read survive;
// severities come from our own table, never from the stored value.
import { ENDPOINT_IDS, type Endpoint } from './endpoints.ts';
import { bool, finite, is, isoTime, isPlainObject, nullable, object, type Reader } from './shape.ts';
import { FINDING_SEVERITY, type Finding, type Report, type Status } from './types.ts';
import { VALUE_READERS } from './value-readers.ts';

export const STATUSES: ReadonlySet<unknown> = new Set(['ok', 'warning', 'critical', 'unknown']);
export const MAX_FINDINGS = 64;
// Finding params are words in a sentence: short, few, never markup that matters (text only).
const MAX_PARAMS = 16;
const MAX_PARAM_NAME_CHARS = 40;
const MAX_PARAM_CHARS = 200;
const ENDPOINT_SET: ReadonlySet<unknown> = new Set(ENDPOINT_IDS);

function isParams(value: unknown): value is Record<string, string | number> {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_PARAMS &&
    entries.every(([name, v]) => name.length <= MAX_PARAM_NAME_CHARS && (Number.isFinite(v) || (typeof v === 'string' && v.length <= MAX_PARAM_CHARS)))
  );
}

const findingShape = object(
  { code: is<string>((code) => typeof code === 'string') },
  { endpoint: is<Endpoint>((endpoint) => ENDPOINT_SET.has(endpoint)), params: is<Record<string, string | number>>(isParams) },
);

/**
 * One finding, or null for a code this widget does not know (a newer relay may add
 * codes; the relay's status still counts them). A malformed finding is `undefined`.
 */
function readFinding(raw: unknown): Finding | null | undefined {
  const finding = findingShape(raw);
  if (!finding) return undefined;
  const { code, endpoint, params } = finding;
  if (!Object.hasOwn(FINDING_SEVERITY, code)) return null;
  const known = code as keyof typeof FINDING_SEVERITY;
  // A fresh copy made of data properties: a "__proto__" param stays a plain entry.
  return { code: known, severity: FINDING_SEVERITY[known], ...(endpoint ? { endpoint } : {}), ...(params ? { params: Object.fromEntries(Object.entries(params)) } : {}) };
}

/** The findings in their order, unknown codes left out; undefined when one is malformed. */
export const readFindings: Reader<Finding[]> = (value) => {
  if (!Array.isArray(value) || value.length > MAX_FINDINGS) return undefined;
  const findings: Finding[] = [];
  for (const item of value) {
    const finding = readFinding(item);
    if (finding === undefined) return undefined;
    if (finding) findings.push(finding);
  }
  return findings;
};

const readCachedReport = object(
  { status: is<Status>((status) => STATUSES.has(status)), findings: readFindings, checkedAt: isoTime },
  {
    spend: VALUE_READERS.costs,
    forecast: object({ monthEndUsd: finite(), budgetUsd: nullable(finite()), settled: bool }),
    balance: VALUE_READERS.balance,
    spendLimit: VALUE_READERS.spend_limit,
    lastSuccessAt: isoTime,
  },
);

/** A cached report as the panels read it, or null when the value is not one. */
export function readReport(raw: unknown): Report | null {
  return readCachedReport(raw) ?? null;
}
