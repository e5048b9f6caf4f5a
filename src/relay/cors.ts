// Which browser origins may read the relay's answers. Kommo accounts live at
// https://<subdomain>.kommo.com (kommo-platform.md): a report goes only to the page of
// the account its token names. A preflight carries no token, so it may pass any Kommo
// account's origin; the GET behind it is held to the token's own subdomain. Operators
// add exact extra origins (a test host, a demo page) with RELAY_ALLOWED_ORIGINS.

const KOMMO_ORIGIN = /^https:\/\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.kommo\.com$/;
const ALLOWED_METHODS = 'GET, OPTIONS';
const ALLOWED_HEADERS = 'X-Auth-Token';
/** Browsers cap this anyway (Chromium at 2 h); 10 min keeps a changed rule from lingering. */
const PREFLIGHT_MAX_AGE_S = 600;

/** Any Kommo account's origin, or one of the configured extras (no token needed). */
export function isKommoShapedOrigin(origin: string, extra: ReadonlySet<string>): boolean {
  return extra.has(origin) || KOMMO_ORIGIN.test(origin);
}

/** The origin of the account the token names, or one of the configured extras. */
export function isAccountOrigin(origin: string, subdomain: string | null, extra: ReadonlySet<string>): boolean {
  if (extra.has(origin)) return true;
  return subdomain !== null && origin === `https://${subdomain}.kommo.com`;
}

/** Headers that let `origin` read this response (none without an origin). */
export function readableBy(origin: string | null): Record<string, string> {
  const vary = { Vary: 'Origin' };
  if (origin === null) return vary;
  // Retry-After must be readable for a 429 to say when to come back.
  return { ...vary, 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After' };
}

/** Only what `$authorizedAjax` sends: GET with X-Auth-Token (safelisted headers need no permission). */
export function preflightAsksOnlyAllowed(method: string | null, headers: string | null): boolean {
  if (method !== null && method.toUpperCase() !== 'GET') return false;
  const asked = (headers ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return asked.every((name) => name === 'x-auth-token');
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...readableBy(origin),
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
  };
}
