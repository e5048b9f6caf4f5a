// `spend_limit_reached` from GET /v1/organization/spend_limit. design.md's table says
// "spend limit `enforcing`", but enforcement.status only tells whether a hard limit is
// set and enforced ("inactive" with threshold 0 is "no limit": openai-billing.md §1.4,
// E6), not that it has been hit. Taken literally, every organisation with a hard cap
// would read "Spend limit reached". So the limit counts as reached only when month-to-
// date spend is known and has got to it; with spend or limit unknown this endpoint says
// nothing, and an actual block still arrives as the probe's 429
// organization/project_spend_limit_exceeded.
import { EPSILON_USD } from './forecast.ts';
import type { Finding, Outcome, SpendLimitSignal, SpendSignal } from './types.ts';

export function spendLimitFinding(limit: Outcome<SpendLimitSignal>, costs: Outcome<SpendSignal>): Finding | null {
  if (limit.kind !== 'ok' || !limit.value.enforcing || costs.kind !== 'ok') return null;
  const limitUsd = limit.value.limitUsd;
  // Unknown, or a non-positive amount that is no usable limit.
  if (limitUsd === null || !(limitUsd > 0)) return null;
  const spendUsd = costs.value.monthToDateUsd;
  // Enforcement is not instantaneous, so spend may sit slightly above the limit (§1.4).
  if (spendUsd < limitUsd - EPSILON_USD) return null;
  return { code: 'spend_limit_reached', severity: 'critical', endpoint: 'spend_limit', params: { limitUsd, spendUsd } };
}
