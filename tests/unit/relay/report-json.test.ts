// The one JSON printer the CLI's --json and the relay share (src/health/report-json.ts).
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../scripts/health/format-json.ts';
import { formatReportJson } from '../../../src/health/report-json.ts';
import type { Report } from '../../../src/health/types.ts';

const report: Report = {
  status: 'warning',
  findings: [{ code: 'budget_near', severity: 'warning', params: { percent: 85 } }],
  checkedAt: '2026-09-10T12:00:00.000Z',
  spend: { monthToDateUsd: 42.5, daily: [{ date: '2026-09-01', usd: 42.5 }] },
};

describe('formatReportJson', () => {
  it('prints the report, then where it was checked, indented, one trailing newline', () => {
    const text = formatReportJson(report, { baseUrl: 'https://api.openai.com', mock: null });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({ ...report, baseUrl: 'https://api.openai.com' });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['status', 'findings', 'checkedAt', 'spend', 'baseUrl']);
    expect(text).toContain('\n  "spend": {\n    "monthToDateUsd": 42.5,');
  });

  it('names the mock scenario when one answered', () => {
    expect(JSON.parse(formatReportJson(report, { baseUrl: 'https://x.test', mock: 'healthy' }))).toMatchObject({ mock: 'healthy' });
  });

  it('is what the CLI prints', () => {
    const context = { baseUrl: 'https://api.openai.com', mock: 'healthy' };
    expect(formatJson(report, context)).toBe(formatReportJson(report, context));
  });
});
