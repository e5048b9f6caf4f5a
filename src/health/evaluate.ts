// The pure rules: signals + options + now → report (design.md's finding table). No
// I/O, no clock: `now` is a parameter so every edge can be tested.
import { cardExpiryFinding } from './card-expiry.ts';
import { ENDPOINT_IDS, ENDPOINTS } from './endpoints.ts';
import { budgetFinding, forecastMonthEnd } from './forecast.ts';
import { balanceFinding } from './balance.ts';
import { permissionOf } from './permissions.ts';
import { spendLimitFinding } from './spend-limit.ts';
import { staleFinding } from './stale.ts';
import { keyCheckState, overallStatus, sortFindings } from './status.ts';
import { FINDING_SEVERITY } from './types.ts';
import type { Endpoint, Finding, HealthOptions, Outcome, Report, Signals } from './types.ts';

export interface EvaluateContext {
  /** The user's IANA time zone for calendar-day rules (card expiry); default: the runtime's. */
  timeZone?: string;
}

/** What one request's outcome says: its error's finding, or what its absence means. */
function outcomeFinding(endpoint: Endpoint, outcome: Outcome<unknown>, options: HealthOptions): Finding | null {
  if (outcome.kind === 'skipped') {
    if (endpoint === 'probe' && outcome.reason === 'disabled') return { code: 'quota_unverified', severity: 'info', endpoint };
    const speaksFor = ENDPOINTS[endpoint].whenUnavailable;
    return outcome.reason === 'unavailable' && speaksFor ? { code: speaksFor, severity: FINDING_SEVERITY[speaksFor], endpoint } : null;
  }
  if (outcome.kind !== 'error') return null;
  const params: Record<string, string | number> = {};
  if (outcome.status !== undefined) params.status = outcome.status;
  if (outcome.apiCode !== undefined) params.apiCode = outcome.apiCode;
  // The advice names the permission the refusing endpoint needs (design.md).
  if (outcome.code === 'key_scope_missing') params.permission = permissionOf(endpoint, outcome.missingScope);
  if (outcome.code === 'probe_model_unavailable') params.model = options.probeModel;
  // The error message stays out: it is network text, and findings get their words from locales.
  return { code: outcome.code, severity: FINDING_SEVERITY[outcome.code], endpoint, params };
}

function requestFindings(signals: Signals, options: HealthOptions): Finding[] {
  // Registry order matters only for merging: the first finding of a code is the one kept.
  const found: Finding[] = [];
  for (const endpoint of ENDPOINT_IDS) {
    const finding = outcomeFinding(endpoint, signals[endpoint], options);
    if (finding) found.push(finding);
  }
  const limit = spendLimitFinding(signals.spend_limit, signals.costs);
  if (limit) found.push(limit);
  return found;
}

/** One finding per code: the same problem seen by two requests is still one problem. */
function mergeByCode(findings: readonly Finding[]): Finding[] {
  const kept = new Map<string, Finding>();
  for (const finding of findings) if (!kept.has(finding.code)) kept.set(finding.code, finding);
  return [...kept.values()];
}

export function evaluate(signals: Signals, options: HealthOptions, now: Date, context: EvaluateContext = {}): Report {
  const found = requestFindings(signals, options);
  const report: Omit<Report, 'status' | 'findings'> = { checkedAt: now.toISOString() };

  const card = cardExpiryFinding(options.cardExpiry, now, context.timeZone);
  if (card) found.push(card);

  if (signals.costs.kind === 'ok') {
    const spend = signals.costs.value;
    const forecast = forecastMonthEnd(spend.monthToDateUsd, now, options.monthlyBudgetUsd);
    report.spend = spend;
    report.forecast = forecast;
    const budget = budgetFinding(spend.monthToDateUsd, forecast);
    if (budget) found.push(budget);
  }

  if (signals.spend_limit.kind === 'ok') report.spendLimit = signals.spend_limit.value;

  if (signals.balance.kind === 'ok') {
    report.balance = signals.balance.value;
    const balance = balanceFinding(signals.balance.value, options.lowBalanceUsd);
    if (balance) found.push(balance);
  }

  const stale = staleFinding(signals.lastSuccessAt, options.checkEveryMinutes, now);
  if (stale) found.push(stale);

  const keyCheck = keyCheckState(signals.models);
  // This check could not confirm the key: the panel still says when one last did.
  if (keyCheck !== 'succeeded' && signals.lastSuccessAt) report.lastSuccessAt = signals.lastSuccessAt;

  const findings = sortFindings(mergeByCode(found));
  return { status: overallStatus(findings, keyCheck), findings, ...report };
}
