// The user's language (APP.lang_id, else 'en') and the strings Kommo loaded for it
// (self.langs = our locales/<lang>.json).
import { createFormatters, createT, toLanguage, type Formatters, type Language, type Translate } from '../i18n/index.ts';
import type { KommoApp, KommoWidgetBase } from './sdk-types.ts';

function readLanguage(app: KommoApp | null): Language {
  try {
    return toLanguage(app?.lang_id);
  } catch {
    return 'en';
  }
}

/** self.langs when it is an object; otherwise whatever self.i18n() gives per section. */
function readLangs(widget: Partial<KommoWidgetBase>): unknown {
  try {
    if (typeof widget.langs === 'object' && widget.langs !== null) return widget.langs;
    if (typeof widget.i18n !== 'function') return {};
    const tree: Record<string, unknown> = {};
    for (const section of ['widget', 'settings', 'advanced', 'panel', 'status', 'findings', 'walkthrough', 'dashboard', 'remind', 'alerts']) {
      tree[section] = widget.i18n(section);
    }
    return tree;
  } catch {
    return {};
  }
}

export interface Strings {
  language: Language;
  t: Translate;
  fmt: Formatters;
}

// Building Intl formatters costs more than a whole card render; Kommo re-creates the
// widget on every area change, so they are made once per language for the page.
const formatters = new Map<Language, Formatters>();

export function readStrings(widget: Partial<KommoWidgetBase>, app: KommoApp | null): Strings {
  const language = readLanguage(app);
  let fmt = formatters.get(language);
  if (!fmt) {
    fmt = createFormatters(language);
    formatters.set(language, fmt);
  }
  return { language, t: createT(readLangs(widget)), fmt };
}
