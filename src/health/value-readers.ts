// What each endpoint's success carries, read back from storage, another tab or a cached
// relay report without zod. The relay's body is checked by the zod twins of these in
// src/billing/value-schemas.ts; tests/unit/health/value-agreement.test.ts feeds both the
// same values so they cannot drift. Typed over the endpoint registry: a new endpoint
// needs its reader here.
import type { Endpoint, SignalValue } from './endpoints.ts';
import { bool, finite, listOf, nullable, object, text, type Reader } from './shape.ts';

/**
 * A size cap, not a calendar rule: one month's daily series has at most 31 days, and
 * twice that leaves a margin for a list we did not build (a relay's, another tab's)
 * while still refusing a body that is plainly not one month's spend.
 */
export const MAX_DAYS = 62;
/** Model ids, API codes and scope names are short words; anything longer is not one. */
export const MAX_WORD_CHARS = 200;

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Amounts may be negative (a refund); NaN and ±Infinity never pass.
const usd = finite();

export const VALUE_READERS: { [E in Endpoint]: Reader<SignalValue<E>> } = {
  models: object({ count: usd }),
  probe: object({ model: text(MAX_WORD_CHARS) }),
  costs: object({ monthToDateUsd: usd, daily: listOf(object({ date: text(10, (day) => DAY.test(day)), usd }), MAX_DAYS) }),
  spend_limit: object({ limitUsd: nullable(usd), enforcing: bool }),
  balance: object({ totalUsd: usd, usedUsd: usd, remainingUsd: usd }, { unlimited: bool }),
};
