// This month's spend in inline SVG: two bands over one day axis.
//  - Top: month to date as a cumulative line, a dashed forecast to month end, and the
//    monthly budget as a flat line. "Will we cross the budget?" is then where the
//    dashed line ends against the flat one; a budget spread into a daily allowance
//    would make the reader add up bars to find out.
//  - Bottom: one bar per UTC day (billing days are UTC) so far, the rest of the month
//    left empty, so a runaway day stands out. A day is about 1/30 of the month, so on
//    the top band's scale bars would be flat, and a second y-axis on the same plot
//    invites reading bars against the budget; a band of their own avoids both.
// The SVG is role="img" with a one-sentence summary; a visually hidden table gives
// screen readers every day's amount.
import { daysInUtcMonth } from '../health/utc.ts';
import type { Forecast, SpendSignal } from '../health/types.ts';
import type { TextProps } from './types.ts';

interface SpendChartProps extends TextProps {
  spend: SpendSignal;
  forecast?: Forecast | undefined;
  /** ISO time of the check: its UTC month is drawn, and its UTC day is "today". */
  checkedAt: string;
}

const W = 480;
const H = 230;
const RIGHT = 8;
const TOTAL = { top: 20, height: 88 };
const DAILY = { top: 146, height: 60 };
const AXIS_Y = 222;

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`, so gridlines fall on round amounts. */
function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-9)) ?? 10) * power;
}

/** Amounts of the check's UTC month, index 0 = day 1, through today; missing days are 0. */
function monthAmounts(spend: SpendSignal, at: Date, prefix: string): number[] {
  const amounts = Array.from({ length: at.getUTCDate() }, () => 0);
  for (const { date, usd } of spend.daily) {
    const index = Number(date.slice(8, 10)) - 1;
    if (date.startsWith(prefix) && index >= 0 && index < amounts.length) amounts[index] = (amounts[index] ?? 0) + usd;
  }
  return amounts;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function SpendChart({ spend, forecast, checkedAt, t, fmt }: SpendChartProps) {
  const at = new Date(checkedAt);
  if (Number.isNaN(at.getTime())) return null;
  const prefix = at.toISOString().slice(0, 8);
  const dayIso = (day: number) => `${prefix}${String(day).padStart(2, '0')}`;
  const days = daysInUtcMonth(at);
  const amounts = monthAmounts(spend, at, prefix);
  const today = amounts.length;
  let running = 0;
  const cumulative = amounts.map((usd) => (running += usd));
  const budget = forecast && forecast.budgetUsd !== null && forecast.budgetUsd > 0 ? forecast.budgetUsd : null;
  // Once the month is over there is nothing left to forecast.
  const ahead = forecast && today < days ? forecast.monthEndUsd : null;

  const totalMax = niceCeil(Math.max(running, spend.monthToDateUsd, ahead ?? 0, budget ?? 0));
  const dailyMax = niceCeil(Math.max(...amounts));
  const ticks = [
    { y: TOTAL.top, usd: totalMax },
    { y: TOTAL.top + TOTAL.height / 2, usd: totalMax / 2 },
    { y: TOTAL.top + TOTAL.height, usd: 0 },
    { y: DAILY.top, usd: dailyMax },
    { y: DAILY.top + DAILY.height, usd: 0 },
  ].map((tick) => ({ ...tick, label: fmt.usd(tick.usd) }));
  // Room for the longest amount label at 11px (about 6px a character).
  const gutter = Math.min(96, 8 + 6 * Math.max(...ticks.map((tick) => tick.label.length)));
  const slot = (W - RIGHT - gutter) / days;
  const x = (day: number) => round(gutter + day * slot);
  const yTotal = (usd: number) => round(TOTAL.top + TOTAL.height * (1 - usd / totalMax));
  const barHeight = (usd: number) => (usd > 0 ? Math.max(1, round((DAILY.height * usd) / dailyMax)) : 0);
  const dayLabels = [1, 5, 10, 15, 20, 25].filter((day) => days - day >= 3).concat(days);

  const spent = fmt.usd(spend.monthToDateUsd);
  const legend: Array<[kind: string, text: string]> = [
    ['bar', t('dashboard.chart.daily')],
    ['cumulative', t('dashboard.chart.spent', { amount: spent })],
  ];
  if (ahead !== null) legend.push(['forecast', t('dashboard.chart.forecast', { amount: fmt.usd(ahead) })]);
  if (budget !== null) legend.push(['budget', t('dashboard.chart.budget', { amount: fmt.usd(budget) })]);
  const summary = [t('dashboard.chart.summary', { amount: spent, from: fmt.date(dayIso(1)), to: fmt.date(dayIso(today)) })]
    .concat(legend.slice(2).map(([, text]) => `${text}.`))
    .join(' ');

  return (
    <figure class="bytegpt-health__chart" data-chart="spend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <text x={gutter} y={TOTAL.top - 8}>{t('dashboard.chart.total_axis')}</text>
        <text x={gutter} y={DAILY.top - 8}>{t('dashboard.chart.daily_axis')}</text>
        {ticks.map((tick) => (
          <g key={tick.y}>
            <line class={tick.usd === 0 ? 'bytegpt-health__axis' : 'bytegpt-health__grid'} x1={gutter} x2={W - RIGHT} y1={tick.y} y2={tick.y} />
            <text x={gutter - 4} y={tick.y + 4} text-anchor="end">{tick.label}</text>
          </g>
        ))}
        {amounts.map((usd, i) => {
          const height = barHeight(usd);
          return (
            <rect
              key={i}
              class="bytegpt-health__bar"
              data-day={dayIso(i + 1)}
              data-usd={usd}
              x={round(gutter + (i + 0.15) * slot)}
              y={DAILY.top + DAILY.height - height}
              width={round(slot * 0.7)}
              height={height}
            />
          );
        })}
        {budget !== null ? <line data-line="budget" x1={gutter} x2={W - RIGHT} y1={yTotal(budget)} y2={yTotal(budget)} /> : null}
        <polyline data-line="cumulative" points={[`${x(0)},${yTotal(0)}`, ...cumulative.map((usd, i) => `${x(i + 1)},${yTotal(usd)}`)].join(' ')} />
        {ahead !== null ? (
          <line data-line="forecast" x1={x(today)} y1={yTotal(running)} x2={x(days)} y2={yTotal(ahead)} />
        ) : null}
        {dayLabels.map((day) => (
          <text key={day} x={round(gutter + (day - 0.5) * slot)} y={AXIS_Y} text-anchor="middle">
            {fmt.number(day)}
          </text>
        ))}
      </svg>
      <ul class="bytegpt-health__legend">
        {legend.map(([kind, text]) => (
          <li key={kind} data-legend={kind}>
            <span class={`bytegpt-health__swatch bytegpt-health__swatch--${kind}`} aria-hidden="true" />
            {text}
          </li>
        ))}
      </ul>
      {forecast && ahead !== null && !forecast.settled ? <p class="bytegpt-health__dash-note">{t('dashboard.chart.forecast_early')}</p> : null}
      <table class="bytegpt-health__sr">
        <caption>{t('dashboard.chart.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.chart.day')}</th>
            <th scope="col">{t('dashboard.chart.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {amounts.map((usd, i) => (
            <tr key={i} data-day={dayIso(i + 1)}>
              <th scope="row">{fmt.date(dayIso(i + 1))}</th>
              <td>{fmt.usd(usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
