// Relay balance from the legacy dashboard endpoints that one-api/new-api style
// relays still serve (dead on OpenAI itself, so never asked there).
import type { BalanceSignal, Outcome } from '../health/signals.ts';
import { LegacySubscriptionSchema, LegacyUsageSchema } from './schemas.ts';
import { failureOutcome, interpret, monthStartUtc, utcDate, type EndpointContext } from './endpoint-common.ts';
import { requestJson } from './http.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * one-api, new-api and Veloera report an unlimited token as a hard limit of
 * 100000000 (USD): a sentinel, not money (openai-billing.md §2.2).
 */
const UNLIMITED_USD = 1e8;

/** Usage window: first of the month to tomorrow (the end date is exclusive). */
function legacyUsageUrl(base: string, now: Date): string {
  const query = new URLSearchParams({
    start_date: utcDate(monthStartUtc(now)),
    end_date: utcDate(new Date(now.getTime() + DAY_MS)),
  });
  return `${base}/dashboard/billing/usage?${query.toString()}`;
}

export async function fetchRelayBalance(ctx: EndpointContext): Promise<Outcome<BalanceSignal>> {
  // Independent requests: both go out at once.
  const [subscriptionResult, usageResult] = await Promise.all([
    requestJson(ctx.http, `${ctx.base}/dashboard/billing/subscription`, 'GET'),
    requestJson(ctx.http, legacyUsageUrl(ctx.base, ctx.now), 'GET'),
  ]);
  const subscription = interpret('balance', subscriptionResult, LegacySubscriptionSchema);
  const usage = interpret('balance', usageResult, LegacyUsageSchema);
  if (subscription.kind === 'ok' && usage.kind === 'ok') {
    const totalUsd = subscription.data.hard_limit_usd;
    // `total_usage` is in cents (one-api: "unit: 0.01 dollar").
    const usedUsd = usage.data.total_usage / 100;
    const value = { totalUsd, usedUsd, remainingUsd: totalUsd - usedUsd };
    return { kind: 'ok', value: totalUsd >= UNLIMITED_USD ? { ...value, unlimited: true } : value };
  }
  const failures = [subscription, usage].filter((read) => read.kind === 'fail');
  // "Unavailable" on either side outranks other failures: the pair is unusable.
  const chosen = failures.find((read) => read.failure.unavailable) ?? failures[0];
  return chosen ? failureOutcome(ctx, 'balance', chosen) : { kind: 'error', code: 'bad_response' };
}
