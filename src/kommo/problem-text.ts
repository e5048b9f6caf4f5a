// "What is wrong", in one line of the user's language: the worst finding's title, or the
// status when no finding says more. The admin reminder task and the critical alert both
// use it, so they name the problem the way the sidebar does.
import { sortFindings } from '../health/status.ts';
import { findingTitleKey, headlineKey } from '../health/text-params.ts';
import type { Report } from '../health/types.ts';
import type { Formatters, Translate } from '../i18n/index.ts';
import { formatFindingParams } from '../ui/finding-text.ts';

export function problemText(report: Pick<Report, 'status' | 'findings'>, t: Translate, fmt: Formatters): string {
  const top = sortFindings(report.findings).find((f) => f.severity === 'critical' || f.severity === 'warning');
  return top ? t(findingTitleKey(top), formatFindingParams(top, fmt)) : t(headlineKey(report));
}

/** The widget's dashboard (its advanced_settings page), where an admin fixes things. */
export function dashboardPath(code: string | null): string {
  return code ? `/settings/widgets/${encodeURIComponent(code)}/` : '/settings/widgets/';
}
