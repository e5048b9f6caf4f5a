// Signals read back from storage or another tab pass a schema like any network body:
// a cached `{costs: {kind: 'ok', value: {}}}` must be dropped, not rendered as "$NaN".
// Typed as a Record over the endpoint registry, so a new endpoint needs its schema here.
import * as z from 'zod/mini';
import { ENDPOINT_IDS, type Endpoint, type SignalValue } from '../health/endpoints.ts';
import type { Outcome, Signals } from '../health/signals.ts';
import { FINDING_SEVERITY } from '../health/types.ts';

const SKIP_REASONS: ReadonlySet<unknown> = new Set(['disabled', 'not_applicable', 'unavailable']);
const isFindingCode = (value: unknown) => typeof value === 'string' && Object.hasOwn(FINDING_SEVERITY, value);
// z.number() already refuses NaN and ±Infinity.
const usd = z.number();
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Said with z.custom: every distinct zod kind (literal, union…) adds a class to the bundle.
const tag = <T extends string>(kind: T) => z.custom<T>((value) => value === kind);

/** One schema per endpoint's success value; the relay's report reuses them (report-schema.ts). */
export const VALUE_SCHEMAS: { [E in Endpoint]: z.ZodMiniType<SignalValue<E>> } = {
  models: z.object({ count: usd }),
  probe: z.object({ model: z.string() }),
  costs: z.object({
    monthToDateUsd: usd,
    daily: z.array(z.object({ date: z.string().check(z.refine((day) => DAY.test(day))), usd })),
  }),
  spend_limit: z.object({ limitUsd: z.nullable(usd), enforcing: z.boolean() }),
  balance: z.object({ totalUsd: usd, usedUsd: usd, remainingUsd: usd, unlimited: z.optional(z.boolean()) }),
};

const ErrorSchema = z.object({
  kind: tag('error'),
  code: z.custom<Extract<Outcome<unknown>, { kind: 'error' }>['code']>(isFindingCode),
  status: z.optional(usd),
  apiCode: z.optional(z.string()),
  missingScope: z.optional(z.string()),
});
const SkippedSchema = z.object({ kind: tag('skipped'), reason: z.custom<'disabled'>((value) => SKIP_REASONS.has(value)) });

function readOutcome(endpoint: Endpoint, raw: unknown): Outcome<unknown> | null {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (kind === 'ok') {
    const value = VALUE_SCHEMAS[endpoint].safeParse((raw as { value?: unknown }).value);
    return value.success ? { kind: 'ok', value: value.data } : null;
  }
  const parsed = (kind === 'error' ? ErrorSchema : SkippedSchema).safeParse(raw);
  return parsed.success ? (parsed.data as Outcome<unknown>) : null;
}

/** Signals as this version writes them, or null for anything else. */
export function parseSignals(raw: unknown): Signals | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const endpoint of ENDPOINT_IDS) {
    const outcome = readOutcome(endpoint, record[endpoint]);
    if (!outcome) return null;
    out[endpoint] = outcome;
  }
  const last = record.lastSuccessAt;
  if (last !== undefined && last !== null && (typeof last !== 'string' || Number.isNaN(Date.parse(last)))) return null;
  out.lastSuccessAt = last ?? null;
  return out as Signals;
}
