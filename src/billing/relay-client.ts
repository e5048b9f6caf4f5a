// The check relay's client (design.md "Relay"): one GET /v1/report (relay-url.ts) through a transport
// the caller gives (in the widget, Kommo's $authorizedAjax from src/kommo), one retry
// after a dropped connection or a 5xx, and the answer read: a size cap, JSON, the
// report's schema, and a refusal or failure as the finding design.md names. It runs
// only when a round is due, so it is engine.js's (src/lazy/engine.ts); script.js keeps
// the URL check, the cache and the failure's report (src/monitor/relay-engine.ts).
import type { Report } from '../health/types.ts';
import { relayReportUrl } from './relay-url.ts';
import { parseReport } from './report-schema.ts';

/**
 * What the transport saw: an HTTP answer (any status), or none at all (`unsupported`:
 * the page offers no way to send Kommo's signed request).
 */
export type RelayAnswer =
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'failed'; reason: 'network' | 'timeout' | 'unsupported' };

/** One GET to the relay; resolves (never rejects) unless `signal` aborted it. */
export type RelayTransport = (url: string, signal: AbortSignal) => Promise<RelayAnswer>;

export type RelayFailureCode = 'unreachable' | 'relay_refused' | 'rate_limited' | 'bad_response';

/** What one request (and its retry) gave: the relay's report, or why there is none. */
export type RelayOutcome = { kind: 'report'; report: Report } | { kind: 'failed'; code: RelayFailureCode; status?: number; reason?: string };

/** The same cap as OpenAI bodies (read-body.ts): a report is a few kilobytes. */
const MAX_BODY_CHARS = 1 << 20;
const RETRY_DELAY_MS = 1_000;

/** Status → finding (design.md): 401/403 the relay refused us, 429 slow down, 5xx unreachable. */
function failureCode(status: number): RelayFailureCode {
  if (status === 401 || status === 403) return 'relay_refused';
  if (status === 429) return 'rate_limited';
  if (status === 0 || status >= 500) return 'unreachable';
  // 400 (bad options), a 404 from a wrong URL, a redirect: not a relay answer we can use.
  return 'bad_response';
}

function readAnswer(answer: RelayAnswer): RelayOutcome {
  if (answer.kind === 'failed') return { kind: 'failed', code: 'unreachable', reason: answer.reason };
  if (answer.status !== 200) return { kind: 'failed', code: failureCode(answer.status), status: answer.status };
  if (answer.body.length > MAX_BODY_CHARS) return { kind: 'failed', code: 'bad_response', status: 200, reason: 'too_large' };
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return { kind: 'failed', code: 'bad_response', status: 200, reason: 'not_json' };
  }
  const report = parseReport(body);
  return report ? { kind: 'report', report } : { kind: 'failed', code: 'bad_response', status: 200, reason: 'schema' };
}

/** Worth one more try: the network dropped or the relay hiccuped (not a timeout, not a refusal). */
const retryable = (answer: RelayAnswer) =>
  (answer.kind === 'failed' && answer.reason === 'network') || (answer.kind === 'answered' && answer.status >= 500);

/**
 * One round: the report for `options` asked of `relayUrl` (the saved URL, already
 * checked and normalized), one retry after `sleep` when the first answer is worth it,
 * and the answer read. Rejects only when `signal` aborted it.
 */
export async function askRelay(
  relayUrl: string,
  options: unknown,
  transport: RelayTransport,
  signal: AbortSignal,
  sleep: (ms: number) => Promise<void>,
): Promise<RelayOutcome> {
  const url = relayReportUrl(relayUrl, options);
  let answer = await transport(url, signal);
  if (retryable(answer)) {
    await sleep(RETRY_DELAY_MS);
    if (signal.aborted) throw new Error('relay check aborted');
    answer = await transport(url, signal);
  }
  return readAnswer(answer);
}
