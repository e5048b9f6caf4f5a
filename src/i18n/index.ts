export { createT, type Translate, type TranslateParams } from './translate.ts';
export { toLanguage, type Language } from './locale.ts';
export { createFormatters, type Formatters } from './format.ts';
