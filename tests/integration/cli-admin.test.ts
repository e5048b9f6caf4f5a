// The health CLI with an Admin key (issue 10, design.md "CLI"): a plain api.openai.com
// account shows spend, the forecast and the spend limit in the terminal when the owner
// gives an Admin key on their own machine, by flag or by OPENAI_ADMIN_KEY. The mock's
// api.openai.com answers the Admin endpoints only for the mock's own Admin key.
import { describe, expect, it } from 'vitest';
import { MOCK_ADMIN_KEY, MOCK_ADMIN_SPEND_USD } from '../../scripts/relay-mock.ts';
import { SCENARIOS } from '../../src/mocks/scenarios.ts';
import type { Report } from '../../src/health/types.ts';
import { runCli } from './cli-run.ts';

const SPENT = `$${MOCK_ADMIN_SPEND_USD.toFixed(2)}`;

describe('health CLI --admin-key against the mock (--mock healthy: a plain OpenAI account)', () => {
  it('without it: spend is not asked on api.openai.com (spend_unavailable, no money lines)', async () => {
    const run = await runCli(['--mock', 'healthy', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.code)).toContain('spend_unavailable');
    expect(report.spend).toBeUndefined();
  });

  it('with it: spend, the forecast and the spend limit, in JSON with the daily series', async () => {
    const run = await runCli(['--mock', 'healthy', '--admin-key', MOCK_ADMIN_KEY, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.status).toBe('ok');
    expect(report.findings.map((f) => f.code)).not.toContain('spend_unavailable');
    expect(report.spend?.monthToDateUsd).toBeCloseTo(MOCK_ADMIN_SPEND_USD, 4);
    expect(report.spend?.daily.length).toBeGreaterThan(0);
    expect(report.forecast?.monthEndUsd).toBeGreaterThanOrEqual(MOCK_ADMIN_SPEND_USD);
    expect(report.spendLimit).toEqual({ limitUsd: 500, enforcing: false });
    expect(run.stdout).not.toContain(MOCK_ADMIN_KEY);
  });

  it('prints the money lines in the human report, from OPENAI_ADMIN_KEY, and never the keys', async () => {
    const run = await runCli(['--mock', 'healthy'], { OPENAI_ADMIN_KEY: MOCK_ADMIN_KEY });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Spent this month: \\${SPENT}$`, 'm'));
    expect(run.stdout).toMatch(/^Month-end forecast: \$\d+\.\d{2}$/m);
    expect(run.stdout).toMatch(/^Spend limit: \$500\.00 a month, not enforced$/m);
    expect(run.stdout + run.stderr).not.toContain(MOCK_ADMIN_KEY);
    expect(run.stdout + run.stderr).not.toContain(SCENARIOS.healthy.apiKey);
  });

  it("the tests' runner does not pass on a key the developer exported (only what a test gives)", async () => {
    const exported = process.env.OPENAI_ADMIN_KEY;
    process.env.OPENAI_ADMIN_KEY = MOCK_ADMIN_KEY;
    try {
      const run = await runCli(['--mock', 'healthy', '--json']);
      expect((JSON.parse(run.stdout) as Report).findings.map((f) => f.code)).toContain('spend_unavailable');
    } finally {
      if (exported === undefined) delete process.env.OPENAI_ADMIN_KEY;
      else process.env.OPENAI_ADMIN_KEY = exported;
    }
  });

  it('an Admin key the organization does not accept leaves spend unavailable, not the key check', async () => {
    const run = await runCli(['--mock', 'healthy', '--admin-key', 'sk-admin-not-this-one-999', '--json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.code)).toEqual(['spend_unavailable']);
    expect(report.status).toBe('ok');
    expect(run.stdout + run.stderr).not.toContain('sk-admin-not-this-one-999');
  });

  it('an Admin key as --key is still refused (exit 64), pointing at --admin-key', async () => {
    const run = await runCli(['--key', MOCK_ADMIN_KEY]);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/--admin-key/);
    expect(run.stderr).not.toContain(MOCK_ADMIN_KEY);
  });
});
