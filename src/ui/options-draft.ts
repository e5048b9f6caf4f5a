// The options form's model: what the inputs hold (text, as typed), how it is checked,
// and how it merges into the stored `options` object. Pure; unknown keys survive.
// Values are checked by the same per-key readers that parseOptions reads them with.
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

const FIELDS: DraftField[] = ['probeModel', 'cardExpiry', 'monthlyBudgetUsd', 'lowBalanceUsd', 'checkEveryMinutes'];
/** The fields typed as text, with their own error sentence; the others hold numbers. */
const TEXT_FIELD_ERROR: DraftErrors = {
  probeModel: 'settings.form.invalid_model',
  cardExpiry: 'settings.form.invalid_expiry',
};

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

/** What the inputs show for a stored options object (a missing key shows empty, i.e. its default). */
export function draftFromStored(stored: Record<string, unknown>): OptionsDraft {
  const draft = { quotaProbe: typeof stored.quotaProbe === 'boolean' ? stored.quotaProbe : DEFAULT_OPTIONS.quotaProbe } as OptionsDraft;
  for (const field of FIELDS) draft[field] = text(stored[field]);
  return draft;
}

/** Accepts "12.5" and the pt/es/id/tr "12,5"; null for anything that is not a number. */
function toNumber(raw: string): number | null {
  const cleaned = raw.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

/** The value to store (`undefined`: drop the key so its default applies), or an error. */
type Parsed = { value: unknown } | { error: string };

function parseField(field: DraftField, raw: string): Parsed {
  const typed = raw.trim();
  // Emptied: back to the default. Where that is null ("not set") store null; else drop the key.
  if (typed === '') return { value: DEFAULT_OPTIONS[field] === null ? null : undefined };
  const textError = TEXT_FIELD_ERROR[field];
  const value = textError ? typed : toNumber(typed);
  return value !== null && OPTION_FIELDS[field](value) !== undefined
    ? { value }
    : { error: textError ?? 'settings.form.invalid_number' };
}

export function validateDraft(draft: OptionsDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const field of FIELDS) {
    const parsed = parseField(field, draft[field]);
    if ('error' in parsed) errors[field] = parsed.error;
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
    if ('error' in parsed) continue;
    if (parsed.value === undefined) delete next[field];
    else next[field] = parsed.value;
  }
  return next;
}
