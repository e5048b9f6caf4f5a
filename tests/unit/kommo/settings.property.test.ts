// Whatever Kommo's get_settings returns, the settings reader never throws and always
// yields a usable configuration: options of the right types, a key that is a string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import { readConfig, readOptionProblems, readParams } from '../../../src/kommo/settings.ts';
import type { KommoSettingsParams, KommoWidgetBase } from '../../../src/kommo/sdk-types.ts';

/** Values a hostile or buggy host might store: strings, numbers as strings, JSON fragments, objects. */
const anyValue = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constantFrom('', ' ', 'null', '{', '[]', '{"checkEveryMinutes":"15"}', 'NaN', 'Infinity', '__proto__'),
  fc.json(),
);

const optionsValue = fc.oneof(
  anyValue,
  fc.json(),
  fc.record(
    {
      quotaProbe: anyValue,
      probeModel: anyValue,
      cardExpiry: anyValue,
      monthlyBudgetUsd: fc.oneof(anyValue, fc.double(), fc.integer().map(String)),
      lowBalanceUsd: fc.oneof(anyValue, fc.double()),
      checkEveryMinutes: fc.oneof(anyValue, fc.integer(), fc.integer().map(String)),
    },
    { requiredKeys: [] },
  ).chain((record) => fc.constantFrom<unknown>(record, JSON.stringify(record))),
);

const settingsArb = fc.record(
  { api_key: anyValue, base_url: anyValue, options: optionsValue, widget_code: anyValue },
  { requiredKeys: [] },
);

function checkOptions(options: Record<string, unknown>): void {
  expect(typeof options.quotaProbe).toBe('boolean');
  expect(typeof options.probeModel).toBe('string');
  expect(options.cardExpiry === null || typeof options.cardExpiry === 'string').toBe(true);
  const minutes = options.checkEveryMinutes as number;
  expect(Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440).toBe(true);
  for (const key of ['monthlyBudgetUsd', 'lowBalanceUsd'] as const) {
    const value = options[key];
    expect(value === null || (typeof value === 'number' && Number.isFinite(value))).toBe(true);
  }
}

describe('settings reader under random settings', () => {
  it('readConfig never throws and always yields valid options', () => {
    fc.assert(
      fc.property(settingsArb, fc.option(fc.string()), (settings, stored) => {
        const read = readConfig(settings as KommoSettingsParams, stored);
        const options = (read.ok ? read.config.options : read.options) as unknown as Record<string, unknown>;
        checkOptions(options);
        if (read.ok) {
          expect(typeof read.config.apiKey).toBe('string');
          expect(read.config.apiKey).not.toBe('');
          expect(typeof read.config.baseUrl).toBe('string');
        }
        const problems = readOptionProblems(settings as KommoSettingsParams);
        for (const key of problems) expect(key === '*' || key in DEFAULT_OPTIONS).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('readParams never throws, whatever get_settings and params are', () => {
    const member = fc.oneof(
      anyValue.map((value) => () => value),
      fc.constant(() => {
        throw new Error('Kommo bug');
      }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(member, anyValue, (getSettings, params) => {
        const widget = { get_settings: getSettings, params } as unknown as Partial<KommoWidgetBase>;
        const read = readParams(widget);
        expect(typeof read).toBe('object');
        expect(read).not.toBeNull();
        const config = readConfig(read);
        checkOptions((config.ok ? config.config.options : config.options) as unknown as Record<string, unknown>);
      }),
      { numRuns: 300 },
    );
  });
});
