import { describe, expect, it } from 'vitest';
import { parseSignals } from '../../../src/monitor/signals-schema.ts';

const good = {
  models: { kind: 'ok', value: { count: 3 } },
  probe: { kind: 'skipped', reason: 'disabled' },
  costs: { kind: 'ok', value: { monthToDateUsd: 12.5, daily: [{ date: '2026-09-01', usd: 12.5 }] } },
  spend_limit: { kind: 'error', code: 'unreachable', status: 503, apiCode: 'network' },
  balance: { kind: 'ok', value: { totalUsd: 100, usedUsd: 12.5, remainingUsd: 87.5 } },
  lastSuccessAt: '2026-09-01T10:00:00.000Z',
};

describe('parseSignals: what storage or another tab hands back', () => {
  it('accepts what a check writes', () => {
    expect(parseSignals(good)).toEqual(good);
    expect(parseSignals({ ...good, lastSuccessAt: undefined })).toEqual({ ...good, lastSuccessAt: null });
  });

  it.each([
    ['nothing', null],
    ['a string', 'x'],
    ['a missing endpoint', { ...good, balance: undefined }],
    ['an unknown kind', { ...good, probe: { kind: 'weird' } }],
    ['an ok without a value', { ...good, balance: { kind: 'ok' } }],
    ['an ok costs without numbers (would render "$NaN")', { ...good, costs: { kind: 'ok', value: {} } }],
    ['a string amount', { ...good, costs: { kind: 'ok', value: { monthToDateUsd: '12', daily: [] } } }],
    ['a malformed day', { ...good, costs: { kind: 'ok', value: { monthToDateUsd: 1, daily: [{ date: 'yesterday', usd: 1 }] } } }],
    ['an error code nobody knows', { ...good, spend_limit: { kind: 'error', code: 'totally_fine' } }],
    ['a skip reason nobody knows', { ...good, probe: { kind: 'skipped', reason: 'because' } }],
    ['a numeric lastSuccessAt', { ...good, lastSuccessAt: 5 }],
    ['an unreadable lastSuccessAt', { ...good, lastSuccessAt: 'soon' }],
    ['a prototype-named code', { ...good, spend_limit: { kind: 'error', code: 'constructor' } }],
    ['an infinite status', { ...good, spend_limit: { ...good.spend_limit, status: Number.POSITIVE_INFINITY } }],
    ['a NaN count (structured clone keeps NaN)', { ...good, models: { kind: 'ok', value: { count: Number.NaN } } }],
    ['a 201-character apiCode', { ...good, spend_limit: { ...good.spend_limit, apiCode: 'x'.repeat(201) } }],
    ['a 201-character probe model', { ...good, probe: { kind: 'ok', value: { model: 'm'.repeat(201) } } }],
    ['63 days of spend', { ...good, costs: { kind: 'ok', value: { monthToDateUsd: 1, daily: Array.from({ length: 63 }, () => ({ date: '2026-09-01', usd: 0 })) } } }],
    ['an outcome on a borrowed prototype', { ...good, models: Object.create({ kind: 'ok', value: { count: 3 } }) }],
    ['signals on a borrowed prototype', Object.create(good)],
    ['a list', [good]],
  ])('rejects %s', (_name, raw) => {
    expect(parseSignals(raw)).toBeNull();
  });

  it('reads a "__proto__" key as an unknown field: dropped, never a prototype', () => {
    const text = JSON.stringify(good).replace('{', '{"__proto__":{"polluted":true},').replace('"count":3', '"count":3,"__proto__":{"polluted":true}');
    const parsed = parseSignals(JSON.parse(text));
    expect(parsed).toEqual(good);
    expect(Object.hasOwn(parsed ?? {}, '__proto__')).toBe(false);
    expect(Object.hasOwn(parsed?.models.kind === 'ok' ? parsed.models.value : {}, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops fields it does not know (a server message never comes back from the cache)', () => {
    const withMessage = { ...good, spend_limit: { ...good.spend_limit, message: 'server text' } };
    expect(parseSignals(withMessage)?.spend_limit).toEqual(good.spend_limit);
  });
});
