// The spend chart through the Dashboard, as the lead mounts it: bars against the daily
// data, the budget and forecast lines, and the text alternative.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/health/types.ts';
import { Dashboard } from '../../src/ui/Dashboard.tsx';
import { EN, fmt, makeReport, t } from './text.ts';

afterEach(cleanup);

// The check ran on 27 November 2026 (UTC): 27 days so far, 3 left.
const amountOf = (day: number) => (day === 3 ? 0 : (day % 5) * 2 + 1);
const DAYS_SO_FAR = Array.from({ length: 27 }, (_, i) => i + 1);
const daily = [
  { date: '2026-10-31', usd: 500 },
  ...DAYS_SO_FAR.filter((day) => day !== 3).map((day) => ({ date: `2026-11-${String(day).padStart(2, '0')}`, usd: amountOf(day) })),
  // A bucket after the check's day is no day "so far".
  { date: '2026-11-29', usd: 400 },
];
const MONTH_TO_DATE = DAYS_SO_FAR.reduce((sum, day) => sum + amountOf(day), 0);

function withSpend(budgetUsd: number | null, extra: Partial<Report> = {}): Report {
  return makeReport('ok', [], {
    spend: { monthToDateUsd: MONTH_TO_DATE, daily },
    forecast: { monthEndUsd: 180, budgetUsd, settled: true },
    ...extra,
  });
}

function renderChart(report: Report) {
  const { container } = render(<Dashboard report={report} history={[]} t={t} fmt={fmt} now={new Date('2026-11-27T16:00:00Z')} />);
  const svg = container.querySelector('svg[role="img"]');
  if (!svg) throw new Error('no chart');
  return { container, svg };
}

const num = (el: Element | null, name: string) => Number(el?.getAttribute(name));
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('spend chart bars', () => {
  it('draws one bar per UTC day so far, none for the days left or other months', () => {
    const { svg } = renderChart(withSpend(null));
    const bars = [...svg.querySelectorAll('rect[data-day]')];
    expect(bars.map((bar) => bar.getAttribute('data-day'))).toEqual(DAYS_SO_FAR.map((day) => `2026-11-${String(day).padStart(2, '0')}`));
    expect(bars.map((bar) => Number(bar.getAttribute('data-usd')))).toEqual(DAYS_SO_FAR.map(amountOf));
  });

  it('makes bar heights proportional to the amounts, a missing day flat', () => {
    const { svg } = renderChart(withSpend(null));
    const bars = [...svg.querySelectorAll('rect[data-day]')];
    const ratios = bars.filter((bar) => num(bar, 'data-usd') > 0).map((bar) => num(bar, 'height') / num(bar, 'data-usd'));
    // The tallest day (9) sits under a round $10 gridline: 60 px × 9/10.
    expect(Math.max(...bars.map((bar) => num(bar, 'height')))).toBeCloseTo(54, 1);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0]!, 1);
    expect(num(svg.querySelector('rect[data-day="2026-11-03"]'), 'height')).toBe(0);
    // Bars stand on the same baseline.
    expect(new Set(bars.map((bar) => num(bar, 'y') + num(bar, 'height'))).size).toBe(1);
  });

  it('labels the days and the amounts on the axes', () => {
    const { svg } = renderChart(withSpend(null));
    const labels = [...svg.querySelectorAll('text')].map((text) => plain(text.textContent));
    expect(labels).toEqual(expect.arrayContaining(['1', '5', '10', '15', '20', '25', '30', EN.dashboard.chart.total_axis, EN.dashboard.chart.daily_axis]));
    expect(labels).toEqual(expect.arrayContaining(['$10.00', '$0.00', fmt.usd(200)]));
  });
});

describe('budget and forecast lines', () => {
  it('draws the budget line and a dashed forecast to month end when there is a budget', () => {
    const { svg, container } = renderChart(withSpend(150));
    const budget = svg.querySelector('line[data-line="budget"]');
    const forecast = svg.querySelector('line[data-line="forecast"]');
    const cumulative = svg.querySelector('polyline[data-line="cumulative"]');
    expect(budget).not.toBeNull();
    expect(num(budget, 'y1')).toBe(num(budget, 'y2'));
    // The forecast starts where spend so far ends and reaches the month's last day…
    const last = cumulative!.getAttribute('points')!.split(' ').at(-1)!.split(',').map(Number);
    expect([num(forecast, 'x1'), num(forecast, 'y1')]).toEqual(last);
    expect(num(forecast, 'x2')).toBe(num(budget, 'x2'));
    // …above the budget line, since $180 is over $150 (SVG y grows downwards).
    expect(num(forecast, 'y2')).toBeLessThan(num(budget, 'y1'));
    const legend = [...container.querySelectorAll('[data-legend]')].map((li) => li.getAttribute('data-legend'));
    expect(legend).toEqual(['bar', 'cumulative', 'forecast', 'budget']);
    expect(plain(container.querySelector('[data-legend="budget"]')!.textContent)).toBe('Monthly budget: $150.00');
    expect(plain(container.querySelector('[data-legend="forecast"]')!.textContent)).toBe('Month-end forecast: $180.00');
  });

  it('puts spend so far on the same scale as the budget', () => {
    const { svg } = renderChart(withSpend(150));
    const budget = svg.querySelector('line[data-line="budget"]');
    const points = svg.querySelector('polyline')!.getAttribute('points')!.split(' ').map((p) => p.split(',').map(Number));
    const zero = points[0]![1]!;
    const spent = points.at(-1)![1]!;
    expect((zero - spent) / (zero - num(budget, 'y1'))).toBeCloseTo(MONTH_TO_DATE / 150, 2);
    expect(points).toHaveLength(28);
  });

  it('draws no budget line without a budget, and no forecast once the month is over', () => {
    expect(renderChart(withSpend(null)).svg.querySelector('[data-line="budget"]')).toBeNull();
    cleanup();
    const { svg } = renderChart(withSpend(null));
    expect(svg.querySelector('[data-line="forecast"]')).not.toBeNull();
    cleanup();
    const lastDay = renderChart(withSpend(150, { checkedAt: '2026-11-30T23:00:00.000Z' }));
    expect(lastDay.svg.querySelector('[data-line="forecast"]')).toBeNull();
    expect(lastDay.svg.querySelector('[data-line="budget"]')).not.toBeNull();
  });

  it('says the forecast is rough in the first days of the month', () => {
    const early = withSpend(150);
    early.forecast = { monthEndUsd: 180, budgetUsd: 150, settled: false };
    const { container } = renderChart(early);
    expect(container.textContent).toContain(EN.dashboard.chart.forecast_early);
    cleanup();
    expect(renderChart(withSpend(150)).container.textContent).not.toContain(EN.dashboard.chart.forecast_early);
  });
});

describe('text alternative', () => {
  it('summarises the chart in the image label', () => {
    const { svg } = renderChart(withSpend(150));
    expect(plain(svg.getAttribute('aria-label'))).toBe(
      `${fmt.usd(MONTH_TO_DATE)} spent from Nov 1, 2026 to Nov 27, 2026. Month-end forecast: $180.00. Monthly budget: $150.00.`,
    );
  });

  it("lists every day's amount in a table for screen readers", () => {
    const { container } = renderChart(withSpend(150));
    const table = container.querySelector('table.bytegpt-health__sr')!;
    expect(table.querySelector('caption')!.textContent).toBe(EN.dashboard.chart.table);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => plain(cell.textContent)));
    expect(rows).toEqual(DAYS_SO_FAR.map((day) => [`Nov ${day}, 2026`, fmt.usd(amountOf(day))]));
  });
});

describe('spend unavailable', () => {
  const spendUnavailable: Finding = { code: 'spend_unavailable', severity: 'info', endpoint: 'costs' };

  it('explains that spend needs an Admin key held by a server-side relay', () => {
    const { container } = render(<Dashboard report={makeReport('ok', [spendUnavailable])} history={[]} t={t} fmt={fmt} />);
    expect(container.querySelector('svg[role="img"]')).toBeNull();
    const notice = container.querySelector('[data-spend="unavailable"]')!;
    expect(notice.textContent).toContain(EN.dashboard.spend.unavailable);
    expect(notice.textContent).toContain(EN.dashboard.spend.why_admin);
    expect(notice.textContent).toContain(EN.dashboard.spend.how);
    expect(EN.dashboard.spend.how).toMatch(/relay/);
    expect(EN.dashboard.spend.why_admin).toMatch(/Admin key.*never.*browser/);
  });

  it('prefers the explanation over stale figures, and says the check failed when no finding says why', () => {
    const both = render(<Dashboard report={withSpend(150, { findings: [spendUnavailable] })} history={[]} t={t} fmt={fmt} />);
    expect(both.container.querySelector('svg[role="img"]')).toBeNull();
    cleanup();
    const { container } = render(<Dashboard report={makeReport('unknown')} history={[]} t={t} fmt={fmt} />);
    const notice = container.querySelector('[data-spend="unavailable"]')!;
    expect(notice.textContent).toContain(EN.dashboard.spend.why_failed);
    expect(notice.textContent).not.toContain(EN.dashboard.spend.why_admin);
  });
});
