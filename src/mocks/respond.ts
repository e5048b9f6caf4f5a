// Real-shaped response headers (openai-billing.md §3.1, E1, E13) and the response
// builders the handlers share. Environment-neutral.
import { HttpResponse } from 'msw';
import type { ErrorFixture } from './bodies.ts';

export interface HeaderContext {
  /** api.openai.com adds its meta headers; a relay only what its proxy adds. */
  isOpenAI: boolean;
  /** Sequence number of the request, for a stable x-request-id. */
  seq: number;
  /** Time spent before answering, reported as openai-processing-ms. */
  processingMs: number;
}

/** `req_` + 32 hex digits, like the real ids, but derived from the request's sequence number. */
function requestId(seq: number): string {
  const words = [0x9e3779b1, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f].map((mix) =>
    (Math.imul(seq + 1, mix) >>> 0).toString(16).padStart(8, '0'),
  );
  return `req_${words.join('')}`;
}

function baseHeaders(ctx: HeaderContext): Record<string, string> {
  const headers: Record<string, string> = {
    'x-request-id': requestId(ctx.seq),
    // Open CORS, exposing only the request id (§5, §3.1).
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'X-Request-ID',
  };
  if (ctx.isOpenAI) {
    headers['openai-organization'] = 'user-mockbytegpt01';
    headers['openai-processing-ms'] = String(Math.max(1, Math.round(ctx.processingMs)));
    headers['openai-version'] = '2020-10-01';
  }
  return headers;
}

/** Headroom left after a successful probe (E13's names, healthy values). */
const RATE_LIMIT_OK = {
  'x-ratelimit-limit-requests': '500',
  'x-ratelimit-remaining-requests': '499',
  'x-ratelimit-reset-requests': '120ms',
  'x-ratelimit-limit-tokens': '200000',
  'x-ratelimit-remaining-tokens': '199991',
  'x-ratelimit-reset-tokens': '2ms',
};

/** E13: a real rate limit says when to come back. */
const RATE_LIMIT_HIT = {
  'retry-after': '1',
  'x-ratelimit-limit-requests': '500',
  'x-ratelimit-remaining-requests': '0',
  'x-ratelimit-reset-requests': '120ms',
  'x-ratelimit-limit-tokens': '200000',
  'x-ratelimit-remaining-tokens': '199000',
  'x-ratelimit-reset-tokens': '300ms',
};

export function okJson(ctx: HeaderContext, body: unknown, withRateLimits = false): Response {
  const headers = { ...baseHeaders(ctx), ...(withRateLimits ? RATE_LIMIT_OK : {}) };
  return HttpResponse.json(body as Record<string, unknown>, { status: 200, headers });
}

/** An error envelope. Billing 429s get no Retry-After (§0.5), only rate limits do. */
export function errorJson(ctx: HeaderContext, fixture: ErrorFixture): Response {
  const headers = { ...baseHeaders(ctx), ...(fixture.rateLimitHeaders ? RATE_LIMIT_HIT : {}) };
  return HttpResponse.json(fixture.body, { status: fixture.status, headers });
}

/** A 200 declared as JSON whose text stops halfway, as when a connection drops mid-body. */
export function truncatedJson(ctx: HeaderContext, body: unknown): Response {
  const text = JSON.stringify(body);
  return new HttpResponse(text.slice(0, Math.floor(text.length / 2)), {
    status: 200,
    headers: { ...baseHeaders(ctx), 'content-type': 'application/json' },
  });
}

/** A reverse proxy's page: none of the API's headers, HTML body. */
export function htmlPage(status: number, html: string): Response {
  return HttpResponse.html(html, { status, headers: { server: 'nginx' } });
}
