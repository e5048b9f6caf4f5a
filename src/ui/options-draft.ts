// The options form's model: what the inputs hold (text, as typed), how it is checked,
// and how it merges into the stored `options` object. Pure; unknown keys survive.
import { DEFAULT_OPTIONS, OPTION_FIELDS } from '../health/options.ts';

export interface OptionsDraft {
  quotaProbe: boolean;
  probeModel: string;
  cardExpiry: string;
  monthlyBudgetUsd: string;
  lowBalanceUsd: string;
  checkEveryMinutes: string;
}

export type DraftField = Exclude<keyof OptionsDraft, 'quotaProbe'>;
/** Field → i18n key of its error sentence. */
export type DraftErrors = Partial<Record<DraftField, string>>;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

/** What the inputs show for a stored options object (a missing key shows empty, i.e. its default). */
export function draftFromStored(stored: Record<string, unknown>): OptionsDraft {
  return {
    quotaProbe: typeof stored.quotaProbe === 'boolean' ? stored.quotaProbe : DEFAULT_OPTIONS.quotaProbe,
    probeModel: text(stored.probeModel),
    cardExpiry: text(stored.cardExpiry),
    monthlyBudgetUsd: text(stored.monthlyBudgetUsd),
    lowBalanceUsd: text(stored.lowBalanceUsd),
    checkEveryMinutes: text(stored.checkEveryMinutes),
  };
}

/** Accepts "12.5" and the pt/es/id/tr "12,5"; null for anything that is not a number. */
function toNumber(raw: string): number | null {
  const cleaned = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string } | { ok: true; remove: true };

function parseField(field: DraftField, raw: string): Parsed {
  const value = raw.trim();
  switch (field) {
    case 'probeModel':
      if (value === '') return { ok: true, remove: true };
      return OPTION_FIELDS.probeModel.safeParse(value).success
        ? { ok: true, value }
        : { ok: false, error: 'settings.form.invalid_model' };
    case 'cardExpiry':
      if (value === '') return { ok: true, value: null };
      return OPTION_FIELDS.cardExpiry.safeParse(value).success
        ? { ok: true, value }
        : { ok: false, error: 'settings.form.invalid_expiry' };
    case 'checkEveryMinutes': {
      if (value === '') return { ok: true, remove: true };
      const minutes = toNumber(value);
      return minutes !== null && OPTION_FIELDS.checkEveryMinutes.safeParse(minutes).success
        ? { ok: true, value: minutes }
        : { ok: false, error: 'settings.form.invalid_number' };
    }
    case 'monthlyBudgetUsd':
    case 'lowBalanceUsd': {
      if (value === '') return { ok: true, value: null };
      const amount = toNumber(value);
      return amount !== null && OPTION_FIELDS[field].safeParse(amount).success
        ? { ok: true, value: amount }
        : { ok: false, error: 'settings.form.invalid_number' };
    }
  }
}

const FIELDS: DraftField[] = ['probeModel', 'cardExpiry', 'monthlyBudgetUsd', 'lowBalanceUsd', 'checkEveryMinutes'];

export function validateDraft(draft: OptionsDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const field of FIELDS) {
    const parsed = parseField(field, draft[field]);
    if (!parsed.ok) errors[field] = parsed.error;
  }
  return errors;
}

/**
 * The stored object with the draft's valid fields written over it. A field that does
 * not validate keeps its stored value, so a half-typed date never replaces a good one;
 * an emptied field goes back to its default. Keys the form does not know are kept.
 */
export function applyDraft(stored: Record<string, unknown>, draft: OptionsDraft): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    // defineProperty keeps a stored "__proto__" key as plain data.
    Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  }
  next.quotaProbe = draft.quotaProbe;
  for (const field of FIELDS) {
    const parsed = parseField(field, draft[field]);
    if (!parsed.ok) continue;
    if ('remove' in parsed) delete next[field];
    else next[field] = parsed.value;
  }
  return next;
}
