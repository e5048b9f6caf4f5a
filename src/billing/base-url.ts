// The one place that decides where the key may be sent. Everything else builds
// request URLs from the `base` returned here, so the key only ever goes to it.
import { cleanPasted } from './credentials.ts';

export type BaseUrlResult =
  | { ok: true; base: string; isOpenAI: boolean }
  | { ok: false; reason: 'invalid' | 'not_https' };

const DEFAULT_BASE_URL = 'https://api.openai.com';
const OPENAI_HOST = 'api.openai.com';
// Plain http is allowed only for loopback (local relays and mock servers).
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Normalizes the `base_url` setting to `scheme://host[:port][/prefix]` without a
 * trailing slash or `/v1`, so `${base}/v1/models` and `${base}/dashboard/...` work.
 */
export function normalizeBaseUrl(raw: string | undefined): BaseUrlResult {
  const text = cleanPasted(raw ?? '');
  if (text === '') return { ok: true, base: DEFAULT_BASE_URL, isOpenAI: true };

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  // Credentials, queries and fragments in a base URL would leak into or confuse
  // every request built from it.
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'invalid' };
  }
  if (url.hostname === '') return { ok: false, reason: 'invalid' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { ok: false, reason: 'not_https' };

  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '').replace(/\/+$/, '');
  return {
    ok: true,
    base: `${url.protocol}//${url.host}${path}`,
    isOpenAI: url.protocol === 'https:' && url.hostname === OPENAI_HOST,
  };
}
