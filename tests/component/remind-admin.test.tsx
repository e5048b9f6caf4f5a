// The "remind the admin" button on its own: every phase's label and message, which
// presses reach the callback, and that the outcome is announced next to the button.
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemindAdmin, type RemindState } from '../../src/ui/RemindAdmin.tsx';

type RemindError = NonNullable<RemindState['error']>;
import { EN, t } from './text.ts';

afterEach(cleanup);

function show(state: RemindState) {
  const onRemind = vi.fn();
  const view = render(<RemindAdmin state={state} t={t} onRemind={onRemind} />);
  const box = view.container.querySelector<HTMLElement>('.bytegpt-health__remind')!;
  const button = box.querySelector<HTMLButtonElement>('[data-action="remind-admin"]')!;
  const message = box.querySelector<HTMLElement>('.bytegpt-health__remind-message')!;
  return { ...view, box, button, message, onRemind };
}

describe('RemindAdmin', () => {
  it('idle: a button that asks for the reminder once per press', () => {
    const { box, button, message, onRemind } = show({ phase: 'idle' });
    expect(button.textContent).toBe(EN.remind.button);
    expect(button.disabled).toBe(false);
    expect(button.type).toBe('button');
    expect(box.getAttribute('data-remind')).toBe('idle');
    expect(message.textContent).toBe('');
    expect(message.getAttribute('aria-live')).toBe('polite');
    fireEvent.click(button);
    expect(onRemind).toHaveBeenCalledTimes(1);
  });

  it('sending: shows progress and cannot be pressed again', () => {
    const { button, onRemind } = show({ phase: 'sending', adminName: 'Marina Costa' });
    expect(button.textContent).toBe(EN.remind.sending);
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(button);
    expect(onRemind).not.toHaveBeenCalled();
  });

  it.each([
    ['sent', EN.remind.sent, EN.remind.sent_detail],
    ['already', EN.remind.already, EN.remind.already_detail],
  ] as const)('%s: says so on the button and names the admin; no second press', (phase, label, detail) => {
    const { button, message, onRemind } = show({ phase, adminName: 'Marina Costa' });
    expect(button.textContent).toBe(label);
    expect(button.disabled).toBe(true);
    expect(message.textContent).toBe(detail.replace('{admin}', 'Marina Costa'));
    fireEvent.click(button);
    expect(onRemind).not.toHaveBeenCalled();
  });

  it('without an admin name, the sentence still reads', () => {
    const { message } = show({ phase: 'sent' });
    expect(message.textContent).toBe(EN.remind.sent_detail.replace('{admin}', EN.remind.admin_fallback));
  });

  const errors: RemindError[] = ['session_expired', 'forbidden', 'rate_limited', 'network', 'failed'];

  it.each(errors)('error %s: its own sentence next to the button, and a retry', (error) => {
    const { box, button, message, onRemind } = show({ phase: 'error', error, adminName: 'Marina Costa' });
    expect(box.getAttribute('data-remind-error')).toBe(error);
    expect(message.textContent).toBe(EN.remind.error[error]);
    expect(message.className).toContain('bytegpt-health__remind-message--error');
    expect(button.textContent).toBe(EN.remind.retry);
    fireEvent.click(button);
    expect(onRemind).toHaveBeenCalledTimes(1);
  });

  it('every error sentence is different', () => {
    const all = [...errors, 'no_entity', 'no_admin'].map((e) => EN.remind.error[e as RemindError]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(['no_entity', 'no_admin'] as const)('error %s: explained, and the button stays off (a retry cannot help here)', (error) => {
    const { button, message, onRemind } = show({ phase: 'error', error });
    expect(message.textContent).toBe(EN.remind.error[error]);
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(onRemind).not.toHaveBeenCalled();
  });

  it('keeps one live region across changes, so the outcome is announced', () => {
    const onRemind = vi.fn();
    const view = render(<RemindAdmin state={{ phase: 'sending' }} t={t} onRemind={onRemind} />);
    const region = view.container.querySelector('.bytegpt-health__remind-message');
    view.rerender(<RemindAdmin state={{ phase: 'error', error: 'rate_limited' }} t={t} onRemind={onRemind} />);
    const after = view.container.querySelector('.bytegpt-health__remind-message');
    expect(after).toBe(region);
    expect(after?.textContent).toBe(EN.remind.error.rate_limited);
  });
});
