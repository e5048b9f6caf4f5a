import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '../../src/ui/OptionsForm.tsx';
import { applyDraft, draftFromStored, validateDraft, type OptionsDraft } from '../../src/ui/options-draft.ts';
import { EN, t } from './text.ts';

afterEach(cleanup);

const EMPTY: OptionsDraft = draftFromStored({});

describe('options draft (pure)', () => {
  it('shows stored values and leaves missing ones empty (their defaults)', () => {
    expect(draftFromStored({ quotaProbe: true, cardExpiry: '08/27', monthlyBudgetUsd: 100, extra: 'x' })).toEqual({
      quotaProbe: true,
      probeModel: '',
      cardExpiry: '08/27',
      monthlyBudgetUsd: '100',
      lowBalanceUsd: '',
      checkEveryMinutes: '',
    });
    // The credit probe is on unless the owner turns it off (design.md).
    expect(EMPTY.quotaProbe).toBe(true);
  });

  it('merges into the stored object and keeps keys it does not know', () => {
    const stored = { quotaProbe: false, future: { nested: [1, 2] }, other: 'kept' };
    const next = applyDraft(stored, { ...EMPTY, quotaProbe: true, cardExpiry: '08/27', monthlyBudgetUsd: '150,5', checkEveryMinutes: '30' });
    expect(next).toEqual({
      quotaProbe: true,
      future: { nested: [1, 2] },
      other: 'kept',
      cardExpiry: '08/27',
      monthlyBudgetUsd: 150.5,
      lowBalanceUsd: null,
      checkEveryMinutes: 30,
    });
    expect(stored).toEqual({ quotaProbe: false, future: { nested: [1, 2] }, other: 'kept' });
  });

  it('keeps the stored value of a field that does not validate', () => {
    const stored = { cardExpiry: '08/27', monthlyBudgetUsd: 100, checkEveryMinutes: 10 };
    const draft = { ...draftFromStored(stored), cardExpiry: '13/27', monthlyBudgetUsd: '-5', checkEveryMinutes: '0' };
    expect(validateDraft(draft)).toEqual({
      cardExpiry: 'settings.form.invalid_expiry',
      monthlyBudgetUsd: 'settings.form.invalid_number',
      checkEveryMinutes: 'settings.form.invalid_number',
    });
    expect(applyDraft(stored, draft)).toMatchObject({ cardExpiry: '08/27', monthlyBudgetUsd: 100, checkEveryMinutes: 10 });
  });

  it('turns emptied fields back into "not set"', () => {
    const stored = { probeModel: 'gpt-x', cardExpiry: '08/27', lowBalanceUsd: 5, checkEveryMinutes: 10 };
    const next = applyDraft(stored, EMPTY);
    expect(next).toEqual({ quotaProbe: true, cardExpiry: null, monthlyBudgetUsd: null, lowBalanceUsd: null });
    expect('probeModel' in next).toBe(false);
    expect('checkEveryMinutes' in next).toBe(false);
  });

  it('keeps a stored "__proto__" key as data', () => {
    const stored = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const next = applyDraft(stored, EMPTY);
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(next)).__proto__).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('OptionsForm', () => {
  function renderForm(initial: OptionsDraft = EMPTY) {
    const onChange = vi.fn();
    const view = render(<OptionsForm t={t} initial={initial} onChange={onChange} idPrefix="w-options" />);
    const input = (name: string) => view.container.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    return { ...view, onChange, input };
  }

  it('labels every field from the locale', () => {
    const { getByLabelText } = renderForm();
    expect(getByLabelText(EN.settings.form.quota_probe).getAttribute('type')).toBe('checkbox');
    for (const label of [EN.settings.form.card_expiry, EN.settings.form.monthly_budget, EN.settings.form.low_balance, EN.settings.form.check_every, EN.settings.form.probe_model]) {
      expect(getByLabelText(label).tagName).toBe('INPUT');
    }
  });

  it('emits the whole draft on every change', () => {
    const { input, onChange } = renderForm();
    fireEvent.click(input('quotaProbe'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ quotaProbe: false }), {});
    fireEvent.input(input('monthlyBudgetUsd'), { target: { value: '200' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ quotaProbe: false, monthlyBudgetUsd: '200' }), {});
  });

  it('flags a bad expiry next to the field', () => {
    const { input, onChange, container } = renderForm();
    fireEvent.input(input('cardExpiry'), { target: { value: '2027-08' } });
    expect(input('cardExpiry').getAttribute('aria-invalid')).toBe('true');
    const error = container.querySelector('[data-error-for="cardExpiry"]')!;
    expect(error.textContent).toBe(EN.settings.form.invalid_expiry);
    expect(input('cardExpiry').getAttribute('aria-describedby')).toContain(error.id);
    expect(onChange).toHaveBeenLastCalledWith(expect.anything(), { cardExpiry: 'settings.form.invalid_expiry' });
    fireEvent.input(input('cardExpiry'), { target: { value: '08/27' } });
    expect(container.querySelector('[data-error-for="cardExpiry"]')).toBeNull();
  });

  it('never offers a field for card numbers or CVV', () => {
    const { container } = renderForm();
    const names = [...container.querySelectorAll('input')].map((i) => i.name);
    expect(names.sort()).toEqual(['cardExpiry', 'checkEveryMinutes', 'lowBalanceUsd', 'monthlyBudgetUsd', 'probeModel', 'quotaProbe']);
  });
});
