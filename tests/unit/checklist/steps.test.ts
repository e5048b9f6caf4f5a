import { describe, expect, it } from 'vitest';
import { isStepId, STEP_COUNT, STEP_IDS, STEPS, stepById } from '../../../src/checklist/steps.ts';

describe('the step model', () => {
  it("has design.md's eleven ids, in order, numbered 1 to 11", () => {
    expect(STEP_IDS).toEqual([
      'login', 'dashboard', 'billing', 'payment_methods', 'edit_details', 'save_verify',
      'double_check', 'expiry_alerts', 'secure_env', 'verify', 'support',
    ]);
    expect(STEPS.map((s) => s.id)).toEqual(STEP_IDS);
    expect(STEPS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(STEP_COUNT).toBe(11);
  });

  it("gives the article's six steps, its three considerations, then verify and support", () => {
    expect(STEPS.map((s) => s.kind)).toEqual([
      'article', 'article', 'article', 'article', 'article', 'article',
      'consideration', 'consideration', 'consideration', 'verify', 'support',
    ]);
  });

  it('opens the right OpenAI page for each step', () => {
    const pages = Object.fromEntries(STEPS.map((s) => [s.id, s.href]));
    expect(pages).toEqual({
      login: 'https://platform.openai.com/login',
      dashboard: 'https://platform.openai.com/settings/organization/general',
      billing: 'https://platform.openai.com/settings/organization/billing/overview',
      payment_methods: 'https://platform.openai.com/settings/organization/billing/payment-methods',
      edit_details: 'https://platform.openai.com/settings/organization/billing/payment-methods',
      save_verify: 'https://platform.openai.com/settings/organization/billing/payment-methods',
      double_check: 'https://platform.openai.com/settings/organization/billing/payment-methods',
      expiry_alerts: 'https://platform.openai.com/settings/organization/billing/payment-methods',
      secure_env: 'https://platform.openai.com/settings/organization/billing/payment-methods',
      verify: 'https://platform.openai.com/settings/organization/billing/overview',
      support: 'https://help.openai.com',
    });
    for (const step of STEPS) expect(new URL(step.href).protocol).toBe('https:');
  });

  it('finds a step by id and tells ids from anything else', () => {
    expect(stepById('verify')).toMatchObject({ id: 'verify', number: 10, kind: 'verify' });
    expect(isStepId('billing')).toBe(true);
    for (const value of ['Billing', '', 'toString', null, 3, undefined]) expect(isStepId(value)).toBe(false);
  });
});
