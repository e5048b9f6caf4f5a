// The round that could not run because engine.js did not load (src/monitor/check-engine.ts):
// an `unreachable` finding whose apiCode names the widget's files, worded as such (not as
// "can't reach OpenAI") for admins and members; any other `unreachable` keeps its own words.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import es from '../../locales/es.json';
import { createFormatters, createT } from '../../src/i18n/index.ts';
import type { Finding } from '../../src/health/types.ts';
import { engineNotLoadedSignals } from '../../src/monitor/check-engine.ts';
import { evaluate } from '../../src/health/evaluate.ts';
import { DEFAULT_OPTIONS } from '../../src/health/options.ts';
import { FindingList } from '../../src/ui/FindingList.tsx';
import { EN, fmt, t } from './text.ts';

afterEach(cleanup);

/** The finding exactly as the engine source reports a failed load. */
function widgetFilesFinding(): Finding {
  const report = evaluate(engineNotLoadedSignals(true, null), DEFAULT_OPTIONS, new Date('2026-11-27T10:00:00Z'));
  const found = report.findings.find((f) => f.code === 'unreachable');
  if (!found) throw new Error('no unreachable finding');
  return found;
}

describe('the widget files finding', () => {
  it('an admin reads that the widget files did not load and what to do', () => {
    const { container } = render(<FindingList findings={[widgetFilesFinding()]} role="admin" t={t} fmt={fmt} />);
    const row = container.querySelector<HTMLElement>('[data-finding="unreachable"]')!;
    expect(row.querySelector('.bytegpt-health__finding-title')?.textContent).toBe(EN.findings.unreachable.title_widget_files);
    expect(row.querySelector('.bytegpt-health__finding-action')?.textContent).toBe(EN.findings.unreachable.action_widget_files);
  });

  it('a member reads the title in Spanish, without the advice', () => {
    const tEs = createT(es);
    const fmtEs = createFormatters('es', { timeZone: 'UTC' });
    const finding = widgetFilesFinding();
    const { container } = render(<FindingList findings={[finding]} role="member" t={tEs} fmt={fmtEs} />);
    expect(container.querySelector('[data-finding="unreachable"]')?.textContent).toBe(es.findings.unreachable.title_widget_files);
  });

  it('an unreachable OpenAI keeps its own words', () => {
    const network: Finding = { code: 'unreachable', severity: 'unknown', endpoint: 'models', params: { apiCode: 'timeout' } };
    const { container } = render(<FindingList findings={[network]} role="admin" t={t} fmt={fmt} />);
    expect(container.querySelector('.bytegpt-health__finding-title')?.textContent).toBe(EN.findings.unreachable.title);
    expect(container.querySelector('.bytegpt-health__finding-action')?.textContent).toBe(EN.findings.unreachable.action);
  });
});
