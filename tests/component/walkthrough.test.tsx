import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { STEP_IDS, STEPS } from '../../src/checklist/steps.ts';
import { Walkthrough } from '../../src/ui/Walkthrough.tsx';
import type { WalkthroughState } from '../../src/ui/types.ts';
import { EN, fmt, t } from './text.ts';
import { progressAfter, walkthroughState } from './walkthrough-state.ts';

afterEach(cleanup);

const AT = '2026-11-27T14:05:00.000Z';

function renderWalkthrough(patch: Partial<WalkthroughState> = {}) {
  const state = walkthroughState(patch);
  const view = render(<Walkthrough state={state} t={t} fmt={fmt} settingsHref="/settings/widgets/" />);
  const step = (id: string) => view.container.querySelector<HTMLElement>(`[data-step="${id}"]`)!;
  return { ...view, state, step };
}

describe('Walkthrough', () => {
  it('lists the eleven steps in order, each with data-step and data-done', () => {
    const { container } = renderWalkthrough({ progress: progressAfter({ type: 'mark', step: 'billing', at: AT }) });
    const steps = [...container.querySelectorAll<HTMLElement>('[data-step]')];
    expect(steps.map((s) => s.dataset.step)).toEqual([...STEP_IDS]);
    expect(steps.map((s) => s.dataset.done)).toEqual(STEP_IDS.map((id) => (id === 'billing' ? 'true' : 'false')));
    expect(container.querySelector('.bytegpt-health__walkthrough-progress')!.textContent).toBe('1 of 11 steps done');
  });

  it('explains each step from the locales and opens its OpenAI page in a new tab without an opener', () => {
    const { step } = renderWalkthrough();
    for (const { id, href } of STEPS) {
      const element = step(id);
      const texts = EN.walkthrough.steps[id];
      expect(element.querySelector('.bytegpt-health__step-title')!.textContent).toBe(texts.title);
      expect(element.querySelector('.bytegpt-health__step-body')!.textContent).toBe(texts.body);
      const link = element.querySelector<HTMLAnchorElement>('a[data-action="open-step"]')!;
      expect(link.getAttribute('href')).toBe(href);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.textContent).toContain(EN.walkthrough.links.new_tab);
    }
  });

  it('marks a step done, and undoes a done one', () => {
    const { step, state } = renderWalkthrough({ progress: progressAfter({ type: 'mark', step: 'login', at: AT }) });
    expect(step('login').querySelector('[data-action="mark-done"]')).toBeNull();
    fireEvent.click(step('login').querySelector('[data-action="undo"]')!);
    expect(state.onMark).toHaveBeenLastCalledWith('login', false);
    fireEvent.click(step('dashboard').querySelector('[data-action="mark-done"]')!);
    expect(state.onMark).toHaveBeenLastCalledWith('dashboard', true);
    // The repeated button names are tied to their step's title.
    const mark = step('dashboard').querySelector('[data-action="mark-done"]')!;
    expect(document.getElementById(mark.getAttribute('aria-describedby')!)!.textContent).toBe(EN.walkthrough.steps.dashboard.title);
  });

  it('the edit step says the widget never asks for card data and to check the address bar', () => {
    const { step } = renderWalkthrough();
    const note = step('edit_details').querySelector('[data-note="no-card-data"]')!;
    expect(note.textContent).toBe(EN.walkthrough.edit_note);
    expect(note.textContent).toContain('platform.openai.com');
    expect(step('edit_details').querySelectorAll('input')).toHaveLength(0);
  });

  it('shows when the run was finished', () => {
    const done = STEP_IDS.filter((id) => id !== 'verify').map((step) => ({ type: 'mark' as const, step, at: AT }));
    const progress = progressAfter(...done, { type: 'verified', report: { status: 'ok', findings: [], checkedAt: AT }, at: AT });
    const { container } = renderWalkthrough({ progress });
    const root = container.querySelector<HTMLElement>('.bytegpt-health__walkthrough')!;
    expect(root.dataset.walkthroughFinished).toBe(AT);
    expect(root.dataset.walkthroughRuns).toBe('1');
    expect(container.querySelector('.bytegpt-health__walkthrough-finished')!.textContent).toBe(EN.walkthrough.finished.replace('{time}', fmt.dateTime(AT)));
  });
});

describe('the verify step', () => {
  it('runs a real check through its callback, and has no manual "done"', () => {
    const { step, state } = renderWalkthrough();
    const verify = step('verify');
    expect(verify.querySelector('[data-action="mark-done"]')).toBeNull();
    const button = verify.querySelector<HTMLButtonElement>('[data-action="verify"]')!;
    expect(button.textContent).toBe(EN.walkthrough.verify.run);
    fireEvent.click(button);
    expect(state.onVerify).toHaveBeenCalledTimes(1);
    const balance = verify.querySelector<HTMLAnchorElement>('a[data-action="open-step"]')!;
    expect(balance.getAttribute('href')).toBe('https://platform.openai.com/settings/organization/billing/overview');
    expect(balance.textContent).toContain(EN.walkthrough.links.balance);
  });

  it('says "checking…" and cannot be pressed while the check runs', () => {
    const { step, state } = renderWalkthrough({ verifying: true });
    const button = step('verify').querySelector<HTMLButtonElement>('[data-action="verify"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe(EN.walkthrough.verify.running);
    expect(step('verify').querySelector('[data-verify]')!.getAttribute('data-verify')).toBe('running');
    fireEvent.click(button);
    expect(state.onVerify).not.toHaveBeenCalled();
  });

  it('shows a passing result', () => {
    const progress = progressAfter({ type: 'verified', report: { status: 'ok', findings: [], checkedAt: AT }, at: AT });
    const { step } = renderWalkthrough({ progress });
    expect(step('verify').dataset.done).toBe('true');
    expect(step('verify').querySelector('[data-verify]')!.getAttribute('data-verify')).toBe('passed');
    expect(step('verify').querySelector('[role="status"]')!.textContent).toBe(EN.walkthrough.verify.passed.replace('{time}', fmt.dateTime(AT)));
  });

  it('shows a failing result with what still blocks it', () => {
    const report = { status: 'critical' as const, findings: [{ code: 'credits_exhausted' as const, severity: 'critical' as const, endpoint: 'probe' as const }], checkedAt: AT };
    const { step } = renderWalkthrough({ progress: progressAfter({ type: 'verified', report, at: AT }) });
    expect(step('verify').dataset.done).toBe('false');
    expect(step('verify').querySelector('[data-verify]')!.getAttribute('data-verify')).toBe('failed');
    expect(step('verify').querySelector('[data-blocker="credits_exhausted"]')!.textContent).toBe(EN.findings.credits_exhausted.title);
  });

  it('says so when the check itself failed', () => {
    const { step } = renderWalkthrough({ verifyFailed: true });
    expect(step('verify').querySelector('[data-verify]')!.getAttribute('data-verify')).toBe('error');
    expect(step('verify').textContent).toContain(EN.panel.error_generic);
  });
});

describe('the card expiry offered after "expiry emails"', () => {
  const expiryDone = progressAfter({ type: 'mark', step: 'expiry_alerts', at: AT });

  it('appears only once the step is done', () => {
    expect(renderWalkthrough().container.querySelector('[data-form="card-expiry"]')).toBeNull();
    cleanup();
    const { step } = renderWalkthrough({ progress: expiryDone });
    expect(step('expiry_alerts').querySelector('[data-form="card-expiry"]')).not.toBeNull();
  });

  it('refuses anything but MM/YY, and stores a valid one', () => {
    const { step, state, getByLabelText } = renderWalkthrough({ progress: expiryDone });
    const input = getByLabelText(EN.walkthrough.expiry.label) as HTMLInputElement;
    const form = step('expiry_alerts').querySelector('form')!;
    for (const bad of ['13/29', '8/29', '0829', '']) {
      fireEvent.input(input, { target: { value: bad } });
      fireEvent.submit(form);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(form.textContent).toContain(EN.walkthrough.expiry.invalid);
    }
    expect(state.onSaveCardExpiry).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: ' 08/29 ' } });
    fireEvent.submit(form);
    expect(state.onSaveCardExpiry).toHaveBeenCalledWith('08/29');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(form.querySelector('[role="status"]')!.textContent).toBe(EN.walkthrough.expiry.saved.replace('{expiry}', '08/29'));
  });

  it('shows the stored expiry, and says when one saved in the settings wins', () => {
    const stored = renderWalkthrough({ progress: expiryDone, cardExpiry: { value: '01/28', source: 'walkthrough' } });
    expect((stored.getByLabelText(EN.walkthrough.expiry.label) as HTMLInputElement).value).toBe('01/28');
    cleanup();
    const { step } = renderWalkthrough({ progress: expiryDone, cardExpiry: { value: '12/27', source: 'settings' } });
    const note = step('expiry_alerts').querySelector('[data-expiry-source="settings"]')!;
    expect(note.textContent).toContain(EN.walkthrough.expiry.from_settings.replace('{expiry}', '12/27'));
    expect(note.querySelector('a')!.getAttribute('href')).toBe('/settings/widgets/');
    expect(step('expiry_alerts').querySelector('input')).toBeNull();
  });
});
