import { describe, expect, it } from 'vitest';
import { createT } from '../../../src/i18n/translate.ts';

const langs = {
  panel: { title: 'OpenAI billing', last_checked: 'Checked {time}' },
  findings: { card_expiring: { title: 'Card expires in {days} days' } },
  'flat.key': 'Flat value',
  number: 5,
};

describe('createT', () => {
  it('reads dotted keys from nested objects', () => {
    const t = createT(langs);
    expect(t('panel.title')).toBe('OpenAI billing');
    expect(t('findings.card_expiring.title', { days: 3 })).toBe('Card expires in 3 days');
  });

  it('accepts a literal flat key', () => {
    expect(createT(langs)('flat.key')).toBe('Flat value');
  });

  it('returns the key for a missing key, an object or a non-string leaf', () => {
    const t = createT(langs);
    expect(t('panel.nope')).toBe('panel.nope');
    expect(t('panel')).toBe('panel');
    expect(t('number')).toBe('number');
    expect(t('panel.title.deeper')).toBe('panel.title.deeper');
  });

  it('tries the fallback tree before giving up', () => {
    const t = createT({ panel: {} }, langs);
    expect(t('panel.title')).toBe('OpenAI billing');
    expect(createT({ panel: { title: 'Faturamento' } }, langs)('panel.title')).toBe('Faturamento');
  });

  it('survives langs that are not objects', () => {
    for (const bad of [undefined, null, 'x', 42, ['panel']]) {
      expect(createT(bad)('panel.title')).toBe('panel.title');
    }
  });

  it('does not walk into the prototype chain', () => {
    const t = createT({});
    expect(t('toString')).toBe('toString');
    expect(t('constructor.name')).toBe('constructor.name');
    expect(t('__proto__')).toBe('__proto__');
  });
});

// Placeholders, as t() fills them in a template read from the locale file.
describe('interpolation', () => {
  const fill = (template: string, params?: Record<string, string | number>) => createT({ template })('template', params);

  it('fills every placeholder that has a value', () => {
    expect(fill('{a} of {b}', { a: '$1', b: '$2' })).toBe('$1 of $2');
    expect(fill('{a} and {a}', { a: 1 })).toBe('1 and 1');
  });

  it('leaves placeholders without a value as written', () => {
    expect(fill('Spent {amount} of {budget}', { amount: '$3' })).toBe('Spent $3 of {budget}');
    expect(fill('No params {x}')).toBe('No params {x}');
  });

  it('inserts values literally (no nested substitution, no special replacement patterns)', () => {
    expect(fill('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
    expect(fill('{a}', { a: '$& $1 $$' })).toBe('$& $1 $$');
  });
});
