// The dashboard (advanced_settings), under the page's status panel (which is the full
// report: status, every finding with its action, the figures): this month's spend, the
// spend limit and the last checks. Props in, nothing else: the page that mounts it owns
// the engine and the history.
import type { Report } from '../health/types.ts';
import { intlLocale } from '../i18n/locale.ts';
import { HistoryList, type DashboardHistoryEntry } from './HistoryList.tsx';
import { SpendChart } from './SpendChart.tsx';
import { SpendLimitState } from './SpendLimitState.tsx';
import type { TextProps } from './types.ts';

export interface DashboardProps extends TextProps {
  report: Report | null;
  /** The last checks, newest first (up to 50 are shown). */
  history: readonly DashboardHistoryEntry[];
  /** The clock "3 hours ago" counts from; the time of rendering when absent. */
  now?: Date;
}

/** Where the chart would be: why spend is missing, and what would show it. */
function SpendUnavailable({ report, t }: { report: Report } & Pick<TextProps, 't'>) {
  const needsAdmin = report.findings.some((f) => f.code === 'spend_unavailable');
  return (
    <div class="bytegpt-health__dash-callout" data-spend="unavailable">
      <strong>{t('dashboard.spend.unavailable')}</strong>
      <p>{t(needsAdmin ? 'dashboard.spend.why_admin' : 'dashboard.spend.why_failed')}</p>
      <p>{t('dashboard.spend.how')}</p>
    </div>
  );
}

function SpendSection({ report, t, fmt }: { report: Report } & TextProps) {
  // Billing months are UTC, like the chart's days.
  const month = new Intl.DateTimeFormat(intlLocale(fmt.language), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const spend = report.findings.some((f) => f.code === 'spend_unavailable') ? undefined : report.spend;
  return (
    <section class="bytegpt-health__dash-section" data-dashboard="spend">
      <h3 class="bytegpt-health__dash-heading">{t('dashboard.spend.title', { month: month.format(new Date(report.checkedAt)) })}</h3>
      {spend ? (
        <SpendChart spend={spend} forecast={report.forecast} checkedAt={report.checkedAt} t={t} fmt={fmt} />
      ) : (
        <SpendUnavailable report={report} t={t} />
      )}
    </section>
  );
}

export function Dashboard({ report, history, now, t, fmt }: DashboardProps) {
  return (
    <div class={`bytegpt-health__dash bytegpt-health--${report?.status ?? 'unknown'}`} data-bytegpt-dashboard={report?.status ?? 'none'}>
      {report ? null : <p>{t('dashboard.no_report')}</p>}
      {report ? <SpendSection report={report} t={t} fmt={fmt} /> : null}
      {report ? (
        <section class="bytegpt-health__dash-section" data-dashboard="limit">
          <h3 class="bytegpt-health__dash-heading">{t('dashboard.limit.title')}</h3>
          <SpendLimitState report={report} t={t} fmt={fmt} />
        </section>
      ) : null}
      <section class="bytegpt-health__dash-section" data-dashboard="history">
        <h3 class="bytegpt-health__dash-heading">{t('dashboard.history.title')}</h3>
        <HistoryList history={history} now={now ?? new Date()} t={t} fmt={fmt} />
      </section>
    </div>
  );
}
