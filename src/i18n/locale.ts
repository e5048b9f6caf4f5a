// Kommo's language codes and the Intl locale each one formats with.

const LANGUAGES = ['en', 'es', 'pt', 'tr', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];

// ByteGPT's Portuguese users are Brazilian (design.md), so pt formats as pt-BR.
const INTL_LOCALE: Record<Language, string> = {
  en: 'en-US',
  es: 'es',
  pt: 'pt-BR',
  tr: 'tr-TR',
  id: 'id-ID',
};

/** Accepts "pt", "pt-BR", "PT_br"…; anything unknown becomes 'en'. */
export function toLanguage(raw: unknown): Language {
  if (typeof raw !== 'string') return 'en';
  const base = raw.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

export function intlLocale(language: Language): string {
  return INTL_LOCALE[language];
}
