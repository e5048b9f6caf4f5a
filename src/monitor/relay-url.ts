// The `relay_url` setting (design.md "Relay"): where the widget asks for its report when
// the keys live on a server. The same rule as base_url (https, plain http only for
// loopback, no credentials, query or fragment), except that empty means "no relay".
import { normalizeBaseUrl } from '../billing/base-url.ts';
import { cleanPasted } from '../billing/credentials.ts';

export type RelayUrlRead = { kind: 'none' } | { kind: 'ok'; url: string } | { kind: 'invalid'; reason: 'invalid' | 'not_https' };

/** Reads a saved or typed relay URL; never throws. */
export function readRelayUrl(raw: unknown): RelayUrlRead {
  const text = typeof raw === 'string' ? cleanPasted(raw) : '';
  if (text === '') return { kind: 'none' };
  const base = normalizeBaseUrl(text);
  return base.ok ? { kind: 'ok', url: base.base } : { kind: 'invalid', reason: base.reason };
}

/** This browser's IANA time zone, or null when Intl cannot tell. */
function browserTimeZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === 'string' && zone !== '' ? zone : null;
  } catch {
    return null;
  }
}

/**
 * The one request the widget makes to a relay: its report for these options, judged on
 * the user's calendar day (`tz`; design.md: card expiry uses the user's own day). Without
 * a zone the relay uses its own.
 */
export function relayReportUrl(relayUrl: string, options: unknown, timeZone: string | null = browserTimeZone()): string {
  const tz = timeZone === null || timeZone === '' ? '' : `&tz=${encodeURIComponent(timeZone)}`;
  return `${relayUrl}/v1/report?options=${encodeURIComponent(JSON.stringify(options))}${tz}`;
}
