// English texts for the CLI, read at run time from the repo's locales/en.json (the
// same strings the sidebar shows). A missing or broken file, or a missing key,
// degrades to the finding code; it never crashes the report.
import { readFileSync } from 'node:fs';
import { createT, type Translate } from '../../src/i18n/index.ts';
import type { FindingCode } from '../../src/health/types.ts';

export const EN_LOCALE_URL = new URL('../../locales/en.json', import.meta.url);

export function loadLocale(url: URL = EN_LOCALE_URL): unknown {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as unknown;
  } catch {
    return {};
  }
}

export interface FindingTexts {
  title(code: FindingCode, params: Record<string, string | number>): string;
  /** The advice under a locale key (see findingActionKey); null when the locale has none. */
  action(key: string, params: Record<string, string | number>): string | null;
  /** A UI label, or `fallback` when the locale lacks it. */
  label(key: string, fallback: string, params?: Record<string, string | number>): string;
}

export function findingTexts(locale: unknown): FindingTexts {
  const t: Translate = createT(locale);
  // createT answers a missing key with the key itself.
  const lookup = (key: string, params?: Record<string, string | number>): string | null => {
    const text = t(key, params);
    return text === key ? null : text;
  };
  return {
    title: (code, params) => lookup(`findings.${code}.title`, params) ?? code,
    action: (key, params) => lookup(key, params),
    label: (key, fallback, params) => lookup(key, params) ?? fallback,
  };
}
