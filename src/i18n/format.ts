// Intl formatters per language: USD amounts, dates and times. Pure; the time zone
// defaults to the browser's and can be fixed (tests, the CLI).
import { intlLocale, type Language } from './locale.ts';

export interface Formatters {
  language: Language;
  /** "$12.34", "US$ 12,34", "12,34 US$"… */
  usd(amount: number): string;
  /** A calendar date ("YYYY-MM-DD" is taken as that day, not as UTC midnight). */
  date(value: string | Date): string;
  /** Date and time of day, short. */
  dateTime(value: string | Date): string;
  /** Time of day only (for "checked 14:05" today). */
  time(value: string | Date): string;
  number(value: number): string;
}

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const day = DAY_ONLY.exec(value);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function createFormatters(language: Language, options: { timeZone?: string } = {}): Formatters {
  const locale = intlLocale(language);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  // Small amounts (a probe costs $0.00001) still show something other than $0.00.
  const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  const usdSmall = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...zone });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone });
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...zone });
  const plain = new Intl.NumberFormat(locale);
  const withDate = (fmt: Intl.DateTimeFormat) => (value: string | Date) => {
    const date = toDate(value);
    return date ? fmt.format(date) : String(value);
  };
  return {
    language,
    usd: (amount) => (amount !== 0 && Math.abs(amount) < 0.01 ? usdSmall : usd).format(amount),
    // A bare day is built in local time, so format it without a forced zone.
    date: (value) => {
      const date = toDate(value);
      if (!date) return String(value);
      return typeof value === 'string' && DAY_ONLY.test(value)
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
        : day.format(date);
    },
    dateTime: withDate(dayTime),
    time: withDate(clock),
    number: (value) => plain.format(value),
  };
}
