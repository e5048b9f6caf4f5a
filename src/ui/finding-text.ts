// A finding's params, worded for its sentence. The placeholder aliases ({amount},
// {days}…) and money formatting come from src/health/text-params.ts, shared with the
// CLI; here plain numbers and bare days get the user's locale too. Values only ever
// reach the DOM as text.
import type { Formatters, TranslateParams } from '../i18n/index.ts';
import { findingTextParams } from '../health/text-params.ts';
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
