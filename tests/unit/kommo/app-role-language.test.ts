import { describe, expect, it } from 'vitest';
import { isNewCard, readApp, readConstant } from '../../../src/kommo/app.ts';
import { readStrings } from '../../../src/kommo/language.ts';
import type { KommoApp } from '../../../src/kommo/sdk-types.ts';
import { readUserRole } from '../../../src/kommo/user-role.ts';

function fakeApp(constants: Record<string, unknown>, extra: Partial<KommoApp> = {}): KommoApp {
  return { constant: ((key: string) => constants[key]) as KommoApp['constant'], ...extra };
}

describe('readApp', () => {
  it('returns APP when it is an object and null otherwise', () => {
    const app = fakeApp({});
    expect(readApp({ APP: app })).toBe(app);
    expect(readApp({})).toBeNull();
    expect(readApp({ APP: 'nope' })).toBeNull();
    expect(readApp(null)).toBeNull();
  });

  it('survives a throwing APP getter', () => {
    const scope = Object.defineProperty({}, 'APP', { get() { throw new Error('boom'); } });
    expect(readApp(scope)).toBeNull();
  });
});

describe('readConstant', () => {
  it('returns undefined when constant() is missing or throws', () => {
    expect(readConstant(null, 'user')).toBeUndefined();
    expect(readConstant({} as KommoApp, 'user')).toBeUndefined();
    const throwing = { constant: () => { throw new Error('x'); } } as unknown as KommoApp;
    expect(readConstant(throwing, 'user')).toBeUndefined();
    expect(readConstant(fakeApp({ user: { id: 3 } }), 'user')).toEqual({ id: 3 });
  });
});

describe('readUserRole (APP.constant(managers)[user.id].is_admin)', () => {
  const managers = { '7': { is_admin: 'Y' }, '8': { is_admin: 'N' } };

  it('is admin only when the current user’s manager record says Y', () => {
    expect(readUserRole(fakeApp({ user: { id: 7 }, managers }))).toBe('admin');
    expect(readUserRole(fakeApp({ user: { id: 8 }, managers }))).toBe('member');
  });

  it('is member when anything is missing or odd', () => {
    expect(readUserRole(null)).toBe('member');
    expect(readUserRole(fakeApp({ managers }))).toBe('member');
    expect(readUserRole(fakeApp({ user: { id: 9 }, managers }))).toBe('member');
    expect(readUserRole(fakeApp({ user: { id: 7 } }))).toBe('member');
    expect(readUserRole(fakeApp({ user: { id: 7 }, managers: { '7': { is_admin: true } } }))).toBe('member');
    expect(readUserRole(fakeApp({ user: 'x', managers }))).toBe('member');
  });
});

describe('isNewCard', () => {
  it('is true only for a card with id 0', () => {
    expect(isNewCard(fakeApp({}, { data: { current_card: { id: 0 } } }))).toBe(true);
    expect(isNewCard(fakeApp({}, { data: { current_card: { id: 12 } } }))).toBe(false);
    expect(isNewCard(fakeApp({}, { data: { current_card: false } }))).toBe(false);
    expect(isNewCard(fakeApp({}))).toBe(false);
    expect(isNewCard(null)).toBe(false);
  });
});

describe('language', () => {
  it('reads APP.lang_id and falls back to en', () => {
    const language = (app: Parameters<typeof readStrings>[1]) => readStrings({}, app).language;
    expect(language(fakeApp({}, { lang_id: 'pt' }))).toBe('pt');
    expect(language(fakeApp({}, { lang_id: 'ru' }))).toBe('en');
    expect(language(null)).toBe('en');
  });

  it('takes strings from self.langs, else from self.i18n per section', () => {
    const fromLangs = readStrings({ langs: { panel: { title: 'Faturamento' } } }, fakeApp({}, { lang_id: 'pt' }));
    expect(fromLangs.t('panel.title')).toBe('Faturamento');
    expect(fromLangs.language).toBe('pt');

    const fromI18n = readStrings({ i18n: (key: string) => (key === 'panel' ? { title: 'Facturación' } : undefined) }, null);
    expect(fromI18n.t('panel.title')).toBe('Facturación');

    const broken = readStrings({ i18n: () => { throw new Error('x'); } }, null);
    expect(broken.t('panel.title')).toBe('panel.title');
  });
});
