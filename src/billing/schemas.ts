// zod/mini schemas for every body the client reads. Unknown keys are stripped,
// not rejected: live responses carry fields the spec does not list.
// Size: every distinct zod kind (union, literal, int…) pulls a class into the bundle,
// so "one of these values" is said with z.custom / z.refine, which we need anyway.
import * as z from 'zod/mini';
import { wholeNumber } from './zod-checks.ts';

/** An optional `object` tag that, when present, must be exactly `tag`. */
const objectTag = <T extends string>(tag: T) => z.optional(z.custom<T>((value) => value === tag));

/** `{"error": {...}}` — OpenAI's envelope; relays also send it with HTTP 200. */
export const ErrorEnvelopeSchema = z.object({
  // `"error": null` in a success body is no error (some relays always send the key).
  error: z.nullable(
    z.object({
      code: z.optional(z.nullable(z.custom<string | number>((value) => typeof value === 'string' || Number.isFinite(value)))),
      type: z.optional(z.nullable(z.string())),
      message: z.optional(z.nullable(z.string())),
      param: z.optional(z.nullable(z.string())),
    }),
  ),
});

export const ModelsListSchema = z.object({
  object: objectTag('list'),
  data: z.array(z.object({ id: z.string() })),
});

export const ChatCompletionSchema = z.object({
  object: objectTag('chat.completion'),
  model: z.optional(z.string()),
  choices: z.array(z.object({ index: z.optional(z.number()) })),
});

// Costs' `amount.value` is documented as a number but often arrives as a
// high-precision decimal string ("0.00042075"). Either way it must be finite.
const DECIMAL_TEXT = /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const AmountValueSchema = z.custom<number | string>((value) =>
  typeof value === 'string' ? DECIMAL_TEXT.test(value) && Number.isFinite(Number(value)) : Number.isFinite(value),
);

const CostsResultSchema = z.object({
  amount: z.optional(
    z.nullable(
      z.object({
        value: z.optional(z.nullable(AmountValueSchema)),
        currency: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  project_id: z.optional(z.nullable(z.string())),
  line_item: z.optional(z.nullable(z.string())),
});

const CostsBucketSchema = z.object({
  start_time: z.number().check(wholeNumber, z.nonnegative()),
  end_time: z.optional(z.number()),
  results: z.array(CostsResultSchema),
});

export const CostsPageSchema = z.object({
  object: objectTag('page'),
  data: z.array(CostsBucketSchema),
  has_more: z.optional(z.nullable(z.boolean())),
  next_page: z.optional(z.nullable(z.string())),
});

export const SpendLimitSchema = z.object({
  object: z.optional(z.string()),
  /** cents */
  threshold_amount: z.nullable(z.number().check(z.nonnegative())),
  currency: z.optional(z.nullable(z.string())),
  interval: z.optional(z.nullable(z.string())),
  enforcement: z.object({ status: z.string() }),
});

/** Legacy `/dashboard/billing/subscription` (relays): the limit is in dollars. */
export const LegacySubscriptionSchema = z.object({
  object: objectTag('billing_subscription'),
  hard_limit_usd: z.number().check(z.nonnegative()),
});

/**
 * Legacy `/dashboard/billing/usage` (relays): `total_usage` is in CENTS. Over a billion
 * dollars is a broken body, not a month of use (a huge hard limit, by contrast, is how
 * relays say "unlimited", so that one has no ceiling).
 */
export const LegacyUsageSchema = z.object({
  object: objectTag('list'),
  total_usage: z.number().check(z.nonnegative(), z.lte(1e11)),
});

export type CostsPage = z.infer<typeof CostsPageSchema>;
