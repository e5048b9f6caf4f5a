// Month-to-date spend, budget, forecast and relay balance, when the check found them.
import type { Report } from '../health/types.ts';
import type { TextProps } from './types.ts';

interface SpendLinesProps extends TextProps {
  report: Report;
}

export function SpendLines({ report, t, fmt }: SpendLinesProps) {
  const rows: Array<[key: string, label: string, value: string]> = [];
  if (report.spend) rows.push(['spend', t('panel.spend_month'), fmt.usd(report.spend.monthToDateUsd)]);
  if (report.forecast?.budgetUsd != null) rows.push(['budget', t('panel.budget'), fmt.usd(report.forecast.budgetUsd)]);
  if (report.forecast) rows.push(['forecast', t('panel.forecast'), fmt.usd(report.forecast.monthEndUsd)]);
  // A relay's unlimited token has a sentinel limit, not money: it shows as unlimited.
  if (report.balance) rows.push(['balance', t('panel.balance'), report.balance.unlimited ? t('panel.unlimited') : fmt.usd(report.balance.remainingUsd)]);
  if (rows.length === 0) return null;
  return (
    <dl class="bytegpt-health__figures">
      {rows.map(([key, label, value]) => (
        <div class="bytegpt-health__figure" key={key} data-figure={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
