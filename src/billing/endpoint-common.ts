// What every endpoint does with an HTTP result: schema-check a success, classify
// a failure, remember unavailable endpoints, redact what the server said.
import type * as z from 'zod/mini';
import type { Endpoint, Outcome } from '../health/signals.ts';
import { classifyFailure, classifyNetworkFailure, type Classified } from './classify.ts';
import { redactMessage } from './credentials.ts';
import { NOT_JSON, TOO_LARGE, type HttpDeps, type HttpResult } from './http.ts';

export interface EndpointContext {
  /** Normalized base URL (no trailing slash, no /v1); the only host the key goes to. */
  base: string;
  isOpenAI: boolean;
  apiKey: string;
  http: HttpDeps;
  /** The check's clock reading, fixed for the whole check. */
  now: Date;
  /** Auxiliary endpoints that refused this key in this check (remembered if the key works). */
  refused: Set<Endpoint>;
}

export type Interpreted<T> = { kind: 'ok'; data: T } | { kind: 'fail'; failure: Classified; status?: number };

/** A body that carries an error: `"error": null` (or false, "", absent) is none. */
function hasError(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return Boolean((body as { error?: unknown }).error);
}

/** Success only when the status is 2xx, the body is JSON, carries no error, and fits the schema. */
export function interpret<T>(endpoint: Endpoint, result: HttpResult, schema: z.ZodMiniType<T>): Interpreted<T> {
  if (result.kind === 'network') return { kind: 'fail', failure: classifyNetworkFailure(result.reason) };
  const { status } = result;
  // An unreadable body (not JSON, over the size cap) says nothing: only the status is left.
  const unread = result.body === NOT_JSON || result.body === TOO_LARGE ? result.body : null;
  const body = unread === null ? result.body : undefined;
  const success = status >= 200 && status < 300;
  // Relays (one-api/new-api) answer some failures with HTTP 200 and an error body.
  if (!success || hasError(body)) {
    return { kind: 'fail', failure: classifyFailure(endpoint, status, body), status };
  }
  const parsed = unread === null ? schema.safeParse(body) : undefined;
  if (parsed?.success) return { kind: 'ok', data: parsed.data };
  const apiCode = unread === NOT_JSON ? 'not_json' : unread === TOO_LARGE ? 'too_large' : undefined;
  return { kind: 'fail', failure: { code: 'bad_response', unavailable: false, ...(apiCode ? { apiCode } : {}) }, status };
}

/**
 * Turns a failure into the Outcome the health rules read. An endpoint that is not
 * available to this key is `skipped: unavailable`; what that means (spend_unavailable,
 * or nothing) is the rules' call.
 */
export function failureOutcome<T>(ctx: EndpointContext, endpoint: Endpoint, failed: Extract<Interpreted<unknown>, { kind: 'fail' }>): Outcome<T> {
  const { failure, status } = failed;
  if (failure.unavailable || failure.code === 'unavailable') {
    ctx.refused.add(endpoint);
    return { kind: 'skipped', reason: 'unavailable' };
  }
  return {
    kind: 'error',
    code: failure.code,
    ...(status !== undefined ? { status } : {}),
    ...(failure.apiCode !== undefined ? { apiCode: failure.apiCode } : {}),
    ...(failure.missingScope !== undefined ? { missingScope: failure.missingScope } : {}),
    ...(failure.message !== undefined ? { message: redactMessage(failure.message, ctx.apiKey) } : {}),
  };
}

/** `YYYY-MM-DD` of a UTC instant. */
export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** First instant of the UTC month containing `now`. */
export function monthStartUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
