// The one request the widget makes to the check relay (design.md "Relay"): GET
// /v1/report with the options and the user's time zone. Built in engine.js, just before
// the request (relay-client.ts); the saved URL itself is read in script.js
// (src/monitor/relay-url.ts), so a URL that is not https never loads the engine.

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
 * The relay's report URL for these options, judged on the user's calendar day (`tz`;
 * design.md: card expiry uses the user's own day). Without a zone the relay uses its own.
 */
export function relayReportUrl(relayUrl: string, options: unknown, timeZone: string | null = browserTimeZone()): string {
  const tz = timeZone === null || timeZone === '' ? '' : `&tz=${encodeURIComponent(timeZone)}`;
  return `${relayUrl}/v1/report?options=${encodeURIComponent(JSON.stringify(options))}${tz}`;
}
