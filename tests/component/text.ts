// Strings and formatters for component tests: the real English locale, UTC clock.
import en from '../../locales/en.json';
import { createFormatters, createT } from '../../src/i18n/index.ts';
import type { Finding, Report } from '../../src/health/types.ts';

export const t = createT(en);
export const fmt = createFormatters('en', { timeZone: 'UTC' });
export const EN = en;

export function makeReport(status: Report['status'], findings: Finding[] = [], extra: Partial<Report> = {}): Report {
  return { status, findings, checkedAt: '2026-11-27T14:05:00.000Z', ...extra };
}
