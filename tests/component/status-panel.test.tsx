import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/health/types.ts';
import { StatusPanel, type StatusPanelProps } from '../../src/ui/StatusPanel.tsx';
import type { PanelState } from '../../src/ui/types.ts';
import { EN, fmt, makeReport, t } from './text.ts';

afterEach(cleanup);

function renderPanel(state: Partial<PanelState> = {}, props: Partial<StatusPanelProps> = {}) {
  const onRecheck = vi.fn();
  const full: PanelState = { report: null, checking: false, configured: true, ...state };
  const view = render(<StatusPanel state={full} role="admin" t={t} fmt={fmt} onRecheck={onRecheck} configureHref="/settings/widgets/" {...props} />);
  const root = view.container.querySelector<HTMLElement>('.bytegpt-health-root');
  if (!root) throw new Error('no root');
  return { ...view, root, onRecheck };
}

const cardExpiring: Finding = { code: 'card_expiring', severity: 'warning', params: { expiry: '12/26', validThrough: '2026-12-31', daysLeft: 12 } };
const budgetNear: Finding = { code: 'budget_near', severity: 'warning', params: { spendUsd: 85, budgetUsd: 100, forecastUsd: 120, percent: 85 } };
const credits: Finding = { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe', params: { status: 429, apiCode: 'insufficient_quota' } };
const quotaInfo: Finding = { code: 'quota_unverified', severity: 'info', endpoint: 'probe' };

describe('StatusPanel status', () => {
  it.each(['ok', 'warning', 'critical', 'unknown'] as const)('shows %s on the root and in words', (status) => {
    const { root } = renderPanel({ report: makeReport(status) });
    expect(root.getAttribute('data-bytegpt-health')).toBe(status);
    expect(screen.getByRole('status').textContent).toBe(EN.status[status]);
    expect(root.getAttribute('aria-busy')).toBe('false');
  });

  it('shows checking while a check runs, with the button disabled', () => {
    const { root, onRecheck } = renderPanel({ checking: true });
    expect(root.getAttribute('data-bytegpt-health')).toBe('checking');
    expect(root.getAttribute('aria-busy')).toBe('true');
    const button = root.querySelector<HTMLButtonElement>('[data-action="recheck"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe(EN.panel.checking);
    fireEvent.click(button);
    expect(onRecheck).not.toHaveBeenCalled();
  });

  it('keeps the known status and findings while re-checking; the button says "checking again"', () => {
    const { root } = renderPanel({ checking: true, report: makeReport('critical', [credits]) });
    expect(root.getAttribute('data-bytegpt-health')).toBe('critical');
    expect(root.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector<HTMLButtonElement>('[data-action="recheck"]')!.disabled).toBe(true);
    expect(root.querySelector('[data-action="recheck"]')!.textContent).toBe(EN.panel.rechecking);
    expect(root.querySelector('[data-finding="credits_exhausted"]')).not.toBeNull();
  });

  it('announces a status change through the live region', () => {
    const { rerender } = renderPanel({ report: makeReport('ok') });
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    rerender(<StatusPanel state={{ report: makeReport('critical'), checking: false, configured: true }} role="admin" t={t} fmt={fmt} onRecheck={() => {}} />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toBe(EN.status.critical);
  });

  it('calls onRecheck when "check again" is clicked', () => {
    const { root, onRecheck } = renderPanel({ report: makeReport('ok') });
    const button = root.querySelector<HTMLButtonElement>('[data-action="recheck"]')!;
    expect(button.disabled).toBe(false);
    expect(button.textContent).toBe(EN.panel.recheck);
    fireEvent.click(button);
    expect(onRecheck).toHaveBeenCalledTimes(1);
  });

  it('shows when the report was checked', () => {
    const { root } = renderPanel({ report: makeReport('ok') });
    const checked = root.querySelector('.bytegpt-health__checked')!;
    expect(checked.textContent!.replace(/[\u00a0\u202f]/g, ' ')).toBe('Checked Nov 27, 2026, 2:05 PM');
    expect(checked.getAttribute('data-checked-at')).toBe('2026-11-27T14:05:00.000Z');
  });

  it('shows a generic error when the check failed inside the widget', () => {
    const { root } = renderPanel({ failed: true });
    expect(root.textContent).toContain(EN.panel.error_generic);
    expect(root.getAttribute('data-bytegpt-health')).toBe('unknown');
  });
});

describe('StatusPanel findings', () => {
  it('marks each finding with its code and severity, worst first', () => {
    const { root } = renderPanel({ report: makeReport('critical', [quotaInfo, cardExpiring, credits]) });
    const items = [...root.querySelectorAll('[data-finding]')];
    expect(items.map((li) => li.getAttribute('data-finding'))).toEqual(['credits_exhausted', 'card_expiring', 'quota_unverified']);
    expect(items.map((li) => li.getAttribute('data-severity'))).toEqual(['critical', 'warning', 'info']);
  });

  it('words titles and actions from the locale with formatted params', () => {
    const { root } = renderPanel({ report: makeReport('warning', [cardExpiring, budgetNear]) });
    const card = root.querySelector('[data-finding="card_expiring"]')!;
    expect(card.querySelector('.bytegpt-health__finding-title')!.textContent).toBe('Card expires soon (12/26)');
    expect(card.querySelector('.bytegpt-health__finding-action')!.textContent).toBe(
      "Update the card on OpenAI's payment methods page before the end of 12/26.",
    );
    const budget = root.querySelector('[data-finding="budget_near"]')!;
    expect(budget.querySelector('.bytegpt-health__finding-action')!.textContent).toContain('Spent $85.00 of $100.00.');
  });

  it('gives a member the titles and "ask your admin", without actions or info', () => {
    const { root } = renderPanel({ report: makeReport('critical', [credits, quotaInfo]) }, { role: 'member' });
    expect(root.getAttribute('data-bytegpt-role')).toBe('member');
    expect(root.querySelector('[data-finding="credits_exhausted"] .bytegpt-health__finding-title')!.textContent).toBe(EN.findings.credits_exhausted.title);
    expect(root.querySelector('.bytegpt-health__finding-action')).toBeNull();
    expect(root.querySelector('[data-finding="quota_unverified"]')).toBeNull();
    expect(root.textContent).toContain(EN.panel.ask_admin);
  });

  it('does not ask a member to call the admin when all is well', () => {
    const { root } = renderPanel({ report: makeReport('ok') }, { role: 'member' });
    expect(root.textContent).not.toContain(EN.panel.ask_admin);
  });

  it('renders network-supplied values as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const hostile: Finding = { code: 'card_expired', severity: 'critical', params: { expiry: evil, apiCode: evil } };
    const evilT = (key: string, params?: Record<string, string | number>) => `${t(key, params)} <script>x()</script>`;
    const { root } = renderPanel({ report: makeReport('critical', [hostile]) }, { t: evilT });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('[data-finding="card_expired"]')!.textContent).toContain(evil);
  });
});

describe('StatusPanel figures', () => {
  it('shows spend, budget, forecast and balance when present', () => {
    const report = makeReport('ok', [], {
      spend: { monthToDateUsd: 42.5, daily: [] },
      forecast: { monthEndUsd: 80, budgetUsd: 100, settled: true },
      balance: { totalUsd: 50, usedUsd: 20, remainingUsd: 30 },
    });
    const { root } = renderPanel({ report });
    const figures = Object.fromEntries(
      [...root.querySelectorAll('[data-figure]')].map((row) => [row.getAttribute('data-figure'), row.querySelector('dd')!.textContent]),
    );
    expect(figures).toEqual({ spend: '$42.50', budget: '$100.00', forecast: '$80.00', balance: '$30.00' });
    expect(root.textContent).toContain(EN.panel.spend_month);
  });

  it('shows no figures block without spend, forecast or balance', () => {
    const { root } = renderPanel({ report: makeReport('ok') });
    expect(root.querySelector('.bytegpt-health__figures')).toBeNull();
  });
});

describe('StatusPanel not configured', () => {
  it('shows an admin the configure hint and no re-check', () => {
    const { root } = renderPanel({ configured: false });
    expect(root.getAttribute('data-bytegpt-health')).toBe('unknown');
    expect(root.getAttribute('data-bytegpt-configured')).toBe('false');
    expect(root.textContent).toContain(EN.panel.not_configured);
    const link = root.querySelector<HTMLAnchorElement>('[data-action="configure"]')!;
    expect(link.textContent).toBe(EN.panel.configure);
    expect(link.getAttribute('href')).toBe('/settings/widgets/');
    expect(root.querySelector('[data-action="recheck"]')).toBeNull();
  });

  it('tells a member to ask the admin, without the configure link', () => {
    const { root } = renderPanel({ configured: false }, { role: 'member' });
    expect(root.querySelector('[data-action="configure"]')).toBeNull();
    expect(root.textContent).toContain(EN.panel.ask_admin);
  });
});

describe('StatusPanel last successful check', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    [25, '25 min. ago'],
    [0, 'this minute'],
    [150, '2 hr. ago'],
    [3 * 1_440 + 5, '3 days ago'],
  ])('a check that could not complete shows the last good one %i minutes back as an age', (minutes, age) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Date.parse('2026-11-27T14:05:00.000Z');
    vi.setSystemTime(now);
    const lastSuccessAt = new Date(now - minutes * 60_000).toISOString();
    const { root } = renderPanel({ report: makeReport('unknown', [], { lastSuccessAt }) });
    const line = root.querySelector(`[data-last-success-at="${lastSuccessAt}"]`);
    expect(line?.textContent).toBe(EN.panel.last_success.replace('{age}', age));
  });

  it('a successful check shows no such line', () => {
    const { root } = renderPanel({ report: makeReport('ok') });
    expect(root.querySelector('[data-last-success-at]')).toBeNull();
  });
});

