import { describe, expect, it } from 'vitest';
import {
  ChatCompletionSchema, CostsPageSchema, LegacySubscriptionSchema, LegacyUsageSchema, ModelsListSchema, SpendLimitSchema,
} from '../../../src/billing/schemas.ts';
import * as E from './bodies.ts';

describe('schemas accept the real bodies', () => {
  it.each([
    ['E1 models', ModelsListSchema, E.E1_MODELS],
    ['E2 costs', CostsPageSchema, E.E2_COSTS],
    ['E6 spend limit', SpendLimitSchema, E.E6_SPEND_LIMIT],
    ['E6 no limit', SpendLimitSchema, E.E6_NO_LIMIT],
    ['E24 subscription', LegacySubscriptionSchema, E.E24_SUBSCRIPTION],
    ['E24 relay subscription', LegacySubscriptionSchema, E.E24_RELAY_SUBSCRIPTION],
    ['E25 usage', LegacyUsageSchema, E.E25_USAGE],
    ['E27 probe', ChatCompletionSchema, E.E27_PROBE_OK],
  ] as const)('%s', (_name, schema, body) => {
    expect(schema.safeParse(body).success).toBe(true);
  });
});

describe('costs quirks', () => {
  const page = (results: unknown[], extra: Record<string, unknown> = {}) => ({
    object: 'page', data: [{ object: 'bucket', start_time: 1756684800, end_time: 1756771200, results }], has_more: false, next_page: null, ...extra,
  });

  const withAmount = (value: unknown) => page([{ amount: { value, currency: 'usd' } }]);

  it('accepts amounts as numbers and high-precision strings', () => {
    for (const value of [0.06, '0.00042075', '0.000004500000000000000000000000000000000', '12.50', '-0.5', '1e-7', 0]) {
      expect(CostsPageSchema.safeParse(withAmount(value)).success, String(value)).toBe(true);
    }
  });

  it('rejects amounts that are not numbers', () => {
    for (const value of ['', 'abc', '1,5', '0x10', '1e999', 'NaN', Infinity, Number.NaN, true, {}]) {
      expect(CostsPageSchema.safeParse(withAmount(value)).success, String(value)).toBe(false);
    }
  });

  it('accepts a null amount value (no amount, summed as 0)', () => {
    expect(CostsPageSchema.safeParse(withAmount(null)).success).toBe(true);
  });

  it('tolerates extra fields, null ids, empty results and an empty page', () => {
    const extra = { object: 'organization.costs.result', amount: { value: '1', currency: 'usd' }, project_id: null, line_item: null, organization_name: 'Acme', user_email: 'a@b.test' };
    expect(CostsPageSchema.safeParse(page([extra])).success).toBe(true);
    expect(CostsPageSchema.safeParse(page([])).success).toBe(true);
    expect(CostsPageSchema.safeParse({ object: 'page', data: [], has_more: false, next_page: null }).success).toBe(true);
    expect(CostsPageSchema.safeParse({ object: 'page', data: [], has_more: true, next_page: 'page_AAAA' }).success).toBe(true);
  });

  it('rejects structural nonsense', () => {
    expect(CostsPageSchema.safeParse({ object: 'list', data: [] }).success).toBe(false);
    expect(CostsPageSchema.safeParse({ object: 'page', data: {} }).success).toBe(false);
    expect(CostsPageSchema.safeParse(page([{ amount: { value: 'lots' } }])).success).toBe(false);
    expect(CostsPageSchema.safeParse({ data: [{ start_time: 'yesterday', results: [] }] }).success).toBe(false);
    expect(CostsPageSchema.safeParse(page([], { has_more: 'yes' })).success).toBe(false);
  });
});

describe('other schemas reject wrong shapes', () => {
  it('models needs a data array of ids', () => {
    expect(ModelsListSchema.safeParse({ object: 'list', data: [{ object: 'model' }] }).success).toBe(false);
    expect(ModelsListSchema.safeParse({ data: [] }).success).toBe(true);
    expect(ModelsListSchema.safeParse({ object: 'page', data: [] }).success).toBe(false);
  });

  it('spend limit needs cents and an enforcement status', () => {
    expect(SpendLimitSchema.safeParse({ threshold_amount: '100', enforcement: { status: 'inactive' } }).success).toBe(false);
    expect(SpendLimitSchema.safeParse({ threshold_amount: 100 }).success).toBe(false);
    expect(SpendLimitSchema.safeParse({ threshold_amount: -1, enforcement: { status: 'inactive' } }).success).toBe(false);
  });

  it('legacy bodies need their numbers', () => {
    expect(LegacySubscriptionSchema.safeParse({ object: 'billing_subscription' }).success).toBe(false);
    expect(LegacyUsageSchema.safeParse({ object: 'list', total_usage: '106' }).success).toBe(false);
  });
});
