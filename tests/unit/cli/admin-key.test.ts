// `--admin-key` (or OPENAI_ADMIN_KEY): on the owner's own machine an Admin key may read
// spend and the spend limit (issue 10, design.md "CLI"); it never stands in for --key
// and is never printed.
import { describe, expect, it } from 'vitest';
import { parseArgs, type CliArgs } from '../../../scripts/health/args.ts';
import { formatHuman, type HumanFormat } from '../../../scripts/health/format-human.ts';
import { ADMIN_KEY_MESSAGE, planRun, type PlanDeps } from '../../../scripts/health/plan.ts';
import { findingTexts } from '../../../scripts/health/texts.ts';
import { USAGE } from '../../../scripts/health/usage.ts';
import { normalizeBaseUrl } from '../../../src/billing/base-url.ts';
import { isAdminKey } from '../../../src/billing/credentials.ts';
import type { Report } from '../../../src/health/types.ts';

const ADMIN = 'sk-admin-OwnerMachineOnly123';
const args = (over: Partial<CliArgs>): CliArgs => ({ json: false, help: false, ...over });
const deps: PlanDeps = { scenarios: null, normalizeBaseUrl, isAdminKey };

describe('--admin-key: the syntax', () => {
  it('is read in both forms', () => {
    expect(parseArgs(['--key', 'sk-proj-1', '--admin-key', ADMIN])).toEqual({ ok: true, args: args({ key: 'sk-proj-1', adminKey: ADMIN }) });
    expect(parseArgs([`--admin-key=${ADMIN}`])).toEqual({ ok: true, args: args({ adminKey: ADMIN }) });
  });

  it('needs a value, once', () => {
    expect(parseArgs(['--admin-key'])).toEqual({ ok: false, message: '--admin-key needs a value' });
    expect(parseArgs(['--admin-key', '--json'])).toEqual({ ok: false, message: '--admin-key needs a value' });
    expect(parseArgs(['--admin-key', 'a', '--admin-key', 'b'])).toEqual({ ok: false, message: '--admin-key is given more than once' });
  });

  it('is documented in --help', () => {
    expect(USAGE).toMatch(/--admin-key <key>/);
    expect(USAGE).toMatch(/OPENAI_ADMIN_KEY/);
  });
});

describe('--admin-key: the plan', () => {
  it('goes into the plan beside the project key', () => {
    const result = planRun(args({ key: 'sk-proj-1', adminKey: ` ${ADMIN} ` }), deps);
    expect(result.ok && result.plan.apiKey).toBe('sk-proj-1');
    expect(result.ok && result.plan.adminKey).toBe(ADMIN);
  });

  it('falls back to OPENAI_ADMIN_KEY; the flag wins over it; blank counts as absent', () => {
    const fromEnv = planRun(args({ key: 'sk-proj-1' }), { ...deps, envAdminKey: ADMIN });
    expect(fromEnv.ok && fromEnv.plan.adminKey).toBe(ADMIN);
    const flag = planRun(args({ key: 'sk-proj-1', adminKey: 'sk-admin-flag' }), { ...deps, envAdminKey: ADMIN });
    expect(flag.ok && flag.plan.adminKey).toBe('sk-admin-flag');
    const blank = planRun(args({ key: 'sk-proj-1' }), { ...deps, envAdminKey: '  ' });
    expect(blank.ok && 'adminKey' in blank.plan).toBe(false);
  });

  it('still refuses an Admin key as --key, and says where it goes instead', () => {
    expect(planRun(args({ key: ADMIN }), deps)).toEqual({ ok: false, message: ADMIN_KEY_MESSAGE });
    expect(ADMIN_KEY_MESSAGE).toContain('--admin-key');
    expect(ADMIN_KEY_MESSAGE).not.toContain(ADMIN);
  });

  it('refuses the same key as --key and --admin-key', () => {
    const result = planRun(args({ key: 'sk-proj-same', adminKey: 'sk-proj-same' }), deps);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).not.toContain('sk-proj-same');
  });

  it('is used in a mock run too (the scenario may bring its own)', () => {
    const scenarios = { openai_admin: { description: 'd', apiKey: 'sk-proj-mock', adminKey: 'sk-admin-mock', baseUrl: 'https://api.openai.com' } };
    const own = planRun(args({ mock: 'openai_admin' }), { ...deps, scenarios });
    expect(own.ok && own.plan.adminKey).toBe('sk-admin-mock');
    const flag = planRun(args({ mock: 'openai_admin', adminKey: ADMIN }), { ...deps, scenarios });
    expect(flag.ok && flag.plan.adminKey).toBe(ADMIN);
  });
});

describe('the human report with what an Admin key reads', () => {
  const format: HumanFormat = { usd: (n) => `$${n.toFixed(2)}`, dateTime: (v) => v };
  const report: Report = {
    status: 'ok',
    findings: [],
    checkedAt: '2026-11-27T10:00:00.000Z',
    spend: { monthToDateUsd: 42.5, daily: [{ date: '2026-11-01', usd: 42.5 }] },
    forecast: { monthEndUsd: 47.22, budgetUsd: null, settled: true },
    spendLimit: { limitUsd: 120, enforcing: true },
  };
  const texts = findingTexts({});

  it('prints spend, the forecast and the spend limit', () => {
    const text = formatHuman(report, { baseUrl: 'https://api.openai.com', mock: null }, texts, format);
    expect(text).toMatch(/^Spent this month: \$42\.50$/m);
    expect(text).toMatch(/^Month-end forecast: \$47\.22$/m);
    expect(text).toMatch(/^Spend limit: \$120\.00 a month, enforced$/m);
  });

  it('says when there is no hard limit', () => {
    const text = formatHuman({ ...report, spendLimit: { limitUsd: null, enforcing: false } }, { baseUrl: 'b', mock: null }, texts, format);
    expect(text).toMatch(/^Spend limit: none$/m);
  });
});

describe('--help names the mock\'s own Admin key', () => {
  it('is the one the mock accepts', async () => {
    const { MOCK_ADMIN_KEY } = await import('../../../scripts/relay-mock.ts');
    expect(USAGE).toContain(MOCK_ADMIN_KEY);
  });
});
