// The owner's `options` setting (design.md "Settings"): a JSON string that Kommo stores
// as-is. Parsing never throws: a bad value for one key falls back to that key's default
// and is reported, so one typo cannot switch every check off.
import { bool, finite, nullable, text, trimmed, type Reader } from './shape.ts';
import type { HealthOptions } from './types.ts';

interface OptionProblem {
  /** The option key, or '*' when the whole value is unusable. */
  key: string;
  /** Short English reason for logs and the settings form (not a user-facing finding). */
  reason: string;
}

export interface ParsedOptions {
  options: HealthOptions;
  problems: OptionProblem[];
}

/**
 * A dated cheap model, not the `gpt-4o-mini` alias: the alias was seen answering on a
 * zero-balance key while the dated id returned `insufficient_quota` (openai-billing.md
 * §4), and the probe exists to see exactly that.
 */
export const DEFAULT_PROBE_MODEL = 'gpt-4o-mini-2024-07-18';

export const DEFAULT_OPTIONS: Readonly<HealthOptions> = Object.freeze({
  quotaProbe: true,
  probeModel: DEFAULT_PROBE_MODEL,
  cardExpiry: null,
  monthlyBudgetUsd: null,
  lowBalanceUsd: null,
  checkEveryMinutes: 15,
});

const CARD_EXPIRY_PATTERN = /^(0[1-9]|1[0-2])\/\d{2}$/;

/** "MM/YY" with month 01–12 (the form printed on cards). */
export function isCardExpiry(value: unknown): value is string {
  return typeof value === 'string' && CARD_EXPIRY_PATTERN.test(value);
}

// Model ids are short and have no spaces (e.g. "ft:gpt-4o-mini-2024-07-18:acme::AbC").
const MODEL_ID_PATTERN = /^[\w.:/-]{1,100}$/;

type OptionKey = 'quotaProbe' | 'probeModel' | 'cardExpiry' | 'monthlyBudgetUsd' | 'lowBalanceUsd' | 'checkEveryMinutes';

/**
 * One reader per key, so a bad key can fall back alone (also the settings form's check).
 * Text is trimmed before it is checked; a blank card expiry is turned into null before
 * its reader runs (`readOption`).
 */
export const OPTION_FIELDS: { readonly [K in OptionKey]: Reader<HealthOptions[K]> } = {
  quotaProbe: bool,
  probeModel: trimmed(text(100, (id) => MODEL_ID_PATTERN.test(id))),
  cardExpiry: nullable(trimmed(text(5, isCardExpiry))),
  // A zero budget would make every month "exceeded" from its first cent: use null for "none".
  monthlyBudgetUsd: nullable(finite((usd) => usd > 0)),
  lowBalanceUsd: nullable(finite((usd) => usd >= 0)),
  // At most a day: longer than that and "stale" (3 intervals) stops meaning anything.
  checkEveryMinutes: finite((minutes) => Number.isSafeInteger(minutes) && minutes >= 1 && minutes <= 1440),
};

const EXPECTED: Record<OptionKey, string> = {
  quotaProbe: 'expected true or false',
  probeModel: `expected a model id such as "${DEFAULT_PROBE_MODEL}"`,
  cardExpiry: 'expected "MM/YY" (month 01-12) or null',
  monthlyBudgetUsd: 'expected a number of US dollars greater than 0, or null',
  lowBalanceUsd: 'expected a number of US dollars, 0 or more, or null',
  checkEveryMinutes: 'expected a whole number of minutes from 1 to 1440',
};

const OPTION_KEYS = Object.keys(OPTION_FIELDS) as OptionKey[];

function defaultsWith(problems: OptionProblem[]): ParsedOptions {
  return { options: { ...DEFAULT_OPTIONS }, problems };
}

type RawRead = { kind: 'empty' } | { kind: 'bad'; problem: OptionProblem } | { kind: 'object'; record: Record<string, unknown> };

function readRaw(raw: unknown): RawRead {
  let value = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return { kind: 'empty' };
    try {
      value = JSON.parse(raw);
    } catch {
      return { kind: 'bad', problem: { key: '*', reason: 'malformed JSON; all defaults used' } };
    }
  }
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { kind: 'bad', problem: { key: '*', reason: 'expected a JSON object; all defaults used' } };
  }
  return { kind: 'object', record: value as Record<string, unknown> };
}

/** The stored `options` as a plain object, every key kept, or {} when unusable (the form merges into it). */
export function readStoredOptions(raw: unknown): Record<string, unknown> {
  const read = readRaw(raw);
  return read.kind === 'object' ? read.record : {};
}

// A cleared text input saves "", which means "not set", not "invalid".
function readOption(key: OptionKey, value: unknown): unknown {
  return key === 'cardExpiry' && typeof value === 'string' && value.trim() === '' ? null : value;
}

/**
 * Reads the `options` setting: a JSON string (as Kommo stores it), an already parsed
 * object, or nothing. Missing keys take defaults, unknown keys are kept.
 */
export function parseOptions(raw: unknown): ParsedOptions {
  const read = readRaw(raw);
  if (read.kind === 'empty') return defaultsWith([]);
  if (read.kind === 'bad') return defaultsWith([read.problem]);

  const { record } = read;
  const options: HealthOptions = { ...DEFAULT_OPTIONS };
  const problems: OptionProblem[] = [];
  for (const key of OPTION_KEYS) {
    const value = readOption(key, record[key]);
    if (value === undefined) continue;
    const accepted = OPTION_FIELDS[key](value);
    if (accepted !== undefined) options[key] = accepted as never;
    else problems.push({ key, reason: EXPECTED[key] });
  }
  for (const [key, value] of Object.entries(record)) {
    if ((OPTION_KEYS as string[]).includes(key)) continue;
    // defineProperty, not assignment: a kept "__proto__" key must stay data, never a prototype.
    Object.defineProperty(options, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { options, problems };
}
