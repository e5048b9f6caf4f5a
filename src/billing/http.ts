// One request with a timeout and a bounded retry policy. Returns the status and
// the body as `unknown` (parsed JSON, NOT_JSON, or TOO_LARGE); never throws.
import { classifyFailure } from './classify.ts';
import { readBodyCapped } from './read-body.ts';

export const NOT_JSON: unique symbol = Symbol('not-json');
/** The body passed the size cap (read-body.ts); it was not read to the end. */
export const TOO_LARGE: unique symbol = Symbol('too-large');

export type HttpResult =
  | { kind: 'response'; status: number; body: unknown }
  | { kind: 'network'; reason: 'network' | 'timeout' };

export interface HttpDeps {
  fetch: typeof fetch;
  apiKey: string;
  timeoutMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Aborted when the widget is destroyed: the fetch is cancelled and nothing retried. */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Network errors, timeouts, 408 and 5xx: the first try plus two retries. */
const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 300;
/** Longest server-requested wait we honour; longer ones are reported instead. */
const MAX_RETRY_AFTER_MS = 2_000;

/** Exponential backoff with jitter in [50 %, 100 %] of the step, so tabs spread out. */
function backoffMs(retry: number, random: () => number): number {
  const step = Math.min(MAX_RETRY_AFTER_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.round(step * (0.5 + 0.5 * Math.min(1, Math.max(0, random()))));
}

/** `retry-after-ms`, then `retry-after` (seconds or an HTTP date), in ms; null if absent/invalid. */
function retryAfterMs(headers: Headers, now: number): number | null {
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

function parseBody(text: string): unknown {
  try {
    // V8 parses deep nesting iteratively, but other engines throw RangeError on it:
    // whatever JSON.parse throws, the body is simply not JSON.
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

type Attempt = HttpResult & { headers?: Headers };

async function attemptOnce(deps: HttpDeps, url: string, init: RequestInit): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs);
  const cancel = () => controller.abort();
  if (deps.signal?.aborted) controller.abort();
  deps.signal?.addEventListener('abort', cancel);
  try {
    const response = await deps.fetch(url, { ...init, signal: controller.signal });
    // The body read is inside the timeout too: a stalled body is a stalled request.
    const read = await readBodyCapped(response);
    const body = read.kind === 'text' ? parseBody(read.text) : TOO_LARGE;
    return { kind: 'response', status: response.status, body, headers: response.headers };
  } catch {
    return { kind: 'network', reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    deps.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * A rate-limit 429 (not a billing one): only these may be retried. Asks the one
 * classifier, so retrying and reporting never disagree; for a 429 the endpoint
 * does not change the answer.
 */
function isRateLimit429(body: unknown): boolean {
  return classifyFailure('models', 429, body).code === 'rate_limited';
}

function retryDelay(attempt: Attempt, retry: number, rateLimitRetried: boolean, deps: HttpDeps): number | null {
  if (attempt.kind === 'network') return backoffMs(retry, deps.random);
  const { status, headers } = attempt;
  const asked = headers ? retryAfterMs(headers, deps.now()) : null;
  if (status === 429) {
    // Billing 429s never carry Retry-After and retrying them cannot help (docs §3).
    if (rateLimitRetried || !isRateLimit429(attempt.body) || asked === null || asked > MAX_RETRY_AFTER_MS) return null;
    return asked;
  }
  if (status === 408 || status >= 500) {
    return asked !== null && asked <= MAX_RETRY_AFTER_MS ? Math.max(asked, backoffMs(retry, deps.random)) : backoffMs(retry, deps.random);
  }
  return null;
}

/** Sends one request to `url` with the key as a Bearer token, retrying per the policy above. */
export async function requestJson(deps: HttpDeps, url: string, method: 'GET' | 'POST', jsonBody?: unknown): Promise<HttpResult> {
  const headers: Record<string, string> = { Authorization: `Bearer ${deps.apiKey}`, Accept: 'application/json' };
  if (jsonBody !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = {
    method,
    headers,
    ...(jsonBody !== undefined ? { body: JSON.stringify(jsonBody) } : {}),
    // No cookies to OpenAI or a relay; no cached billing answers; and never follow a
    // redirect, which could carry the Authorization header to another host.
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
  };

  let rateLimitRetried = false;
  let retries = 0;
  for (;;) {
    const attempt = await attemptOnce(deps, url, init);
    const delay = retries < MAX_ATTEMPTS - 1 && !deps.signal?.aborted ? retryDelay(attempt, retries, rateLimitRetried, deps) : null;
    if (delay === null) {
      return attempt.kind === 'network'
        ? { kind: 'network', reason: attempt.reason }
        : { kind: 'response', status: attempt.status, body: attempt.body };
    }
    if (attempt.kind === 'response' && attempt.status === 429) rateLimitRetried = true;
    retries += 1;
    await deps.sleep(delay);
  }
}
