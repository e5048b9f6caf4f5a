// The saved settings (design.md "Settings"): reading them for a check, validating them
// on Save, and the raw `options` object the settings form merges into.
import { normalizeBaseUrl } from '../billing/base-url.ts';
import { cleanPasted, isAdminKey } from '../billing/credentials.ts';
import { isCardExpiry, parseOptions } from '../health/options.ts';
import type { HealthOptions } from '../health/types.ts';
import { readRelayUrl, type MonitorConfig } from '../monitor/index.ts';
import type { KommoSettingsParams, KommoWidgetBase } from './sdk-types.ts';

/** Kommo's params: get_settings(), else self.params, else nothing. Never throws. */
export function readParams(widget: Partial<KommoWidgetBase>): KommoSettingsParams {
  for (const read of [() => widget.get_settings?.(), () => widget.params]) {
    try {
      const params = read();
      if (params && typeof params === 'object') return params;
    } catch {
      // a throwing Kommo member: try the next source
    }
  }
  return {};
}

/** The widget code, only if it has the documented shape (it goes into selectors and ids). */
export function readWidgetCode(params: KommoSettingsParams): string | null {
  const code = params.widget_code;
  return typeof code === 'string' && /^[a-z][a-z0-9_]{0,63}$/i.test(code) ? code : null;
}

export interface WidgetConfig extends MonitorConfig {
  /**
   * The check relay's URL as saved (design.md "Relay"). When present, reports come from
   * the relay through Kommo's signed request and `apiKey` is empty: the key is not used,
   * so it is never sent there. A URL that is not https (or loopback http) is refused by
   * the relay source before any request, and shows as `unreachable`.
   */
  relayUrl?: string;
}

export type ConfigRead = { ok: true; config: WidgetConfig } | { ok: false; reason: 'no_key'; options: HealthOptions };

/**
 * What a check needs, or "not configured" when there is neither a key nor a relay URL.
 * An admin key or a bad base URL still goes to runCheck, which refuses them before any
 * request and reports key_invalid / unreachable: the admin then sees what is wrong.
 *
 * `storedCardExpiry` is the "MM/YY" an admin typed in the walkthrough's expiry step.
 * Kommo documents no API to save a widget's settings from the sidebar, so that value is
 * kept per account in localStorage (src/checklist/card-expiry.ts) and used only when
 * the saved options have no cardExpiry: what was saved in the settings always wins.
 */
export function readConfig(params: KommoSettingsParams, storedCardExpiry: string | null = null): ConfigRead {
  // A key pasted with only blanks or invisible characters around it is still that key.
  const apiKey = typeof params.api_key === 'string' ? cleanPasted(params.api_key) : '';
  const parsed = parseOptions(params.options).options;
  const options = parsed.cardExpiry === null && isCardExpiry(storedCardExpiry) ? { ...parsed, cardExpiry: storedCardExpiry } : parsed;
  const baseUrl = typeof params.base_url === 'string' ? params.base_url : '';
  const relayUrl = typeof params.relay_url === 'string' ? cleanPasted(params.relay_url) : '';
  if (readRelayUrl(relayUrl).kind !== 'none') return { ok: true, config: { apiKey: '', baseUrl, options, relayUrl } };
  if (apiKey === '') return { ok: false, reason: 'no_key', options };
  return { ok: true, config: { apiKey, baseUrl, options } };
}

/**
 * The option keys that fell back to their defaults ('*' = the whole value), so an admin
 * sees why a typo in `options` changed nothing. Never throws.
 */
export function readOptionProblems(params: KommoSettingsParams): string[] {
  try {
    return [...new Set(parseOptions(params.options).problems.map((problem) => problem.key))];
  } catch {
    return ['*'];
  }
}

/** The card expiry saved with the widget settings, or null. */
export function readSavedCardExpiry(params: KommoSettingsParams): string | null {
  return parseOptions(params.options).options.cardExpiry;
}

/** i18n key of the reason Save is refused, or null when the form may be saved. */
export function saveRefusal(fields: Record<string, unknown> | undefined): string | null {
  const key = fields?.api_key;
  if (typeof key === 'string' && isAdminKey(key)) return 'settings.form.admin_key_refused';
  const base = fields?.base_url;
  if (typeof base === 'string' && !normalizeBaseUrl(base).ok) return 'settings.form.base_url_invalid';
  if (readRelayUrl(fields?.relay_url).kind === 'invalid') return 'settings.form.relay_url_invalid';
  return null;
}
