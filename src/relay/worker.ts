// The relay as a Cloudflare Worker (wrangler.toml): the same Hono app, configured from
// the Worker's env bindings (vars and secrets) instead of process.env. One app per
// isolate, so its cache and rate limits live as long as the isolate does.
import { createRelayApp } from './app.ts';
import { parseRelayConfig, RelayConfigError, type RelayEnv } from './config.ts';

type App = ReturnType<typeof createRelayApp>;
type Built = { ok: true; app: App } | { ok: false; variable: string };

const built = new WeakMap<object, Built>();

/**
 * workerd's fetch throws on `redirect: 'error'` ("won't be implemented … use manual"),
 * which would make every upstream request look unreachable, and on older compatibility
 * dates on `credentials` and `cache` too. A server has no cookies and no HTTP cache to
 * skip, and 'manual' never follows a redirect either (the key is not carried to another
 * host; the 3xx is read as a failed request).
 */
const workerFetch: typeof fetch = (input, init) => {
  if (init === undefined) return fetch(input);
  const { credentials: _credentials, cache: _cache, redirect, ...rest } = init;
  return fetch(input, { ...rest, redirect: redirect === 'follow' ? 'follow' : 'manual' });
};

function stringsOf(env: Record<string, unknown>): RelayEnv {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function appFor(env: Record<string, unknown>): Built {
  const known = built.get(env);
  if (known) return known;
  let result: Built;
  try {
    result = { ok: true, app: createRelayApp(parseRelayConfig(stringsOf(env)), { fetch: workerFetch }) };
  } catch (error) {
    if (!(error instanceof RelayConfigError)) throw error;
    result = { ok: false, variable: error.variable };
    // Names the variable and why, never its value.
    console.log(JSON.stringify({ time: new Date().toISOString(), level: 'error', error: `configuration: ${error.message}` }));
  }
  built.set(env, result);
  return result;
}

export default {
  fetch(request: Request, env: Record<string, unknown>, ctx: unknown): Response | Promise<Response> {
    const result = appFor(env);
    if (!result.ok) {
      return new Response(JSON.stringify({ error: 'misconfigured' }), {
        status: 503,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    }
    return result.app.fetch(request, env, ctx as never);
  },
};
