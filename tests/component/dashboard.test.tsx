// The dashboard: the full report, the spend-limit states, the last checks, and its
// strings in every locale.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, FindingCode, Report } from '../../src/health/types.ts';
import { createFormatters, createT } from '../../src/i18n/index.ts';
import { Dashboard, type DashboardProps } from '../../src/ui/Dashboard.tsx';
import { EN, fmt, makeReport, t } from './text.ts';

afterEach(cleanup);

type DashboardHistoryEntry = DashboardProps['history'][number];

const NOW = new Date('2026-11-27T16:05:00.000Z');
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderDashboard(props: Partial<DashboardProps> = {}) {
  const view = render(<Dashboard report={null} history={[]} t={t} fmt={fmt} now={NOW} {...props} />);
  const root = view.container.querySelector<HTMLElement>('[data-bytegpt-dashboard]');
  if (!root) throw new Error('no dashboard');
  return { ...view, root };
}

const credits: Finding = { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe', params: { status: 429 } };
const cardExpiring: Finding = { code: 'card_expiring', severity: 'warning', params: { expiry: '12/26', validThrough: '2026-12-31', daysLeft: 34 } };
const quota: Finding = { code: 'quota_unverified', severity: 'info', endpoint: 'probe' };

describe('beside the status panel', () => {
  it("does not repeat the report: the page's status panel shows the findings", () => {
    const { root } = renderDashboard({ report: makeReport('critical', [credits, cardExpiring, quota]) });
    expect(root.getAttribute('data-bytegpt-dashboard')).toBe('critical');
    expect(root.querySelectorAll('[data-finding]')).toHaveLength(0);
  });

  it('says no check has finished when there is no report, and still lists the history', () => {
    const { root } = renderDashboard({ history: [{ at: '2026-11-27T15:00:00.000Z', status: 'ok', findings: [] }] });
    expect(root.getAttribute('data-bytegpt-dashboard')).toBe('none');
    expect(root.textContent).toContain(EN.dashboard.no_report);
    expect(root.querySelector('[data-dashboard="spend"]')).toBeNull();
    expect(root.querySelectorAll('[data-history-at]')).toHaveLength(1);
  });
});

describe('spend-limit state', () => {
  const limitText = (report: Report) => {
    const { root } = renderDashboard({ report });
    const state = root.querySelector('[data-spend-limit]')!;
    const out = [state.getAttribute('data-spend-limit'), plain(state.textContent)];
    cleanup();
    return out;
  };
  const spend = { monthToDateUsd: 40, daily: [] };

  it('says when no limit could be read', () => {
    expect(limitText(makeReport('ok'))).toEqual(['unknown', EN.dashboard.limit.unknown]);
  });

  it('says there is no hard limit when none is enforcing', () => {
    expect(limitText(makeReport('ok', [], { spendLimit: { limitUsd: 0, enforcing: false } }))).toEqual(['none', EN.dashboard.limit.none]);
    expect(limitText(makeReport('ok', [], { spendLimit: { limitUsd: 100, enforcing: false } }))).toEqual(['none', EN.dashboard.limit.none]);
  });

  it('gives an enforced limit and what is left of it', () => {
    expect(limitText(makeReport('ok', [], { spendLimit: { limitUsd: 100, enforcing: true }, spend }))).toEqual([
      'enforcing',
      'Hard limit of $100.00 a month: OpenAI stops requests when spend reaches it. $60.00 left this month.',
    ]);
    expect(limitText(makeReport('ok', [], { spendLimit: { limitUsd: 100, enforcing: true } }))[1]).toBe(
      'Hard limit of $100.00 a month: OpenAI stops requests when spend reaches it.',
    );
  });

  it('says the limit is reached, with its amount when known', () => {
    const reached: Finding = { code: 'spend_limit_reached', severity: 'critical', endpoint: 'spend_limit', params: { limitUsd: 100, spendUsd: 101 } };
    expect(limitText(makeReport('critical', [reached], { spendLimit: { limitUsd: 100, enforcing: true }, spend }))).toEqual([
      'reached',
      'The $100.00 limit has been reached: OpenAI refuses requests until it is raised or the month ends.',
    ]);
    // Spend reached a limit the relay read earlier but not this time: the finding's amount.
    expect(limitText(makeReport('critical', [reached]))[1]).toBe(
      'The $100.00 limit has been reached: OpenAI refuses requests until it is raised or the month ends.',
    );
    const refused: Finding = { code: 'spend_limit_reached', severity: 'critical', endpoint: 'probe', params: { status: 429 } };
    expect(limitText(makeReport('critical', [refused]))).toEqual(['reached', EN.dashboard.limit.reached_plain]);
  });
});

describe('last checks', () => {
  const codes: FindingCode[][] = [[], ['card_expired', 'budget_near'], ['quota_unverified']];
  // 60 checks an hour apart, handed over shuffled.
  const history: DashboardHistoryEntry[] = Array.from({ length: 60 }, (_, i) => ({
    at: new Date(NOW.getTime() - (i + 1) * 3_600_000).toISOString(),
    status: (['ok', 'critical', 'ok'] as const)[i % 3]!,
    findings: codes[i % 3]!,
  })).sort((a, b) => (a.at.slice(11) < b.at.slice(11) ? -1 : 1));

  it('shows at most 50, newest first', () => {
    const { root } = renderDashboard({ history });
    const rows = [...root.querySelectorAll('tr[data-history-at]')].map((row) => row.getAttribute('data-history-at'));
    expect(rows).toHaveLength(50);
    const newest = [...history].map((e) => e.at).sort().reverse().slice(0, 50);
    expect(rows).toEqual(newest);
  });

  it('gives each check its time, status and findings in words', () => {
    const { root } = renderDashboard({ history });
    const [first, second, third] = [...root.querySelectorAll('tr[data-history-at]')];
    const cells = (row: Element | undefined) => [...row!.querySelectorAll('td')].map((cell) => plain(cell.textContent));
    expect(cells(first)).toEqual(['Nov 27, 2026, 3:05 PM1 hour ago', EN.status.ok, EN.dashboard.history.none]);
    expect(first!.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-27T15:05:00.000Z');
    // History keeps codes only: a title's "({expiry})" is dropped, never shown raw.
    expect(cells(second)).toEqual(['Nov 27, 2026, 2:05 PM2 hours ago', EN.status.critical, 'Card expiredClose to the monthly budget']);
    expect([...second!.querySelectorAll('[data-history-finding]')].map((li) => li.getAttribute('data-history-finding'))).toEqual(['card_expired', 'budget_near']);
    expect(cells(third)[1]).toBe(EN.status.ok_untested);
    const old = [...root.querySelectorAll('tr[data-history-at]')].at(-1);
    expect(cells(old)[0]).toMatch(/2 days ago$/);
    expect(root.querySelector('[data-finding]')).toBeNull();
  });

  it('says when nothing is recorded yet', () => {
    const { root } = renderDashboard({ report: makeReport('ok') });
    expect(root.querySelector('[data-dashboard="history"]')!.textContent).toContain(EN.dashboard.history.empty);
  });
});

describe('languages', () => {
  // happy-dom's URL is not node's: plain paths.
  const root = resolve(import.meta.dirname, '../..');
  const locales = ['en', 'es', 'pt', 'tr', 'id'].map((lang) => [lang, JSON.parse(readFileSync(resolve(root, `locales/${lang}.json`), 'utf8'))] as const);

  it('has every dashboard string the components ask for, in every locale', () => {
    const keys = new Set<string>();
    for (const file of readdirSync(resolve(root, 'src/ui')).filter((name) => name.endsWith('.tsx'))) {
      for (const match of readFileSync(resolve(root, 'src/ui', file), 'utf8').matchAll(/'(dashboard\.[a-z_.]+)'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(25);
    for (const [lang, tree] of locales) {
      const tr = createT(tree);
      expect([...keys].filter((key) => tr(key) === key || tr(key).trim() === ''), lang).toEqual([]);
    }
  });

  it('words the month, money and relative times through Intl (pt)', () => {
    const [, pt] = locales.find(([lang]) => lang === 'pt')!;
    const report = makeReport('ok', [], { spend: { monthToDateUsd: 12.5, daily: [{ date: '2026-11-02', usd: 12.5 }] } });
    const history: DashboardHistoryEntry[] = [{ at: '2026-11-26T16:05:00.000Z', status: 'ok', findings: [] }];
    const { root } = renderDashboard({ report, history, t: createT(pt), fmt: createFormatters('pt', { timeZone: 'UTC' }) });
    expect(plain(root.querySelector('[data-dashboard="spend"] h3')!.textContent)).toBe('Gasto em novembro de 2026');
    expect(plain(root.querySelector('[data-legend="cumulative"]')!.textContent)).toBe('Gasto até agora: US$ 12,50');
    expect(root.querySelector('tr[data-history-at]')!.textContent).toContain('ontem');
  });
});
