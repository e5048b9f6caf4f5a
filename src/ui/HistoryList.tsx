// The last checks, newest first: when (date and "3 hours ago"), the status, and the
// findings by their titles. History keeps codes only, never params, so a title's
// placeholder ("Card expired ({expiry})") is dropped rather than shown raw.
import { headlineKey } from '../health/text-params.ts';
import { FINDING_SEVERITY, type FindingCode, type Status } from '../health/types.ts';
import { intlLocale } from '../i18n/locale.ts';
import { StatusIcon } from './icons.tsx';
import type { TextProps } from './types.ts';

/** One past check; the same shape as the monitor's history entry (ui may not import monitor). */
export interface DashboardHistoryEntry {
  /** ISO time the check started. */
  at: string;
  status: Status;
  findings: FindingCode[];
}

interface HistoryListProps extends TextProps {
  history: readonly DashboardHistoryEntry[];
  now: Date;
}

const SHOWN = 50;
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function HistoryList({ history, now, t, fmt }: HistoryListProps) {
  if (history.length === 0) return <p class="bytegpt-health__dash-note">{t('dashboard.history.empty')}</p>;
  // Sorted here too: the order is the list's meaning, whoever built the array.
  const rows = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, SHOWN);
  const relative = new Intl.RelativeTimeFormat(intlLocale(fmt.language), { numeric: 'auto' });
  const ago = (at: string) => {
    const diff = Date.parse(at) - now.getTime();
    const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['minute', 60_000];
    return relative.format(Math.round(diff / ms) || 0, unit);
  };
  const title = (code: FindingCode) => t(`findings.${code}.title`).replace(/\s*\(?\{\w+\}\)?/g, '');
  return (
    <table class="bytegpt-health__history">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.history.when')}</th>
          <th scope="col">{t('dashboard.history.status')}</th>
          <th scope="col">{t('dashboard.history.findings')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((entry) => (
          <tr key={entry.at} data-history-at={entry.at} data-status={entry.status}>
            <td>
              <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
              <span class="bytegpt-health__dash-note">{ago(entry.at)}</span>
            </td>
            <td>
              <span class="bytegpt-health__history-status">
                <StatusIcon kind={entry.status} />
                {t(headlineKey({ status: entry.status, findings: entry.findings.map((code) => ({ code, severity: FINDING_SEVERITY[code] })) }))}
              </span>
            </td>
            <td>
              {entry.findings.length === 0 ? (
                t('dashboard.history.none')
              ) : (
                <ul>
                  {entry.findings.map((code) => (
                    <li key={code} data-history-finding={code}>
                      {title(code)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
