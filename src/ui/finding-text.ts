// A finding's params, worded for its sentence. The placeholder aliases ({amount},
// {days}…) and money formatting come from src/health/text-params.ts, shared with the
// CLI; here plain numbers and bare days get the user's locale too. Values only ever
// reach the DOM as text.
import type { Formatters, TranslateParams } from '../i18n/index.ts';
import { findingActionKey, findingTextParams } from '../health/text-params.ts';
import type { Finding } from '../health/types.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formatFindingParams(finding: Finding, fmt: Formatters): TranslateParams {
  const out: TranslateParams = {};
  for (const [key, value] of Object.entries(findingTextParams(finding, { usd: fmt.usd }))) {
    if (typeof value === 'number') out[key] = key === 'status' ? String(value) : fmt.number(value);
    else if (DAY.test(value)) out[key] = fmt.date(value);
    else out[key] = value;
  }
  return out;
}

/** An `unreachable` whose apiCode says the widget's own engine.js did not load (src/monitor/check-engine.ts). */
const WIDGET_FILES = 'widget_files';

/** Failures of the check relay itself (monitor/relay-engine.ts marks them `via: relay`). */
const RELAY_WORDED: ReadonlySet<string> = new Set(['unreachable', 'bad_response', 'rate_limited']);

/**
 * The locale keys of a finding's title and advice: a failed load of the widget's files,
 * and the relay's own failures (which are not OpenAI's), get their own words.
 */
export function findingKeys(finding: Finding): { title: string; action: string } {
  if (finding.code === 'unreachable' && finding.params?.apiCode === WIDGET_FILES) {
    return { title: 'findings.unreachable.title_widget_files', action: 'findings.unreachable.action_widget_files' };
  }
  if (finding.params?.via === 'relay' && RELAY_WORDED.has(finding.code)) {
    return { title: `findings.${finding.code}.title_relay`, action: `findings.${finding.code}.action_relay` };
  }
  return { title: `findings.${finding.code}.title`, action: findingActionKey(finding) };
}
