// The pure rules: signals + options + now → report (design.md's finding table). No
// I/O, no clock: `now` is a parameter so every edge can be tested.
import { cardExpiryFinding } from './card-expiry.ts';
import { budgetFinding, forecastMonthEnd } from './forecast.ts';
import { spendLimitFinding } from './spend-limit.ts';
import { staleFinding } from './stale.ts';
import { keyCheckState, overallStatus, sortFindings } from './status.ts';
import { FINDING_SEVERITY } from './types.ts';
import type { Endpoint, Finding, HealthOptions, Outcome, Report, Signals } from './types.ts';

/** A failed request becomes the finding its classified code names. */
function errorFinding(endpoint: Endpoint, outcome: Outcome<unknown>): Finding | null {
  if (outcome.kind !== 'error') return null;
  const params: Record<string, string | number> = {};
  if (outcome.status !== undefined) params.status = outcome.status;
  if (outcome.apiCode !== undefined) params.apiCode = outcome.apiCode;
  // The error message stays out: it is network text, and findings get their words from locales.
  return { code: outcome.code, severity: FINDING_SEVERITY[outcome.code], endpoint, params };
}

function requestFindings(signals: Signals): Finding[] {
  // Order matters only for merging: the first finding of a code is the one kept.
  const byEndpoint: [Endpoint, Outcome<unknown>][] = [
    ['models', signals.models],
    ['probe', signals.probe],
    ['costs', signals.costs],
    ['spend_limit', signals.spendLimit],
    ['balance', signals.balance],
  ];
  const found: Finding[] = [];
  for (const [endpoint, outcome] of byEndpoint) {
    const finding = errorFinding(endpoint, outcome);
    if (finding) found.push(finding);
  }
  if (signals.probe.kind === 'skipped' && signals.probe.reason === 'disabled') {
    found.push({ code: 'quota_unverified', severity: 'info', endpoint: 'probe' });
  }
  if (signals.costs.kind === 'skipped' && signals.costs.reason === 'unavailable') {
    found.push({ code: 'spend_unavailable', severity: 'info', endpoint: 'costs' });
  }
  const limit = spendLimitFinding(signals.spendLimit, signals.costs);
  if (limit) found.push(limit);
  return found;
}

/** One finding per code: the same problem seen by two requests is still one problem. */
function mergeByCode(findings: readonly Finding[]): Finding[] {
  const kept = new Map<string, Finding>();
  for (const finding of findings) if (!kept.has(finding.code)) kept.set(finding.code, finding);
  return [...kept.values()];
}

export function evaluate(signals: Signals, options: HealthOptions, now: Date): Report {
  const found = requestFindings(signals);
  const report: Omit<Report, 'status' | 'findings'> = { checkedAt: now.toISOString() };

  const card = cardExpiryFinding(options.cardExpiry, now);
  if (card) found.push(card);

  if (signals.costs.kind === 'ok') {
    const spend = signals.costs.value;
    const forecast = forecastMonthEnd(spend.monthToDateUsd, now, options.monthlyBudgetUsd);
    report.spend = spend;
    report.forecast = forecast;
    const budget = budgetFinding(spend.monthToDateUsd, forecast);
    if (budget) found.push(budget);
  }

  if (signals.balance.kind === 'ok') {
    const balance = signals.balance.value;
    report.balance = balance;
    const threshold = options.lowBalanceUsd;
    if (threshold !== null && balance.remainingUsd < threshold) {
      found.push({
        code: 'balance_low',
        severity: 'warning',
        endpoint: 'balance',
        params: { remainingUsd: balance.remainingUsd, thresholdUsd: threshold },
      });
    }
  }

  const stale = staleFinding(signals.lastSuccessAt, options.checkEveryMinutes, now);
  if (stale) found.push(stale);

  const findings = sortFindings(mergeByCode(found));
  return { status: overallStatus(findings, keyCheckState(signals.models)), findings, ...report };
}
