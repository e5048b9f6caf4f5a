// A tiny routable fake `fetch` for billing unit tests: answers by "METHOD path",
// records every call (URL, method, headers, body) so tests can assert on them.

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  signal: AbortSignal | null;
  init: RequestInit | undefined;
}

export type Answer = Response | (() => Response | Promise<Response>);
export type Route = Answer | Answer[];

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
  /** Calls to one "METHOD /path" (query ignored). */
  callsTo(route: string): RecordedCall[];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function errorBody(code: string | null, type: string, message = 'test message'): unknown {
  return { error: { message, type, param: null, code } };
}

/**
 * `routes` maps "GET /v1/models" to an answer, or to a list answered in turn (the
 * last one repeats). Unknown routes answer 404 so a test never hangs.
 */
export function createFakeFetch(routes: Record<string, Route>): FakeFetch {
  const calls: RecordedCall[] = [];
  const counters = new Map<string, number>();
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    calls.push({ url, method, headers, body: typeof init?.body === 'string' ? init.body : null, signal: init?.signal ?? null, init });
    const key = `${method} ${new URL(url).pathname}`;
    const route = routes[key];
    if (route === undefined) return json({ error: { message: 'no route', type: 'invalid_request_error', param: null, code: null } }, 404);
    const answers = Array.isArray(route) ? route : [route];
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    const answer = answers[Math.min(n, answers.length - 1)] as Answer;
    const response = typeof answer === 'function' ? await answer() : answer;
    // A Response body can be read once; hand out a copy so repeated routes work.
    return response.clone();
  };
  return {
    fetch: fake as typeof fetch,
    calls,
    callsTo: (route) => calls.filter((c) => `${c.method} ${new URL(c.url).pathname}` === route),
  };
}

/** A fetch that never answers until aborted (for timeouts). */
export function hangingFetch(): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
}

export const instantSleep = async (_ms: number): Promise<void> => {};
