// Each endpoint's success value as the check relay sends it in its report (spend, balance,
// spend limit): zod, like every network body (design.md). Values read back from storage
// use the zod-free twins in src/health/value-readers.ts, with the same limits;
// tests/unit/health/value-agreement.test.ts feeds both the same values.
import * as z from 'zod/mini';
import type { Endpoint, SignalValue } from '../health/endpoints.ts';
import { DAY, MAX_DAYS, MAX_WORD_CHARS } from '../health/value-readers.ts';

// z.number() already refuses NaN and ±Infinity.
const usd = z.number();
// Limits said with refine: every distinct zod check kind adds a class to the bundle.
const atMost = <T extends { length: number }>(max: number) => z.refine<T>((value) => value.length <= max);

export const VALUE_SCHEMAS: { [E in Endpoint]: z.ZodMiniType<SignalValue<E>> } = {
  models: z.object({ count: usd }),
  probe: z.object({ model: z.string().check(atMost(MAX_WORD_CHARS)) }),
  costs: z.object({
    monthToDateUsd: usd,
    daily: z.array(z.object({ date: z.string().check(z.refine((day) => DAY.test(day))), usd })).check(atMost(MAX_DAYS)),
  }),
  spend_limit: z.object({ limitUsd: z.nullable(usd), enforcing: z.boolean() }),
  balance: z.object({ totalUsd: usd, usedUsd: usd, remainingUsd: usd, unlimited: z.optional(z.boolean()) }),
};
