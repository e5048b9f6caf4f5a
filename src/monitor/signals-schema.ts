// Signals read back from storage or another tab are checked like any network body, but
// without zod (script.js carries none): a cached `{costs: {kind: 'ok', value: {}}}` must
// be dropped, not rendered as "$NaN". The values' readers walk the endpoint registry
// (health/value-readers.ts), so a new endpoint needs its reader there.
import { ENDPOINT_IDS, type Endpoint } from '../health/endpoints.ts';
import { finite, is, isPlainObject, isoTime, object, own, text } from '../health/shape.ts';
import type { ErrorCode, Outcome, Signals } from '../health/signals.ts';
import { FINDING_SEVERITY } from '../health/types.ts';
import { MAX_WORD_CHARS, VALUE_READERS } from '../health/value-readers.ts';

const SKIP_REASONS: ReadonlySet<unknown> = new Set(['disabled', 'not_applicable', 'unavailable']);
const tag = <T extends string>(kind: T) => is<T>((value) => value === kind);
const word = text(MAX_WORD_CHARS);

// A server's message is never cached, so it never comes back: the copy drops it.
const readError = object(
  { kind: tag('error'), code: is<ErrorCode>((code) => typeof code === 'string' && Object.hasOwn(FINDING_SEVERITY, code)) },
  { status: finite(), apiCode: word, missingScope: word },
);
const readSkipped = object({ kind: tag('skipped'), reason: is<'disabled'>((reason) => SKIP_REASONS.has(reason)) });

function readOutcome(endpoint: Endpoint, raw: unknown): Outcome<unknown> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const kind = own(raw, 'kind');
  if (kind === 'ok') {
    const value = VALUE_READERS[endpoint](own(raw, 'value'));
    return value === undefined ? undefined : { kind: 'ok', value };
  }
  return kind === 'error' ? readError(raw) : readSkipped(raw);
}

/** Signals as this version writes them, or null for anything else. */
export function parseSignals(raw: unknown): Signals | null {
  if (!isPlainObject(raw)) return null;
  const out: Record<string, unknown> = {};
  for (const endpoint of ENDPOINT_IDS) {
    const outcome = readOutcome(endpoint, own(raw, endpoint));
    if (!outcome) return null;
    out[endpoint] = outcome;
  }
  const last = own(raw, 'lastSuccessAt');
  if (last !== undefined && last !== null && isoTime(last) === undefined) return null;
  out.lastSuccessAt = last ?? null;
  return out as Signals;
}
