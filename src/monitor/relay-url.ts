// The `relay_url` setting (design.md "Relay"): where the widget asks for its report when
// the keys live on a server. The same rule as base_url (https, plain http only for
// loopback, no credentials, query or fragment), except that empty means "no relay".
// The report URL built from it is engine.js's (src/billing/relay-url.ts).
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
