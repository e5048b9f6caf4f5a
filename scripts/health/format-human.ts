// The default output: the same report the sidebar shows, as plain text.
import { findingActionKey, findingTextParams, headlineKey } from '../../src/health/text-params.ts';
import type { Finding, Report, Severity } from '../../src/health/types.ts';
import type { RunContext } from './format-json.ts';
import type { FindingTexts } from './texts.ts';

export interface HumanFormat {
  usd(amount: number): string;
  dateTime(value: string): string;
}

const MARK: Record<Severity, string> = { critical: 'x', warning: '!', unknown: '?', info: 'i' };

function findingLines(finding: Finding, texts: FindingTexts, format: HumanFormat): string[] {
  const params = findingTextParams(finding, format);
  const where = [finding.code, finding.endpoint, finding.params?.status !== undefined ? `HTTP ${finding.params.status}` : undefined]
    .filter((part) => part !== undefined)
    .join(', ');
  const lines = [`  [${MARK[finding.severity]}] ${finding.severity.toUpperCase().padEnd(8)} ${texts.title(finding.code, params)}  (${where})`];
  const action = texts.action(findingActionKey(finding), params);
  if (action !== null) lines.push(`               ${action}`);
  return lines;
}

function moneyLines(report: Report, texts: FindingTexts, format: HumanFormat): string[] {
  const lines: string[] = [];
  if (report.spend) {
    lines.push(`${texts.label('panel.spend_month', 'Spent this month')}: ${format.usd(report.spend.monthToDateUsd)}`);
  }
  if (report.forecast) {
    const budget = report.forecast.budgetUsd;
    const budgetText = budget === null ? '' : ` (${texts.label('panel.budget', 'Budget')}: ${format.usd(budget)})`;
    lines.push(`${texts.label('panel.forecast', 'Month-end forecast')}: ${format.usd(report.forecast.monthEndUsd)}${budgetText}`);
  }
  if (report.spendLimit) {
    // Only an Admin key reads it (a relay, or --admin-key): `enforcing` = a hard cap is set.
    const { limitUsd, enforcing } = report.spendLimit;
    const value = limitUsd === null ? 'none' : `${format.usd(limitUsd)} a month${enforcing ? ', enforced' : ', not enforced'}`;
    lines.push(`${texts.label('dashboard.limit.title', 'Spend limit')}: ${value}`);
  }
  if (report.balance?.unlimited) {
    lines.push(`${texts.label('panel.balance', 'Balance')}: ${texts.label('panel.unlimited', 'Unlimited')}`);
  } else if (report.balance) {
    const { remainingUsd, totalUsd, usedUsd } = report.balance;
    lines.push(
      `${texts.label('panel.balance', 'Balance')}: ${format.usd(remainingUsd)} left of ${format.usd(totalUsd)} (used ${format.usd(usedUsd)})`,
    );
  }
  return lines;
}

export function formatHuman(report: Report, context: RunContext, texts: FindingTexts, format: HumanFormat): string {
  const statusLabel = texts.label(headlineKey(report), report.status);
  const where = context.mock === null ? context.baseUrl : `${context.baseUrl} (mock scenario "${context.mock}")`;
  const lines = [
    `OpenAI billing health: ${report.status.toUpperCase()} - ${statusLabel}`,
    `Checked ${format.dateTime(report.checkedAt)} against ${where}`,
    '',
  ];
  if (report.findings.length === 0) lines.push('No findings: nothing to do.');
  else {
    lines.push('Findings:');
    for (const finding of report.findings) lines.push(...findingLines(finding, texts, format));
  }
  const money = moneyLines(report, texts, format);
  if (money.length > 0) lines.push('', ...money);
  return `${lines.join('\n')}\n`;
}
