// The same shapes are checked twice: by zod where they arrive from the network (the
// relay's report, src/billing) and by the zod-free readers where they come back from
// storage or another tab (src/health). Both get the same values here, good and hostile,
// and must give the same verdict and the same copy, so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/billing/report-schema.ts';
import { VALUE_SCHEMAS } from '../../../src/billing/value-schemas.ts';
import { ENDPOINT_IDS, type Endpoint } from '../../../src/health/endpoints.ts';
import { readReport } from '../../../src/health/report-reader.ts';
import { VALUE_READERS } from '../../../src/health/value-readers.ts';

const day = (n: number) => ({ date: `2026-09-${String((n % 28) + 1).padStart(2, '0')}`, usd: n });
const days = (count: number) => Array.from({ length: count }, (_, i) => day(i));
// What JSON.parse makes of a body or a stored value that names "__proto__".
const withProto = (value: object) => JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(value).slice(1)}`) as unknown;

type Case = [name: string, value: unknown, accepted: boolean];

const VALUES: { [E in Endpoint]: Case[] } = {
  models: [
    ['a count', { count: 3 }, true],
    ['a count and a server field', { count: 3, object: 'list' }, true],
    ['a string count', { count: '3' }, false],
    ['NaN', { count: Number.NaN }, false],
    ['Infinity', { count: Number.POSITIVE_INFINITY }, false],
    ['no count', {}, false],
    ['null', null, false],
    ['an array', [3], false],
    ['a "__proto__" key', withProto({ count: 1 }), true],
  ],
  probe: [
    ['a model', { model: 'gpt-4o-mini-2024-07-18' }, true],
    ['an empty model', { model: '' }, true],
    ['a 200-character model', { model: 'm'.repeat(200) }, true],
    ['a 201-character model', { model: 'm'.repeat(201) }, false],
    ['a numeric model', { model: 4 }, false],
    ['no model', { id: 'gpt' }, false],
  ],
  costs: [
    ['spend with days', { monthToDateUsd: 12.5, daily: [day(1), day(2)] }, true],
    ['no days yet', { monthToDateUsd: 0, daily: [] }, true],
    ['a refund (negative)', { monthToDateUsd: -2, daily: [{ date: '2026-09-01', usd: -2 }] }, true],
    ['62 days', { monthToDateUsd: 1, daily: days(62) }, true],
    ['63 days', { monthToDateUsd: 1, daily: days(63) }, false],
    ['100 000 days', { monthToDateUsd: 1, daily: days(100_000) }, false],
    ['a malformed day', { monthToDateUsd: 1, daily: [{ date: 'yesterday', usd: 1 }] }, false],
    ['a day with a time', { monthToDateUsd: 1, daily: [{ date: '2026-09-01T00:00:00Z', usd: 1 }] }, false],
    ['a NaN day', { monthToDateUsd: 1, daily: [{ date: '2026-09-01', usd: Number.NaN }] }, false],
    ['-Infinity spend', { monthToDateUsd: Number.NEGATIVE_INFINITY, daily: [] }, false],
    ['an empty object ("$NaN")', {}, false],
    ['days that are not a list', { monthToDateUsd: 1, daily: { 0: day(1) } }, false],
    ['extra fields everywhere', { monthToDateUsd: 1, currency: 'usd', daily: [{ ...day(1), note: '<b>x</b>' }] }, true],
  ],
  spend_limit: [
    ['a limit', { limitUsd: 120, enforcing: true }, true],
    ['no limit', { limitUsd: null, enforcing: false }, true],
    ['a missing limit', { enforcing: false }, false],
    ['a string flag', { limitUsd: 120, enforcing: 'true' }, false],
    ['an infinite limit', { limitUsd: Number.POSITIVE_INFINITY, enforcing: true }, false],
  ],
  balance: [
    ['a balance', { totalUsd: 100, usedUsd: 12.5, remainingUsd: 87.5 }, true],
    ['an unlimited balance', { totalUsd: 0, usedUsd: 0, remainingUsd: 0, unlimited: true }, true],
    ['an undefined flag', { totalUsd: 1, usedUsd: 0, remainingUsd: 1, unlimited: undefined }, true],
    ['a null flag', { totalUsd: 1, usedUsd: 0, remainingUsd: 1, unlimited: null }, false],
    ['a string flag', { totalUsd: 1, usedUsd: 0, remainingUsd: 1, unlimited: 'yes' }, false],
    ['a missing amount', { totalUsd: 1, usedUsd: 0 }, false],
    ['a "__proto__" key', withProto({ totalUsd: 1, usedUsd: 0, remainingUsd: 1 }), true],
  ],
};

describe('a value from the network and the same value from the cache are read alike', () => {
  it('has cases for every endpoint', () => {
    expect(Object.keys(VALUES).sort()).toEqual([...ENDPOINT_IDS].sort());
  });

  const cases = ENDPOINT_IDS.flatMap((endpoint) => VALUES[endpoint].map(([name, value, accepted]) => [endpoint, name, value, accepted] as const));
  it.each(cases)('%s: %s', (endpoint, _name, value, accepted) => {
    const network = VALUE_SCHEMAS[endpoint].safeParse(value);
    const cached = VALUE_READERS[endpoint](value);
    expect(network.success).toBe(accepted);
    expect(cached !== undefined).toBe(accepted);
    if (network.success) {
      expect(cached).toEqual(network.data);
      expect(Object.hasOwn(cached as object, '__proto__')).toBe(false);
    }
  });
});

const AT = '2026-09-20T12:00:00.000Z';
const FULL = {
  status: 'warning',
  findings: [
    { code: 'budget_near', severity: 'warning', params: { percent: 85, budget: '$50.00' } },
    { code: 'spend_unavailable', severity: 'info', endpoint: 'costs' },
  ],
  checkedAt: AT,
  spend: { monthToDateUsd: 42.5, daily: [day(1), day(2)] },
  forecast: { monthEndUsd: 60, budgetUsd: 50, settled: false },
  balance: { totalUsd: 100, usedUsd: 42.5, remainingUsd: 57.5 },
  spendLimit: { limitUsd: 120, enforcing: true },
  lastSuccessAt: AT,
  baseUrl: 'https://api.openai.com',
};
const finding = (params: unknown) => ({ ...FULL, findings: [{ code: 'budget_near', params }] });

const REPORTS: Case[] = [
  ['a full report', FULL, true],
  ['the least a report holds', { status: 'ok', findings: [], checkedAt: AT }, true],
  ['a finding code this version does not know (left out)', { ...FULL, findings: [{ code: 'from_the_future' }] }, true],
  ['a prototype-named finding code (left out)', { ...FULL, findings: [{ code: 'constructor' }, { code: '__proto__' }] }, true],
  ['a report with a "__proto__" key', withProto(FULL), true],
  ['a "__proto__" param (kept as data)', { ...FULL, findings: [{ code: 'budget_near', params: JSON.parse('{"__proto__":"x","n":1}') }] }, true],
  ['64 findings', { ...FULL, findings: Array.from({ length: 64 }, () => ({ code: 'rate_limited' })) }, true],
  ['65 findings', { ...FULL, findings: Array.from({ length: 65 }, () => ({ code: 'rate_limited' })) }, false],
  ['a finding without a code', { ...FULL, findings: [{ severity: 'critical' }] }, false],
  ['a finding that is a string', { ...FULL, findings: ['key_invalid'] }, false],
  ['a finding on an unknown endpoint', { ...FULL, findings: [{ code: 'unreachable', endpoint: 'billing' }] }, false],
  ['17 params', finding(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i}`, i]))), false],
  ['a 201-character param', finding({ text: 'x'.repeat(201) }), false],
  ['a 41-character param name', finding({ ['n'.repeat(41)]: 1 }), false],
  ['a NaN param', finding({ percent: Number.NaN }), false],
  ['a param that is an object', finding({ nested: { a: 1 } }), false],
  ['params that are a list', finding(['a']), false],
  ['an unknown status', { ...FULL, status: 'fine' }, false],
  ['an unreadable checkedAt', { ...FULL, checkedAt: 'now' }, false],
  ['a checkedAt longer than 40 characters', { ...FULL, checkedAt: new Date(AT).toString() }, false],
  ['63 days of spend', { ...FULL, spend: { monthToDateUsd: 1, daily: days(63) } }, false],
  ['a NaN forecast', { ...FULL, forecast: { monthEndUsd: Number.NaN, budgetUsd: null, settled: true } }, false],
  ['a null balance', { ...FULL, balance: null }, false],
  ['an empty lastSuccessAt', { ...FULL, lastSuccessAt: '' }, false],
  ['findings that are not a list', { ...FULL, findings: {} }, false],
  ['a list', [FULL], false],
  ['text', JSON.stringify(FULL), false],
];

describe('a relay report and the same report from the cache are read alike', () => {
  it.each(REPORTS)('%s', (_name, value, accepted) => {
    const network = parseReport(value);
    const cached = readReport(value);
    expect(network !== null).toBe(accepted);
    expect(cached).toEqual(network);
  });

  it('keeps only what the panels read, with severities from our own table', () => {
    const read = readReport(FULL);
    expect(read).not.toHaveProperty('baseUrl');
    expect(read?.findings).toEqual([
      { code: 'budget_near', severity: 'warning', params: { percent: 85, budget: '$50.00' } },
      { code: 'spend_unavailable', severity: expect.any(String), endpoint: 'costs' },
    ]);
    const lying = readReport({ ...FULL, findings: [{ code: 'key_invalid', severity: 'info' }] });
    expect(lying?.findings[0]?.severity).toBe('critical');
    const unknown = readReport({ ...FULL, findings: [{ code: 'from_the_future' }, { code: 'constructor' }, { code: 'rate_limited' }] });
    expect(unknown?.findings).toEqual([{ code: 'rate_limited', severity: 'warning' }]);
  });
});
