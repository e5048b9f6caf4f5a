// The relay's HTTP surface (Hono: standard Request/Response, so the same app runs on
// Node, in a container and as a Cloudflare Worker). One route, GET /v1/report, and
// its preflight; everything else is 404, so the relay never forwards arbitrary paths.
// Errors are short JSON with a stable reason; an internal failure is `{"error":"internal"}`
// and a log line, never a stack trace.
import { Hono, type Context } from 'hono';
import { runCheck, type CheckConfig } from '../billing/check.ts';
import { parseOptions } from '../health/options.ts';
import { formatReportJson } from '../health/report-json.ts';
import type { Signals } from '../health/signals.ts';
import type { HealthOptions } from '../health/types.ts';
import { createCheckCache, type Upstream } from './check-cache.ts';
import type { RelayConfig } from './config.ts';
import { isAccountOrigin, isKommoShapedOrigin, preflightAsksOnlyAllowed, preflightHeaders, readableBy } from './cors.ts';
import { createScrubber, jsonLinesLogger, type LogEntry, type Logger } from './log.ts';
import { createRateLimiter } from './rate-limit.ts';
import { carryLastSuccess, checkKey, freshForMs, judge, readTimeZone } from './report.ts';
import { createTokenVerifier } from './token.ts';

export interface RelayDeps {
  /** Upstream fetch (tests and the mock mode answer OpenAI in-process). */
  fetch?: typeof fetch;
  /** The clock, in ms (tokens, cache freshness, rate limit, reports). */
  now?: () => number;
  log?: Logger;
  /** The upstream check itself; tests replace it (e.g. with one that throws). */
  runCheck?: (config: CheckConfig) => Promise<Signals>;
  /** Per-request upstream timeout (default: the client's 10 s). */
  timeoutMs?: number;
  /** The mock scenario answering upstream, shown in reports as the CLI shows it. */
  mock?: string | null;
  /** Memory bounds: cached checks (accounts × probe on/off) and rate-limited users. */
  maxCachedChecks?: number;
  maxTrackedUsers?: number;
}

type RelayEnv = { Variables: { accountId: string | null; upstream: Upstream | 'none'; reason?: string; reportStatus?: string } };

const REPORT_PATH = '/v1/report';
/** An options JSON is a few hundred characters; far more is not the widget's. */
const MAX_OPTIONS_CHARS = 4096;
const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

type OptionsRead = { ok: true; options: HealthOptions } | { ok: false; reason: string };

/** The widget's options, parsed by its own parser; any problem is a 400, not a silent default. */
function readOptions(raw: string | undefined): OptionsRead {
  if (raw !== undefined && raw.length > MAX_OPTIONS_CHARS) return { ok: false, reason: `options: longer than ${MAX_OPTIONS_CHARS} characters` };
  const parsed = parseOptions(raw ?? '');
  if (parsed.problems.length === 0) return { ok: true, options: parsed.options };
  const reason = parsed.problems
    .map((problem) => (problem.key === '*' ? `options: ${problem.reason.replace(/; all defaults used$/, '')}` : `${problem.key}: ${problem.reason}`))
    .join('; ');
  return { ok: false, reason };
}

function respond(c: Context<RelayEnv>, status: number, body: string, headers: Record<string, string> = {}): Response {
  return c.newResponse(body, status as 200, { ...JSON_HEADERS, ...headers });
}

function routeOf(c: Context<RelayEnv>): string {
  return c.req.path === REPORT_PATH && (c.req.method === 'GET' || c.req.method === 'OPTIONS') ? `${c.req.method} ${REPORT_PATH}` : 'other';
}

export function createRelayApp(config: RelayConfig, deps: RelayDeps = {}) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? jsonLinesLogger;
  const check = deps.runCheck ?? runCheck;
  const scrub = createScrubber([config.clientSecret, config.apiKey, config.adminKey ?? '']);
  const verifier = createTokenVerifier(config);
  const limiter = createRateLimiter(config.rateLimitPerMinute, deps.maxTrackedUsers ?? 10_000);
  const cache = createCheckCache<Signals>(deps.maxCachedChecks ?? 1_000, now);

  const upstreamCheck = (options: HealthOptions) =>
    check({
      apiKey: config.apiKey,
      baseUrl: config.baseUrl,
      quotaProbe: options.quotaProbe,
      probeModel: config.probeModel,
      now: () => new Date(now()),
      ...(config.adminKey !== null && { adminKey: config.adminKey }),
      ...(deps.fetch && { fetch: deps.fetch }),
      ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
    });

  const app = new Hono<RelayEnv>();

  // One log line per request, written after the answer (or the error handler's answer).
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('accountId', null);
    c.set('upstream', 'none');
    await next();
    const status = c.res.status;
    const reason = c.get('reason');
    const reportStatus = c.get('reportStatus');
    const entry: LogEntry = {
      time: new Date().toISOString(),
      level: c.error ? 'error' : status >= 400 && status !== 404 ? 'warn' : 'info',
      route: routeOf(c),
      status,
      account_id: c.get('accountId'),
      duration_ms: Math.round(performance.now() - started),
      upstream: c.get('upstream'),
      ...(reason !== undefined && { reason }),
      ...(reportStatus !== undefined && { report_status: reportStatus }),
      ...(c.error && { error: scrub(`${c.error.name}: ${c.error.message}`) }),
    };
    try {
      log(entry);
    } catch {
      // A broken log sink must not turn an answer into a failure.
    }
  });

  app.options(REPORT_PATH, (c) => {
    const origin = c.req.header('origin') ?? null;
    const asks = preflightAsksOnlyAllowed(c.req.header('access-control-request-method') ?? null, c.req.header('access-control-request-headers') ?? null);
    if (origin === null || !isKommoShapedOrigin(origin, config.extraOrigins) || !asks) {
      c.set('reason', 'origin_not_allowed');
      return respond(c, 403, JSON.stringify({ error: 'forbidden', reason: 'origin_not_allowed' }), { Vary: 'Origin' });
    }
    return c.body(null, 204, preflightHeaders(origin));
  });

  app.get(REPORT_PATH, async (c) => {
    const origin = c.req.header('origin') ?? null;
    // Refusals are readable by any Kommo page, so the widget can tell "refused" from "unreachable".
    const errorReaders = readableBy(origin !== null && isKommoShapedOrigin(origin, config.extraOrigins) ? origin : null);
    const refuse = (status: number, error: string, reason: string, headers: Record<string, string> = {}) => {
      c.set('reason', reason);
      return respond(c, status, JSON.stringify({ error, reason }), { ...errorReaders, ...headers });
    };

    const verdict = await verifier.verify(c.req.header('x-auth-token'), new Date(now()));
    if (!verdict.ok) return refuse(verdict.status, verdict.status === 401 ? 'unauthorized' : 'forbidden', verdict.reason);
    const { claims } = verdict;
    c.set('accountId', claims.accountId);
    // A browser page of another account (or any other site) does not get this account's report.
    if (origin !== null && !isAccountOrigin(origin, claims.subdomain, config.extraOrigins)) return refuse(403, 'forbidden', 'origin_not_allowed');
    const rate = limiter.take(JSON.stringify([claims.accountId, claims.userId]), now());
    if (!rate.ok) return refuse(429, 'rate_limited', 'too_many_requests', { 'Retry-After': String(rate.retryAfterS) });
    const read = readOptions(c.req.query('options'));
    if (!read.ok) return refuse(400, 'bad_options', read.reason);
    const zone = readTimeZone(c.req.query('tz'));
    if (!zone.ok) return refuse(400, 'bad_options', zone.reason);

    // The relay probes its own model (RELAY_PROBE_MODEL): a request's probeModel neither
    // starts a check of its own nor renames the model in the findings.
    const options: HealthOptions = { ...read.options, probeModel: config.probeModel };
    const result = await cache.get(
      checkKey(claims.accountId, options),
      (cached) => now() - cached.at < freshForMs(cached.value, options),
      async (previous) => carryLastSuccess(await upstreamCheck(options), previous),
    );
    c.set('upstream', result.upstream);
    const report = judge(result.value, result.at, options, now(), zone.timeZone);
    c.set('reportStatus', report.status);
    return respond(c, 200, formatReportJson(report, { baseUrl: config.baseUrl, mock: deps.mock ?? null }), readableBy(origin));
  });

  app.notFound((c) => respond(c, 404, JSON.stringify({ error: 'not_found' })));
  app.onError((_error, c) => respond(c, 500, JSON.stringify({ error: 'internal' })));
  return app;
}
