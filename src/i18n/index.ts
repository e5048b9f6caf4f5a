export { createT, interpolate, type Translate, type TranslateParams } from './translate.ts';
export { LANGUAGES, toLanguage, intlLocale, type Language } from './locale.ts';
export { createFormatters, type Formatters } from './format.ts';
