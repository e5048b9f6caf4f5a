import { describe, expect, it } from 'vitest';
import type { CliArgs } from '../../../scripts/health/args.ts';
import { ADMIN_KEY_MESSAGE, planRun, type PlanDeps } from '../../../scripts/health/plan.ts';
import { normalizeBaseUrl } from '../../../src/billing/base-url.ts';
import { isAdminKey } from '../../../src/billing/credentials.ts';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';

const args = (over: Partial<CliArgs>): CliArgs => ({ json: false, help: false, ...over });
const scenarios = {
  healthy: { description: 'h', apiKey: 'sk-proj-mock-h', baseUrl: 'https://api.openai.com', options: { quotaProbe: true } },
  relay: { description: 'r', apiKey: 'sk-mock-relay', baseUrl: 'https://relay.example.test/v1/', options: { lowBalanceUsd: 5 } },
  no_key: { description: 'n', apiKey: '', baseUrl: 'https://api.openai.com' },
};
const deps: PlanDeps = { scenarios: null, normalizeBaseUrl, isAdminKey };
const mockDeps: PlanDeps = { ...deps, scenarios };

describe('planRun: a real run', () => {
  it('uses the key, the default base and default options', () => {
    expect(planRun(args({ key: 'sk-proj-abc' }), deps)).toEqual({
      ok: true,
      plan: { apiKey: 'sk-proj-abc', baseUrl: 'https://api.openai.com', options: DEFAULT_OPTIONS, mock: null, at: null },
    });
  });

  it('turns flags into options and normalizes the base URL', () => {
    const result = planRun(
      args({ key: 'k', baseUrl: 'http://localhost:8080/v1/', probe: true, cardExpiry: '08/27', budgetUsd: 40, lowBalanceUsd: 2 }),
      deps,
    );
    expect(result).toEqual({
      ok: true,
      plan: {
        apiKey: 'k',
        baseUrl: 'http://localhost:8080',
        options: { ...DEFAULT_OPTIONS, quotaProbe: true, cardExpiry: '08/27', monthlyBudgetUsd: 40, lowBalanceUsd: 2 },
        mock: null,
        at: null,
      },
    });
  });

  it.each(['http://127.0.0.1:1234', 'http://[::1]:1', 'http://localhost'])('allows loopback http %s', (baseUrl) => {
    expect(planRun(args({ key: 'k', baseUrl }), deps).ok).toBe(true);
  });
});

describe('planRun: refusals', () => {
  const message = (a: CliArgs, d: PlanDeps = deps) => {
    const result = planRun(a, d);
    return result.ok ? null : result.message;
  };

  it('no --key and no --mock', () => {
    expect(message(args({}))).toMatch(/^missing --key .*--mock <scenario>/);
  });

  it('an admin key, saying why and what to use instead, without echoing it', () => {
    const text = message(args({ key: 'sk-admin-SECRET123' }));
    expect(text).toBe(ADMIN_KEY_MESSAGE);
    expect(text).toMatch(/whole organization's billing/);
    expect(text).toMatch(/restricted project key/);
    expect(text).not.toContain('SECRET123');
  });

  it.each(['http://api.openai.com', 'http://10.0.0.5:8080', 'http://127.0.0.2'])('non-https %s', (baseUrl) => {
    expect(message(args({ key: 'k', baseUrl }))).toMatch(/^--base-url must start with https:\/\//);
  });

  it.each(['not a url', 'ftp://example.com', 'https://user:pw@example.com'])('unusable base URL %s', (baseUrl) => {
    expect(message(args({ key: 'k', baseUrl }))).toMatch(/^--base-url is not a usable URL/);
  });

  it('an unknown scenario, listing the names', () => {
    expect(message(args({ mock: 'nope' }), mockDeps)).toBe('unknown --mock scenario "nope"; choose one of: healthy, relay, no_key');
    // Inherited object keys are not scenarios.
    expect(message(args({ mock: 'toString' }), mockDeps)).toMatch(/^unknown --mock scenario "toString"/);
    expect(message(args({ mock: 'x' }), deps)).toBe('unknown --mock scenario "x"; choose one of: ');
  });

  it('an admin key given with --mock', () => {
    expect(message(args({ mock: 'healthy', key: 'sk-admin-x' }), mockDeps)).toBe(ADMIN_KEY_MESSAGE);
  });
});

describe('planRun: --mock', () => {
  it("uses the scenario's key, base URL and options", () => {
    expect(planRun(args({ mock: 'relay' }), mockDeps)).toEqual({
      ok: true,
      plan: {
        apiKey: 'sk-mock-relay',
        baseUrl: 'https://relay.example.test',
        options: { ...DEFAULT_OPTIONS, lowBalanceUsd: 5 },
        mock: 'relay',
        at: null,
      },
    });
  });

  it('lets flags override the scenario', () => {
    const result = planRun(args({ mock: 'relay', key: 'other', lowBalanceUsd: 1, budgetUsd: 3 }), mockDeps);
    expect(result.ok && result.plan).toEqual({
      apiKey: 'other',
      baseUrl: 'https://relay.example.test',
      options: { ...DEFAULT_OPTIONS, lowBalanceUsd: 1, monthlyBudgetUsd: 3 },
      mock: 'relay',
      at: null,
    });
  });

  it("runs a one-moment scenario at its moment, in its time zone, and --no-probe turns the probe off", () => {
    const moment: PlanDeps = { ...deps, scenarios: { card: { description: 'c', apiKey: 'sk-proj-mock-c', baseUrl: 'https://api.openai.com', at: '2026-10-01T01:30:00.000Z', timeZone: 'America/Sao_Paulo' } } };
    const result = planRun(args({ mock: 'card', probe: false }), moment);
    expect(result.ok && result.plan).toMatchObject({ at: new Date('2026-10-01T01:30:00.000Z'), timeZone: 'America/Sao_Paulo', options: { quotaProbe: false } });
  });

  it.each(['https://relay.example.test', 'https://relay.example.test/v1', 'https://RELAY.example.test/'])(
    "accepts --base-url %s: it normalizes to the scenario's own base",
    (baseUrl) => {
      const result = planRun(args({ mock: 'relay', baseUrl }), mockDeps);
      expect(result.ok && result.plan.baseUrl).toBe('https://relay.example.test');
    },
  );

  it.each(['http://127.0.0.1:9', 'https://api.openai.com', 'https://relay.example.test:8443'])(
    'refuses --base-url %s, which the mock does not serve',
    (baseUrl) => {
      const result = planRun(args({ mock: 'relay', baseUrl }), mockDeps);
      expect(result.ok ? null : result.message).toBe(
        '--base-url cannot be used with --mock: scenario "relay" is served at https://relay.example.test only (leave --base-url out)',
      );
    },
  );

  it('keeps a scenario\'s empty key (the check reports key_invalid)', () => {
    const result = planRun(args({ mock: 'no_key' }), mockDeps);
    expect(result.ok && result.plan.apiKey).toBe('');
  });
});
