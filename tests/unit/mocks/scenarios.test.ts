// The scenario table is a contract (tests, demo, CLI): names, safe keys, bases, and
// expectations that obey design.md's status rule.
import { describe, expect, it } from 'vitest';
import { FINDING_SEVERITY, type FindingCode } from '../../../src/health/types.ts';
import { MOCK_OPENAI_BASE, MOCK_RELAY_BASE, SCENARIO_NAMES, SCENARIOS, isScenarioName } from '../../../src/mocks/scenarios.ts';

const REQUIRED = [
  'healthy', 'healthy_with_spend', 'spend_near_budget', 'credits_exhausted', 'legacy_insufficient_quota',
  'org_spend_limit', 'project_spend_limit', 'usage_limit', 'invalid_key', 'missing_key', 'account_deactivated',
  'access_terminated', 'billing_not_active', 'region_blocked', 'rate_limited', 'probe_missing_scope',
  'costs_forbidden', 'costs_paginated', 'relay_balance_low', 'server_error_then_recovery', 'timeout',
  'malformed_json', 'html_error_page', 'schema_mismatch', 'spend_limit_enforcing',
];

describe('scenarios', () => {
  it('include every scenario teammates rely on, snake_case', () => {
    expect(SCENARIO_NAMES).toEqual(expect.arrayContaining(REQUIRED));
    expect(SCENARIO_NAMES.every((name) => /^[a-z]+(_[a-z]+)*$/.test(name) && isScenarioName(name))).toBe(true);
    expect(isScenarioName('toString')).toBe(false);
  });

  it('use mock-only keys on one of the two mock bases', () => {
    // Deliberate exceptions: a noisy paste of a mock key (rule 9), a key with a
    // Cyrillic letter that must never be sent, and an OpenAI server that could answer
    // costs but must not be asked (rule 2).
    const MOCK_KEY = /^sk-(proj-mock|mock-relay)-[a-z0-9-]+$/i;
    for (const name of SCENARIO_NAMES) {
      const { apiKey, baseUrl, server } = SCENARIOS[name];
      const known = server.knownKey ?? apiKey;
      expect([name, known === '' || MOCK_KEY.test(known) || name === 'key_not_sendable']).toEqual([name, true]);
      expect([MOCK_OPENAI_BASE, MOCK_RELAY_BASE]).toContain(name === 'pasted_key' ? MOCK_OPENAI_BASE : baseUrl);
      // Spend is only ever visible through a relay holding the Admin key (design.md).
      if (server.admin && name !== 'openai_admin_not_asked') expect([name, baseUrl]).toEqual([name, MOCK_RELAY_BASE]);
    }
    expect(SCENARIOS.pasted_key.apiKey.replace(/[\s\u200B\uFEFF]/g, '')).toBe(SCENARIOS.pasted_key.server.knownKey);
    const keys = SCENARIO_NAMES.map((name) => SCENARIOS[name].apiKey).filter((key) => key !== '');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('expect a status that follows from their codes (worst severity wins, info never counts)', () => {
    const rank = { critical: 3, warning: 2, unknown: 1, info: 0 } as const;
    for (const name of SCENARIO_NAMES) {
      const { status, codes } = SCENARIOS[name].expect;
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.every((code: FindingCode) => Object.hasOwn(FINDING_SEVERITY, code))).toBe(true);
      const worst = Math.max(0, ...codes.map((code) => rank[FINDING_SEVERITY[code]]));
      const derived = worst === 3 ? 'critical' : worst === 2 ? 'warning' : worst === 1 ? 'unknown' : 'ok';
      expect([name, status]).toEqual([name, derived]);
    }
  });
});
