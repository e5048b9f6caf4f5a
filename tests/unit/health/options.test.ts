import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  DEFAULT_PROBE_MODEL,
  isCardExpiry,
  OPTION_FIELDS,
  parseOptions,
  readStoredOptions,
} from '../../../src/health/options.ts';

describe('DEFAULT_OPTIONS', () => {
  it('has the documented defaults and a dated probe model', () => {
    expect(DEFAULT_OPTIONS).toEqual({
      quotaProbe: true,
      probeModel: 'gpt-4o-mini-2024-07-18',
      cardExpiry: null,
      monthlyBudgetUsd: null,
      lowBalanceUsd: null,
      checkEveryMinutes: 15,
    });
    // A dated id, not an alias (openai-billing.md §4).
    expect(DEFAULT_PROBE_MODEL).toMatch(/-\d{4}-\d{2}-\d{2}$/);
    expect(Object.isFrozen(DEFAULT_OPTIONS)).toBe(true);
  });
});

describe('parseOptions: empty input', () => {
  it.each([undefined, null, '', '   ', 'null', {}, '{}'])('%j gives all defaults and no problems', (raw) => {
    const { options, problems } = parseOptions(raw);
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(problems).toEqual([]);
  });

  it('returns a fresh object each time (callers may mutate it)', () => {
    const a = parseOptions(undefined).options;
    a.quotaProbe = false;
    expect(parseOptions(undefined).options.quotaProbe).toBe(true);
  });
});

describe('parseOptions: valid values', () => {
  const full = {
    quotaProbe: true,
    probeModel: 'ft:gpt-4o-mini-2024-07-18:acme::AbCdEf12',
    cardExpiry: '08/27',
    monthlyBudgetUsd: 50.5,
    lowBalanceUsd: 0,
    checkEveryMinutes: 1440,
  };

  it('reads every key from a JSON string', () => {
    expect(parseOptions(JSON.stringify(full))).toEqual({ options: full, problems: [] });
  });

  it('reads an already parsed object', () => {
    expect(parseOptions(full)).toEqual({ options: full, problems: [] });
  });

  it('fills only the missing keys with defaults', () => {
    const { options } = parseOptions('{"quotaProbe":false}');
    expect(options).toEqual({ ...DEFAULT_OPTIONS, quotaProbe: false });
  });

  it('treats an explicit undefined as missing', () => {
    expect(parseOptions({ checkEveryMinutes: undefined })).toEqual({ options: DEFAULT_OPTIONS, problems: [] });
  });

  it('trims the card expiry and model, and reads a blank expiry as not set', () => {
    expect(parseOptions({ cardExpiry: ' 08/27 ', probeModel: ' gpt-x ' }).options).toMatchObject({
      cardExpiry: '08/27',
      probeModel: 'gpt-x',
    });
    expect(parseOptions({ cardExpiry: '' })).toEqual({ options: DEFAULT_OPTIONS, problems: [] });
    expect(parseOptions({ cardExpiry: '  ' })).toEqual({ options: DEFAULT_OPTIONS, problems: [] });
    expect(parseOptions({ cardExpiry: null, monthlyBudgetUsd: null, lowBalanceUsd: null }).problems).toEqual([]);
  });

  it.each([1, 15, 1440])('accepts checkEveryMinutes %d', (minutes) => {
    expect(parseOptions({ checkEveryMinutes: minutes })).toEqual({
      options: { ...DEFAULT_OPTIONS, checkEveryMinutes: minutes },
      problems: [],
    });
  });
});

describe('parseOptions: one bad key falls back alone', () => {
  it.each([
    ['quotaProbe', 'yes'],
    ['quotaProbe', null],
    ['quotaProbe', 1],
    ['probeModel', ''],
    ['probeModel', 'has space'],
    ['probeModel', 'x'.repeat(101)],
    ['probeModel', 42],
    ['cardExpiry', '13/27'],
    ['cardExpiry', '00/27'],
    ['cardExpiry', '8/27'],
    ['cardExpiry', '08/2027'],
    ['cardExpiry', '08-27'],
    ['cardExpiry', 827],
    ['monthlyBudgetUsd', 0],
    ['monthlyBudgetUsd', -1],
    ['monthlyBudgetUsd', '50'],
    ['monthlyBudgetUsd', Number.POSITIVE_INFINITY],
    ['monthlyBudgetUsd', Number.NaN],
    ['lowBalanceUsd', -0.01],
    ['lowBalanceUsd', '5'],
    ['checkEveryMinutes', 0],
    ['checkEveryMinutes', 1441],
    ['checkEveryMinutes', 1.5],
    ['checkEveryMinutes', null],
  ])('%s = %j → default + problem', (key, bad) => {
    const { options, problems } = parseOptions({ [key]: bad, quotaProbe: key === 'quotaProbe' ? bad : true });
    expect(options[key]).toEqual(DEFAULT_OPTIONS[key]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.key).toBe(key);
    expect(problems[0]?.reason).toMatch(/^expected /);
    // The good key beside it is kept.
    if (key !== 'quotaProbe') expect(options.quotaProbe).toBe(true);
  });

  it('reports every bad key, in key order', () => {
    const { problems } = parseOptions('{"checkEveryMinutes":"x","quotaProbe":"x","lowBalanceUsd":1e400}');
    expect(problems.map((p) => p.key)).toEqual(['quotaProbe', 'lowBalanceUsd', 'checkEveryMinutes']);
  });
});

describe('parseOptions: unusable input', () => {
  it.each(['{', '{"quotaProbe":}', 'quotaProbe=true'])('malformed JSON %j → all defaults + one problem', (raw) => {
    const { options, problems } = parseOptions(raw);
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(problems).toEqual([{ key: '*', reason: expect.stringMatching(/malformed JSON/) }]);
  });

  it.each(['[1,2]', '42', '"text"', 'true', [1], 42, true])('non-object %j → all defaults + one problem', (raw) => {
    const { options, problems } = parseOptions(raw);
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(problems).toEqual([{ key: '*', reason: expect.stringMatching(/expected a JSON object/) }]);
  });
});

describe('parseOptions: unknown keys', () => {
  it('keeps them as they are', () => {
    const { options, problems } = parseOptions('{"theme":"dark","nested":{"a":[1,2]},"quotaProbe":true}');
    expect(problems).toEqual([]);
    expect(options.theme).toBe('dark');
    expect(options.nested).toEqual({ a: [1, 2] });
  });

  it('keeps a "__proto__" key as plain data without touching the prototype', () => {
    const { options } = parseOptions('{"__proto__":{"polluted":true}}');
    expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
    expect((options as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(options, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('isCardExpiry', () => {
  it.each(['01/00', '09/26', '12/99'])('accepts %j', (s) => expect(isCardExpiry(s)).toBe(true));
  it.each(['00/26', '13/26', '1/26', '01/2026', ' 01/26', '01/26 ', '01-26', '', null, 126, undefined])(
    'rejects %j',
    (s) => expect(isCardExpiry(s)).toBe(false),
  );
});

// The settings form stores the setting back with JSON.stringify (src/kommo/areas.ts).
describe('stored form', () => {
  it('round-trips through parseOptions, unknown keys included', () => {
    const { options } = parseOptions('{"cardExpiry":"02/28","monthlyBudgetUsd":20,"extra":{"k":1},"__proto__":{"p":1}}');
    const text = JSON.stringify(options);
    expect(text).toContain('"extra":{"k":1}');
    expect(text).toContain('"__proto__":{"p":1}');
    expect(parseOptions(text)).toEqual({ options, problems: [] });
  });
});

describe('readStoredOptions', () => {
  it('parses a JSON object and keeps every key', () => {
    expect(readStoredOptions('{"quotaProbe":true,"future":{"x":1}}')).toEqual({ quotaProbe: true, future: { x: 1 } });
    expect(readStoredOptions({ a: 1 })).toEqual({ a: 1 });
  });

  it('gives {} for empty, broken or non-object values', () => {
    for (const raw of ['', '  ', '{broken', '[1,2]', '"text"', 'null', undefined, 5]) {
      expect(readStoredOptions(raw)).toEqual({});
    }
  });
});

// The settings form checks each typed value with the same readers (src/ui/options-draft.ts).
describe('OPTION_FIELDS', () => {
  it.each([
    ['quotaProbe', false, false],
    ['probeModel', '  gpt-4o  ', 'gpt-4o'],
    ['cardExpiry', ' 12/30 ', '12/30'],
    ['cardExpiry', null, null],
    ['monthlyBudgetUsd', 0.01, 0.01],
    ['lowBalanceUsd', 0, 0],
    ['checkEveryMinutes', 60, 60],
  ] as const)('%s reads %j as %j', (key, value, expected) => {
    expect(OPTION_FIELDS[key](value)).toEqual(expected);
  });

  it.each([
    ['quotaProbe', 'true'],
    ['probeModel', `${'m'.repeat(101)}`],
    ['probeModel', '<img src=x>'],
    ['cardExpiry', '12/30/1'],
    ['monthlyBudgetUsd', Number.NaN],
    ['monthlyBudgetUsd', Number.NEGATIVE_INFINITY],
    ['lowBalanceUsd', -1],
    ['lowBalanceUsd', Number.POSITIVE_INFINITY],
    ['checkEveryMinutes', 2 ** 53],
    ['checkEveryMinutes', '15'],
    ['checkEveryMinutes', undefined],
  ] as const)('%s refuses %j', (key, value) => {
    expect(OPTION_FIELDS[key](value)).toBeUndefined();
  });
});
