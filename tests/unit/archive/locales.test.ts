import { describe, expect, it } from 'vitest';
import { FINDING_SEVERITY } from '../../../src/health/types.ts';
import { keyShape, resolveKey } from '../../../scripts/archive/i18n.ts';
import { KOMMO_LOCALES } from '../../../scripts/archive/rules.ts';
import { readRepo } from './fixture.ts';

// The keys teammates read (design.md contracts + the UI); the texts themselves are free.
const STEP_IDS = ['login', 'dashboard', 'billing', 'payment_methods', 'edit_details', 'save_verify', 'double_check', 'expiry_alerts', 'secure_env', 'verify', 'support'];
const REQUIRED = [
  'widget.name', 'widget.short_description', 'widget.description', 'widget.tour_description',
  'settings.api_key', 'settings.base_url', 'settings.options',
  ...['quota_probe', 'quota_probe_hint', 'probe_model', 'card_expiry', 'card_expiry_hint', 'monthly_budget', 'low_balance',
    'check_every', 'invalid_expiry', 'invalid_number', 'admin_key_refused', 'base_url_invalid'].map((k) => `settings.form.${k}`),
  'advanced.title', 'advanced.intro', 'advanced.last_check', 'advanced.recheck',
  ...['title', 'checking', 'recheck', 'rechecking', 'last_checked', 'not_configured', 'configure', 'ask_admin', 'error_generic',
    'spend_month', 'forecast', 'balance', 'budget'].map((k) => `panel.${k}`),
  ...['ok', 'warning', 'critical', 'unknown', 'checking'].map((k) => `status.${k}`),
  ...Object.keys(FINDING_SEVERITY).flatMap((code) => [`findings.${code}.title`, `findings.${code}.action`]),
  'walkthrough.title', 'walkthrough.intro',
  ...STEP_IDS.flatMap((id) => [`walkthrough.steps.${id}.title`, `walkthrough.steps.${id}.body`]),
];

const locales = Object.fromEntries(
  KOMMO_LOCALES.map((lang) => [lang, JSON.parse(readRepo(`locales/${lang}.json`).toString('utf8')) as Record<string, unknown>]),
);
const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(KOMMO_LOCALES)('locales/%s.json', (lang) => {
  const tree = locales[lang] ?? {};

  it('has the same key structure as en.json', () => {
    expect(keyShape(tree)).toEqual(keyShape(locales.en ?? {}));
  });

  it('has every key the product reads, as a non-empty string', () => {
    const missing = REQUIRED.filter((key) => {
      const value = resolveKey(tree, key);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  it('has a text for every finding code and no others, and the walkthrough steps in order', () => {
    expect(Object.keys(tree.findings as object).sort()).toEqual(Object.keys(FINDING_SEVERITY).sort());
    expect(Object.keys(resolveKey(tree, 'walkthrough.steps') as object)).toEqual(STEP_IDS);
  });

  it('keeps the same {placeholders} as en.json in every string', () => {
    const differing = keyShape(locales.en ?? {})
      .map((entry) => entry.split(':')[0] ?? '')
      .filter((key) => placeholders(resolveKey(tree, key)).join() !== placeholders(resolveKey(locales.en, key)).join());
    expect(differing).toEqual([]);
  });

  it('keeps sidebar labels short (about 260 px wide)', () => {
    const long = [
      ...Object.keys(FINDING_SEVERITY).map((code) => `findings.${code}.title`),
      ...['ok', 'warning', 'critical', 'unknown', 'checking'].map((k) => `status.${k}`),
    ].filter((key) => String(resolveKey(tree, key)).length > 45);
    expect(long).toEqual([]);
  });
});
