// Finding params carry raw values with units in their names (spendUsd, daysLeft);
// locale texts use short placeholders ({amount}, {days}). This maps one to the other
// with amounts already formatted, so the sidebar and the CLI word findings the same.
import type { Finding, Report } from './types.ts';

export interface ParamFormat {
  usd(amount: number): string;
}

/** Raw param → the placeholder name the locale texts use. */
const PLACEHOLDER: Record<string, string> = {
  spendUsd: 'amount',
  remainingUsd: 'amount',
  budgetUsd: 'budget',
  thresholdUsd: 'threshold',
  forecastUsd: 'forecast',
  limitUsd: 'limit',
  daysLeft: 'days',
  minutesSince: 'minutes',
};

/** The raw params plus their placeholder aliases; every `…Usd` value is formatted as money. */
export function findingTextParams(finding: Finding, format: ParamFormat): Record<string, string | number> {
  const out: Record<string, string | number> = { code: finding.code };
  for (const [name, value] of Object.entries(finding.params ?? {})) {
    const shown = name.endsWith('Usd') && typeof value === 'number' ? format.usd(value) : value;
    out[name] = shown;
    const alias = PLACEHOLDER[name];
    if (alias !== undefined) out[alias] = shown;
  }
  return out;
}

/** Findings whose advice depends on the endpoint that raised them (locale key `action_<endpoint>`). */
const ENDPOINT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  key_scope_missing: ['models'],
  credits_exhausted: ['balance'],
};

/** The `apiCode` of an `unreachable` whose round could not load the widget's engine.js. */
export const ENGINE_NOT_LOADED = 'widget_files';
/** What a finding's `via` param says when the check relay itself failed (not OpenAI). */
export const VIA_RELAY = 'relay';
const RELAY_WORDED: ReadonlySet<string> = new Set(['unreachable', 'bad_response', 'rate_limited']);

/**
 * Findings that are not OpenAI's get their own title and advice (`title_<v>`,
 * `action_<v>`): the widget's own files did not load, or the check relay failed.
 */
function sourceVariant(finding: Finding): string | null {
  if (finding.code === 'unreachable' && finding.params?.apiCode === ENGINE_NOT_LOADED) return 'widget_files';
  if (finding.params?.via === VIA_RELAY && RELAY_WORDED.has(finding.code)) return 'relay';
  return null;
}

/** The locale key of a finding's title. */
export function findingTitleKey(finding: Finding): string {
  const variant = sourceVariant(finding);
  return variant === null ? `findings.${finding.code}.title` : `findings.${finding.code}.title_${variant}`;
}

/** The locale key of a finding's advice: its source's or the refusing endpoint's variant when there is one. */
export function findingActionKey(finding: Finding): string {
  const source = sourceVariant(finding);
  if (source !== null) return `findings.${finding.code}.action_${source}`;
  const variants = ENDPOINT_ACTIONS[finding.code];
  const endpoint = finding.endpoint;
  return endpoint !== undefined && variants?.includes(endpoint) ? `findings.${finding.code}.action_${endpoint}` : `findings.${finding.code}.action`;
}

/** The status line: an ok without the credit probe says the key works, never "all good". */
export function headlineKey(report: Pick<Report, 'status' | 'findings'>): string {
  if (report.status === 'ok' && report.findings.some((f) => f.code === 'quota_unverified')) return 'status.ok_untested';
  return `status.${report.status}`;
}
