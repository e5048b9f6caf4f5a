// A relay's wallet (one-api/new-api `/dashboard/billing/*`): empty is critical
// whatever the owner's threshold, low is a warning, unlimited is neither.
import type { BalanceSignal, Finding } from './types.ts';

export function balanceFinding(balance: BalanceSignal, lowBalanceUsd: number | null): Finding | null {
  if (balance.unlimited) return null;
  const { remainingUsd } = balance;
  // At or below zero the relay refuses every request: ByteGPT is already stopped.
  if (remainingUsd <= 0) {
    return { code: 'credits_exhausted', severity: 'critical', endpoint: 'balance', params: { remainingUsd } };
  }
  if (lowBalanceUsd !== null && remainingUsd < lowBalanceUsd) {
    return { code: 'balance_low', severity: 'warning', endpoint: 'balance', params: { remainingUsd, thresholdUsd: lowBalanceUsd } };
  }
  return null;
}
