import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src/i18n/format.ts';
import { intlLocale, toLanguage } from '../../../src/i18n/locale.ts';

const NBSP = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NBSP, ' ');

describe('toLanguage', () => {
  it('maps Kommo language codes and regional variants', () => {
    expect(toLanguage('pt')).toBe('pt');
    expect(toLanguage('pt-BR')).toBe('pt');
    expect(toLanguage('ES_mx')).toBe('es');
    expect(toLanguage(' id ')).toBe('id');
    expect(toLanguage('tr')).toBe('tr');
  });

  it('falls back to en for anything else', () => {
    for (const raw of ['ru', '', undefined, null, 7, 'english']) expect(toLanguage(raw)).toBe('en');
  });

  it('has an Intl locale for every language, pt as Brazilian', () => {
    // The five languages the widget ships locales for.
    const languages = ['en', 'es', 'pt', 'tr', 'id'] as const;
    expect(languages.map((code) => toLanguage(code))).toEqual(languages);
    expect(languages.map(intlLocale)).toEqual(['en-US', 'es', 'pt-BR', 'tr-TR', 'id-ID']);
  });
});

describe('createFormatters', () => {
  it('formats USD per locale', () => {
    expect(plain(createFormatters('en').usd(1234.5))).toBe('$1,234.50');
    expect(plain(createFormatters('pt').usd(1234.5))).toBe('US$ 1.234,50');
    expect(plain(createFormatters('es').usd(1234.5))).toMatch(/1234,50|1\.234,50/);
    expect(plain(createFormatters('tr').usd(12.5))).toContain('12,50');
    expect(plain(createFormatters('id').usd(12.5))).toContain('12,50');
  });

  it('keeps tiny amounts visible instead of rounding them to zero', () => {
    expect(plain(createFormatters('en').usd(0.00001))).toBe('$0.00001');
    expect(plain(createFormatters('en').usd(0))).toBe('$0.00');
  });

  it('formats a bare day as that calendar day whatever the time zone', () => {
    expect(createFormatters('en').date('2027-08-31')).toBe('Aug 31, 2027');
    expect(createFormatters('pt').date('2027-08-31')).toMatch(/31 de ago\.? de 2027/);
  });

  it('formats instants in the given time zone', () => {
    const fmt = createFormatters('en', { timeZone: 'UTC' });
    expect(plain(fmt.dateTime('2026-11-27T14:05:00Z'))).toBe('Nov 27, 2026, 2:05 PM');
    expect(plain(fmt.time('2026-11-27T14:05:00Z'))).toBe('2:05 PM');
    expect(createFormatters('pt', { timeZone: 'America/Sao_Paulo' }).time('2026-11-27T14:05:00Z')).toBe('11:05');
  });

  it('returns unparseable dates as they were given', () => {
    const fmt = createFormatters('en');
    expect(fmt.date('not a date')).toBe('not a date');
    expect(fmt.dateTime('')).toBe('');
  });

  it('formats plain numbers with the locale separators', () => {
    expect(createFormatters('en').number(1234.5)).toBe('1,234.5');
    expect(createFormatters('pt').number(1234.5)).toBe('1.234,5');
  });
});
