// What every endpoint does with an HTTP result: schema-check a success, classify
// a failure, remember unavailable endpoints, redact what the server said.
import type * as z from 'zod/mini';
import type { Endpoint, Outcome } from './signals.ts';
import { classifyFailure, classifyNetworkFailure, type Classified } from './classify.ts';
import { redactMessage } from './credentials.ts';
import { NOT_JSON, type HttpDeps, type HttpResult } from './http.ts';
import type { UnavailableMemory } from './unavailable-memory.ts';

export interface EndpointContext {
  /** Normalized base URL (no trailing slash, no /v1); the only host the key goes to. */
  base: string;
  isOpenAI: boolean;
  apiKey: string;
  http: HttpDeps;
  /** The check's clock reading, fixed for the whole check. */
  now: Date;
  memory: UnavailableMemory;
  /** Hash of (base, key) that memory entries are filed under. */
  scope: string;
}

export type Interpreted<T> = { kind: 'ok'; data: T } | { kind: 'fail'; failure: Classified; status?: number };

function hasErrorKey(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'error' in body;
}

/** Success only when the status is 2xx, the body is JSON, carries no error, and fits the schema. */
export function interpret<T>(endpoint: Endpoint, result: HttpResult, schema: z.ZodMiniType<T>): Interpreted<T> {
  if (result.kind === 'network') return { kind: 'fail', failure: classifyNetworkFailure(result.reason) };
  const { status, body } = result;
  const success = status >= 200 && status < 300;
  // Relays (one-api/new-api) answer some failures with HTTP 200 and an error body.
  if (!success || (body !== NOT_JSON && hasErrorKey(body))) {
    return { kind: 'fail', failure: classifyFailure(endpoint, status, body === NOT_JSON ? undefined : body), status };
  }
  const parsed = body === NOT_JSON ? undefined : schema.safeParse(body);
  if (parsed?.success) return { kind: 'ok', data: parsed.data };
  return {
    kind: 'fail',
    failure: { code: 'bad_response', unavailable: false, ...(body === NOT_JSON ? { apiCode: 'not_json' } : {}) },
    status,
  };
}

/** Turns a failure into the Outcome the health rules read, remembering unavailability. */
export function failureOutcome<T>(ctx: EndpointContext, endpoint: Endpoint, failed: Extract<Interpreted<unknown>, { kind: 'fail' }>): Outcome<T> {
  const { failure, status } = failed;
  if (failure.unavailable) {
    ctx.memory.remember(ctx.scope, endpoint);
    // No finding describes "this relay has no balance endpoint" or "no spend limit
    // endpoint": they are just absent. spend_unavailable speaks for costs alone.
    if (endpoint === 'balance' || endpoint === 'spend_limit') return { kind: 'skipped', reason: 'unavailable' };
  }
  return {
    kind: 'error',
    code: failure.code,
    ...(status !== undefined ? { status } : {}),
    ...(failure.apiCode !== undefined ? { apiCode: failure.apiCode } : {}),
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
