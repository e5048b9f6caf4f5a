import { findingActionKey } from '../../../src/health/text-params.ts';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, EXIT_BAD_ARGUMENTS } from '../../../scripts/health/exit-codes.ts';
import { formatHuman, type HumanFormat } from '../../../scripts/health/format-human.ts';
import { formatJson } from '../../../scripts/health/format-json.ts';
import { findingTexts, loadLocale } from '../../../scripts/health/texts.ts';
import { FINDING_SEVERITY } from '../../../src/health/types.ts';
import type { FindingCode, Report } from '../../../src/health/types.ts';

const format: HumanFormat = { usd: (n) => `$${n.toFixed(2)}`, dateTime: (v) => `<${v}>` };
const locale = {
  status: { critical: 'Action needed', ok: 'All good' },
  panel: { spend_month: 'Spent this month', forecast: 'Month-end forecast', budget: 'Budget', balance: 'Balance' },
  findings: {
    card_expiring: { title: 'Card expires in {days} days', action: 'Update the card before {expiry}.' },
    budget_near: { title: 'Close to the budget', action: 'Spent {amount} of {budget}.' },
  },
};

const report: Report = {
  status: 'critical',
  findings: [
    { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe', params: { status: 429, apiCode: 'credit_balance_exhausted' } },
    { code: 'card_expiring', severity: 'warning', params: { expiry: '09/26', validThrough: '2026-09-30', daysLeft: 21 } },
    { code: 'budget_near', severity: 'warning', params: { spendUsd: 42.5, budgetUsd: 50, forecastUsd: 127.5, percent: 85, trigger: 'spend' } },
  ],
  checkedAt: '2026-09-10T12:00:00.000Z',
  spend: { monthToDateUsd: 42.5, daily: [] },
  forecast: { monthEndUsd: 127.5, budgetUsd: 50, settled: true },
  balance: { totalUsd: 100, usedUsd: 12.5, remainingUsd: 87.5 },
};

describe('formatHuman', () => {
  const text = formatHuman(report, { baseUrl: 'https://relay.test', mock: 'spend_near_budget' }, findingTexts(locale), format);

  it('leads with the status and where it was checked', () => {
    const [first, second] = text.split('\n');
    expect(first).toBe('OpenAI billing health: CRITICAL - Action needed');
    expect(second).toBe('Checked <2026-09-10T12:00:00.000Z> against https://relay.test (mock scenario "spend_near_budget")');
  });

  it('words each finding from the locale, with params interpolated and money formatted', () => {
    expect(text).toContain('[!] WARNING  Card expires in 21 days  (card_expiring)');
    expect(text).toContain('Update the card before 09/26.');
    expect(text).toContain('Spent $42.50 of $50.00.');
  });

  it('falls back to the code when the locale has no text, and shows endpoint and HTTP status', () => {
    expect(text).toContain('[x] CRITICAL credits_exhausted  (credits_exhausted, probe, HTTP 429)');
    // No action line for a finding without one.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('credits_exhausted'));
    expect(lines[at + 1]).toContain('Card expires');
  });

  it('ends with spend, forecast and balance', () => {
    expect(text.trimEnd().split('\n').slice(-3)).toEqual([
      'Spent this month: $42.50',
      'Month-end forecast: $127.50 (Budget: $50.00)',
      'Balance: $87.50 left of $100.00 (used $12.50)',
    ]);
  });

  it('says so when there is nothing to do, and leaves out money it does not have', () => {
    const quiet = formatHuman(
      { status: 'ok', findings: [], checkedAt: '2026-09-10T12:00:00.000Z', forecast: { monthEndUsd: 3, budgetUsd: null, settled: true } },
      { baseUrl: 'https://api.openai.com', mock: null },
      findingTexts({}),
      format,
    );
    expect(quiet).toBe(
      'OpenAI billing health: OK - ok\nChecked <2026-09-10T12:00:00.000Z> against https://api.openai.com\n\n' +
        'No findings: nothing to do.\n\nMonth-end forecast: $3.00\n',
    );
  });

  it('marks every severity distinctly', () => {
    const all = formatHuman(
      {
        status: 'warning',
        checkedAt: 'x',
        findings: [
          { code: 'stale', severity: 'warning' },
          { code: 'unreachable', severity: 'unknown' },
          { code: 'quota_unverified', severity: 'info' },
        ],
      },
      { baseUrl: 'b', mock: null },
      findingTexts(null),
      format,
    );
    expect(all).toContain('[!] WARNING  stale  (stale)');
    expect(all).toContain('[?] UNKNOWN  unreachable  (unreachable)');
    expect(all).toContain('[i] INFO     quota_unverified  (quota_unverified)');
    expect(all).not.toMatch(/Spent|forecast|Balance/);
  });
});

describe('formatJson', () => {
  it('prints the report plus where it was checked', () => {
    const parsed = JSON.parse(formatJson(report, { baseUrl: 'https://relay.test', mock: 'x' }));
    expect(parsed).toEqual({ ...report, baseUrl: 'https://relay.test', mock: 'x' });
  });

  it('leaves "mock" out of a real run', () => {
    expect(JSON.parse(formatJson(report, { baseUrl: 'b', mock: null }))).not.toHaveProperty('mock');
  });
});

describe('texts', () => {
  it('reads the real en.json, and every finding code has a title there', () => {
    const texts = findingTexts(loadLocale());
    for (const code of Object.keys(FINDING_SEVERITY) as FindingCode[]) {
      expect(texts.title(code, {}), code).not.toBe(code);
      expect(texts.action(findingActionKey({ code, severity: FINDING_SEVERITY[code] }), {}), code).toEqual(expect.any(String));
    }
    // The endpoint variants exist too.
    for (const [code, endpoint] of [['key_scope_missing', 'models'], ['credits_exhausted', 'balance']] as const) {
      const key = findingActionKey({ code, severity: FINDING_SEVERITY[code], endpoint });
      expect(key).toBe(`findings.${code}.action_${endpoint}`);
      expect(texts.action(key, {}), key).toEqual(expect.any(String));
    }
  });

  it('degrades to {} for a missing or broken file', () => {
    expect(loadLocale(new URL('file:///nonexistent/en.json'))).toEqual({});
    expect(findingTexts(loadLocale(new URL('file:///nonexistent/en.json'))).title('stale', {})).toBe('stale');
  });
});

describe('exit codes', () => {
  it('follow the contract', () => {
    expect([exitCodeFor('ok'), exitCodeFor('warning'), exitCodeFor('critical'), exitCodeFor('unknown')]).toEqual([0, 1, 2, 3]);
    expect(EXIT_BAD_ARGUMENTS).toBe(64);
  });
});
