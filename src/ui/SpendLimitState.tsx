// The organization's hard spend limit in one sentence. `enforcing` only says a cap is
// set (src/health/spend-limit.ts); "reached" comes from the finding, which also covers
// a probe refused with a spend-limit 429 when the limit itself could not be read.
import type { Report } from '../health/types.ts';
import { StatusIcon } from './icons.tsx';
import type { TextProps } from './types.ts';

interface SpendLimitStateProps extends TextProps {
  report: Report;
}

const ICON = { reached: 'critical', enforcing: 'ok', none: 'info', unknown: 'unknown' } as const;

export function SpendLimitState({ report, t, fmt }: SpendLimitStateProps) {
  const limit = report.spendLimit;
  const reached = report.findings.find((f) => f.code === 'spend_limit_reached');
  const enforced = limit?.enforcing && limit.limitUsd !== null && limit.limitUsd > 0 ? limit.limitUsd : null;
  const limitUsd = enforced ?? reached?.params?.limitUsd;
  const state = reached ? 'reached' : enforced !== null ? 'enforcing' : limit ? 'none' : 'unknown';
  let text: string;
  if (state === 'reached') {
    text = typeof limitUsd === 'number' ? t('dashboard.limit.reached', { limit: fmt.usd(limitUsd) }) : t('dashboard.limit.reached_plain');
  } else if (enforced !== null) {
    text = t('dashboard.limit.enforcing', { limit: fmt.usd(enforced) });
    if (report.spend) text += ` ${t('dashboard.limit.left', { amount: fmt.usd(Math.max(0, enforced - report.spend.monthToDateUsd)) })}`;
  } else {
    text = t(limit ? 'dashboard.limit.none' : 'dashboard.limit.unknown');
  }
  return (
    <p class="bytegpt-health__limit" data-spend-limit={state}>
      <StatusIcon kind={ICON[state]} />
      <span>{text}</span>
    </p>
  );
}
