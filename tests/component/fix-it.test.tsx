// The sidebar's "Fix it" entry and the findings' fix links, through StatusPanel as the
// runtime draws it; and the advanced page, where the links jump to the full list.
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reduceProgress, type Progress } from '../../src/checklist/progress.ts';
import { STEP_IDS, type StepId } from '../../src/checklist/steps.ts';
import type { Finding } from '../../src/health/types.ts';
import { AdvancedPage } from '../../src/ui/AdvancedPage.tsx';
import { FindingList } from '../../src/ui/FindingList.tsx';
import { StatusPanel } from '../../src/ui/StatusPanel.tsx';
import type { Role, WalkthroughState } from '../../src/ui/types.ts';
import { EN, fmt, makeReport, t } from './text.ts';
import { progressAfter, walkthroughState } from './walkthrough-state.ts';

afterEach(cleanup);

const AT = '2026-11-27T14:05:00.000Z';
const credits: Finding = { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' };
const cardExpired: Finding = { code: 'card_expired', severity: 'critical', params: { expiry: '10/26', validThrough: '2026-10-31' } };
const cardExpiring: Finding = { code: 'card_expiring', severity: 'warning', params: { expiry: '12/26', validThrough: '2026-12-31', daysLeft: 12 } };
const keyInvalid: Finding = { code: 'key_invalid', severity: 'critical', endpoint: 'models' };
const probeModel: Finding = { code: 'probe_model_unavailable', severity: 'warning', endpoint: 'probe', params: { model: 'gpt-x' } };
const keyScope: Finding = { code: 'key_scope_missing', severity: 'warning', endpoint: 'probe', params: { permission: 'Model capabilities: Request' } };
const regionBlocked: Finding = { code: 'region_blocked', severity: 'critical', endpoint: 'models' };
const rateLimited: Finding = { code: 'rate_limited', severity: 'warning', endpoint: 'models' };

/** The panel with a live progress: onMark updates it, as the store does through the runtime. */
function Sidebar({ findings, role = 'admin', initial }: { findings: Finding[]; role?: Role; initial?: Progress }) {
  const [progress, setProgress] = useState<Progress>(initial ?? progressAfter());
  const state: WalkthroughState = walkthroughState({
    progress,
    onMark: (step, done) => setProgress((p) => reduceProgress(p, done ? { type: 'mark', step, at: AT } : { type: 'undo', step })),
  });
  return (
    <StatusPanel
      state={{ report: makeReport('critical', findings), checking: false, configured: true }}
      role={role}
      t={t}
      fmt={fmt}
      onRecheck={vi.fn()}
      configureHref="/settings/widgets/"
      walkthrough={role === 'admin' ? state : undefined}
    />
  );
}

const fixIt = (c: ParentNode) => c.querySelector<HTMLButtonElement>('[data-action="fix-it"]');
const shownSteps = (c: ParentNode) => [...c.querySelectorAll<HTMLElement>('[data-step]')].map((s) => s.dataset.step);

describe('Fix it', () => {
  it.each([[credits], [cardExpired], [cardExpiring]])('shows for an admin with a billing finding (%o)', (finding) => {
    const { container } = render(<Sidebar findings={[finding]} />);
    expect(fixIt(container)!.textContent).toBe('Fix it: step 1 of 11');
    expect(fixIt(container)!.getAttribute('aria-expanded')).toBe('false');
    expect(shownSteps(container)).toEqual([]);
  });

  it('does not show without a billing finding, nor for a member', () => {
    for (const findings of [[], [keyInvalid], [rateLimited, probeModel]]) {
      const { container } = render(<Sidebar findings={findings} />);
      expect(fixIt(container)).toBeNull();
      cleanup();
    }
    const { container } = render(<Sidebar findings={[credits]} role="member" />);
    expect(fixIt(container)).toBeNull();
    expect(container.querySelector('[data-step]')).toBeNull();
  });

  it('says which step is next', () => {
    const initial = progressAfter(...(['login', 'dashboard', 'billing'] as const).map((step) => ({ type: 'mark' as const, step, at: AT })));
    const { container } = render(<Sidebar findings={[credits]} initial={initial} />);
    expect(fixIt(container)!.textContent).toBe('Fix it: step 4 of 11');
  });

  it('opens the next step in place, moves on when it is done, and folds again', () => {
    const { container } = render(<Sidebar findings={[credits]} />);
    const toggle = fixIt(container)!;
    toggle.focus();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const region = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(region.querySelector('[data-step]')!.getAttribute('data-step')).toBe('login');
    expect(shownSteps(container)).toEqual(['login']);
    expect(document.activeElement).toBe(toggle);

    fireEvent.click(container.querySelector('[data-step="login"] [data-action="mark-done"]')!);
    expect(shownSteps(container)).toEqual(['dashboard']);
    expect(fixIt(container)!.textContent).toBe('Fix it: step 2 of 11');
    // Focus follows the step that replaced the pressed button.
    expect(document.activeElement).toBe(container.querySelector('[data-step="dashboard"]'));

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.hasAttribute('aria-controls')).toBe(false);
    expect(shownSteps(container)).toEqual([]);
  });

  it('is a real button, so Enter and Space work from the keyboard', () => {
    const { container } = render(<Sidebar findings={[credits]} />);
    const toggle = fixIt(container)!;
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('type')).toBe('button');
  });
});

describe('findings lead somewhere', () => {
  const renderList = (findings: Finding[], role: Role, onOpenStep?: (step: StepId) => void) =>
    render(<FindingList findings={findings} role={role} t={t} fmt={fmt} onOpenStep={onOpenStep} settingsHref="/settings/widgets/" />);

  it('every finding says what to do and links to its step or to the settings (admin)', () => {
    const onOpenStep = vi.fn();
    const { container } = renderList([credits, cardExpired, cardExpiring, keyInvalid, keyScope, probeModel, regionBlocked], 'admin', onOpenStep);
    const row = (code: string) => container.querySelector<HTMLElement>(`[data-finding="${code}"]`)!;
    expect(row('credits_exhausted').querySelector('.bytegpt-health__finding-action')!.textContent).toBe(EN.findings.credits_exhausted.action);
    const expectStep = (code: string, step: StepId, n: number) => {
      const link = row(code).querySelector<HTMLButtonElement>('[data-fix-step]')!;
      expect(link.dataset.fixStep).toBe(step);
      expect(link.textContent).toBe(`Go to step ${n}: ${EN.walkthrough.steps[step].title}`);
      fireEvent.click(link);
      expect(onOpenStep).toHaveBeenLastCalledWith(step);
    };
    expectStep('credits_exhausted', 'billing', 3);
    expectStep('card_expired', 'payment_methods', 4);
    expectStep('card_expiring', 'payment_methods', 4);
    expectStep('region_blocked', 'support', 11);
    for (const code of ['key_invalid', 'key_scope_missing', 'probe_model_unavailable']) {
      const link = row(code).querySelector<HTMLAnchorElement>('a[data-fix="settings"]')!;
      expect(link.getAttribute('href')).toBe('/settings/widgets/');
      expect(link.textContent).toBe(EN.walkthrough.fix_links.settings);
      expect(row(code).querySelector('[data-fix-step]')).toBeNull();
    }
  });

  it('members see no step links and no settings links', () => {
    const { container } = renderList([credits, cardExpired, keyInvalid, probeModel], 'member', vi.fn());
    expect(container.querySelectorAll('[data-finding]')).toHaveLength(4);
    expect(container.querySelector('[data-fix-step], [data-fix], a, button')).toBeNull();
  });

  it('in the sidebar a step link opens that step in place', () => {
    const { container } = render(<Sidebar findings={[cardExpired, regionBlocked]} />);
    fireEvent.click(container.querySelector('[data-finding="card_expired"] [data-fix-step]')!);
    expect(shownSteps(container)).toEqual(['payment_methods']);
    expect(fixIt(container)!.getAttribute('aria-expanded')).toBe('true');
    expect(fixIt(container)!.textContent).toBe('Fix it: step 4 of 11');
    expect(document.activeElement).toBe(container.querySelector('[data-step="payment_methods"]'));
  });

  it('a non-billing step link (region → support) opens its step too', () => {
    const { container } = render(<Sidebar findings={[regionBlocked]} />);
    expect(fixIt(container)).toBeNull();
    fireEvent.click(container.querySelector('[data-finding="region_blocked"] [data-fix-step]')!);
    expect(shownSteps(container)).toEqual(['support']);
  });
});

describe('the advanced page', () => {
  const page = (role: Role, dashboard?: preact.ComponentChild) =>
    render(
      <AdvancedPage
        state={{ report: makeReport('critical', [credits]), checking: false, configured: true }}
        role={role}
        t={t}
        fmt={fmt}
        onRecheck={vi.fn()}
        configureHref="/settings/widgets/"
        walkthrough={walkthroughState()}
        dashboard={dashboard}
      />,
    );

  it('shows the whole walkthrough for an admin, without a second "Fix it", below the dashboard slot', () => {
    const { container } = page('admin', <div data-testid="dash">dashboard</div>);
    expect(shownSteps(container)).toEqual([...STEP_IDS]);
    expect(fixIt(container)).toBeNull();
    const dash = container.querySelector('[data-testid="dash"]')!;
    const walkthrough = container.querySelector('.bytegpt-health__walkthrough')!;
    expect(dash.compareDocumentPosition(walkthrough) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("a finding's step link focuses that step in the list", () => {
    const { container } = page('admin');
    fireEvent.click(container.querySelector('[data-finding="credits_exhausted"] [data-fix-step]')!);
    expect(document.activeElement).toBe(container.querySelector('.bytegpt-health__walkthrough [data-step="billing"]'));
  });

  it('a member never sees a step', () => {
    const { container } = page('member');
    expect(container.querySelector('[data-step]')).toBeNull();
    expect(container.querySelector('[data-fix-step], [data-fix]')).toBeNull();
  });
});
