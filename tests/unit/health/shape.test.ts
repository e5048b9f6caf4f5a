import { describe, expect, it } from 'vitest';
import { bool, finite, is, isoTime, isPlainObject, listOf, nullable, object, own, text, trimmed } from '../../../src/health/shape.ts';

describe('finite', () => {
  it('accepts finite numbers, negative zero and negatives included', () => {
    for (const n of [0, -0, 1.5, -3, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE]) expect(finite()(n)).toBe(n);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', null, undefined, true, [1], { valueOf: () => 1 }, 1n])('refuses %s', (value) => {
    expect(finite()(value)).toBeUndefined();
  });

  it('refuses what its test refuses (negative where not wanted, fractions, out of range)', () => {
    const positive = finite((n) => n > 0);
    expect(positive(0.01)).toBe(0.01);
    expect(positive(0)).toBeUndefined();
    expect(positive(-1)).toBeUndefined();
    const minutes = finite((n) => Number.isSafeInteger(n) && n >= 1 && n <= 1440);
    expect(minutes(1440)).toBe(1440);
    expect(minutes(1.5)).toBeUndefined();
    expect(minutes(1441)).toBeUndefined();
    expect(minutes(2 ** 53)).toBeUndefined();
  });
});

describe('bool', () => {
  it('accepts only true and false', () => {
    expect(bool(true)).toBe(true);
    expect(bool(false)).toBe(false);
    for (const value of ['true', 1, 0, null, undefined, {}]) expect(bool(value)).toBeUndefined();
  });
});

describe('text and trimmed', () => {
  it('accepts a string up to its length and refuses one character more', () => {
    expect(text(3)('abc')).toBe('abc');
    expect(text(3)('')).toBe('');
    expect(text(3)('abcd')).toBeUndefined();
    expect(text(200)('x'.repeat(1_000_000))).toBeUndefined();
  });

  it('refuses what is not a string, and what its test refuses', () => {
    for (const value of [1, null, undefined, ['a'], { toString: () => 'a' }]) expect(text(10)(value)).toBeUndefined();
    const word = text(10, (s) => /^\w+$/.test(s));
    expect(word('ok_1')).toBe('ok_1');
    expect(word('no space')).toBeUndefined();
  });

  it('trims before reading, so the limit applies to what is kept', () => {
    const short = trimmed(text(5));
    expect(short('  08/27 \n')).toBe('08/27');
    expect(short(' 123456 ')).toBeUndefined();
    expect(short(5)).toBeUndefined();
  });
});

describe('isoTime', () => {
  it('accepts what toISOString writes', () => {
    const at = new Date(Date.UTC(2026, 8, 1, 10)).toISOString();
    expect(isoTime(at)).toBe(at);
    expect(isoTime('2026-09-01T10:00:00.000+05:30')).toBeDefined();
  });

  it.each(['', 'soon', 'yesterday', '2026-13-45T99:00:00Z', `2026-09-01T10:00:00.000Z${' '.repeat(40)}`, 1_788_000_000_000, null])('refuses %j', (value) => {
    expect(isoTime(value)).toBeUndefined();
  });

  it('refuses a time Date.parse reads when it is longer than 40 characters', () => {
    const long = new Date(0).toString();
    expect(Number.isNaN(Date.parse(long))).toBe(false);
    expect(long.length).toBeGreaterThan(40);
    expect(isoTime(long)).toBeUndefined();
  });
});

describe('is and nullable', () => {
  const status = is<'ok' | 'critical'>((value) => value === 'ok' || value === 'critical');

  it('passes what the test accepts, as it is', () => {
    expect(status('ok')).toBe('ok');
    expect(status('warning')).toBeUndefined();
    expect(status(undefined)).toBeUndefined();
  });

  it('lets null through nullable and still reads everything else', () => {
    expect(nullable(finite())(null)).toBeNull();
    expect(nullable(finite())(2)).toBe(2);
    expect(nullable(finite())(Number.NaN)).toBeUndefined();
    expect(nullable(finite())(undefined)).toBeUndefined();
  });
});

describe('listOf', () => {
  const numbers = listOf(finite(), 3);

  it('copies a list whose every item passes', () => {
    const list = [1, 2, 3];
    const read = numbers(list);
    expect(read).toEqual([1, 2, 3]);
    expect(read).not.toBe(list);
    expect(numbers([])).toEqual([]);
  });

  it('refuses a list one over its cap, however good its items', () => {
    expect(numbers([1, 2, 3, 4])).toBeUndefined();
    expect(listOf(finite(), 62)(Array.from({ length: 100_000 }, () => 1))).toBeUndefined();
  });

  it('refuses the whole list for one bad item, a hole, or something that is not an array', () => {
    expect(numbers([1, Number.NaN])).toBeUndefined();
    // A hole reads as undefined, which no reader accepts.
    // eslint-disable-next-line no-sparse-arrays
    expect(numbers([1, , 3])).toBeUndefined();
    expect(numbers({ length: 1, 0: 1 })).toBeUndefined();
    expect(numbers('123')).toBeUndefined();
  });
});

describe('isPlainObject and own', () => {
  it('accepts what JSON.parse and a null-prototype literal make', () => {
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(structuredClone({ a: 1 }))).toBe(true);
  });

  it.each([
    ['an array', [1]],
    ['null', null],
    ['a string', 'x'],
    ['a date', new Date(0)],
    ['a map', new Map()],
    ['an object on a borrowed prototype', Object.create({ count: 3 })],
    ['a class instance', new (class Box { count = 3 })()],
  ])('refuses %s', (_name, value) => {
    expect(isPlainObject(value)).toBe(false);
  });

  it('reads own properties only', () => {
    const record = JSON.parse('{"a":1}') as Record<string, unknown>;
    expect(own(record, 'a')).toBe(1);
    expect(own(record, 'toString')).toBeUndefined();
    expect(own(record, 'constructor')).toBeUndefined();
    expect(own(record, '__proto__')).toBeUndefined();
  });
});

describe('object', () => {
  const balance = object({ total: finite(), label: text(10) }, { unlimited: bool });

  it('copies the named fields only, optional ones when present', () => {
    expect(balance({ total: 5, label: 'x', extra: 'server text' })).toEqual({ total: 5, label: 'x' });
    expect(balance({ total: 5, label: 'x', unlimited: true })).toEqual({ total: 5, label: 'x', unlimited: true });
    expect(balance({ total: 5, label: 'x', unlimited: undefined })).toEqual({ total: 5, label: 'x' });
  });

  it.each([
    ['a missing required field', { total: 5 }],
    ['an explicitly undefined required field', { total: undefined, label: 'x' }],
    ['a bad required field', { total: Number.POSITIVE_INFINITY, label: 'x' }],
    ['a bad optional field', { total: 5, label: 'x', unlimited: 'yes' }],
    ['a null optional field', { total: 5, label: 'x', unlimited: null }],
    ['a too long string', { total: 5, label: 'x'.repeat(11) }],
    ['an array', [5, 'x']],
    ['fields inherited from a prototype', Object.create({ total: 5, label: 'x' })],
  ])('refuses %s', (_name, value) => {
    expect(balance(value)).toBeUndefined();
  });

  it('never passes "__proto__" on: the copy keeps the ordinary prototype and no such key', () => {
    const hostile = JSON.parse('{"total":5,"label":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const read = balance(hostile) as Record<string, unknown>;
    expect(read).toEqual({ total: 5, label: 'x' });
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.hasOwn(read, '__proto__')).toBe(false);
    expect(read.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a field named like an Object.prototype member unless it is really there', () => {
    // This reader takes anything but undefined, so only reading own properties refuses `{}`.
    const tagged = object({ constructor: is<unknown>((value) => value !== undefined), toString: is<unknown>((value) => value !== undefined) });
    expect(tagged({})).toBeUndefined();
    expect(tagged(JSON.parse('{"constructor":"x","toString":1}'))).toEqual({ constructor: 'x', toString: 1 });
  });

  it('reads nested objects and lists through their own readers', () => {
    const costs = object({ daily: listOf(object({ usd: finite() }), 2) });
    expect(costs({ daily: [{ usd: 1, note: 'x' }] })).toEqual({ daily: [{ usd: 1 }] });
    expect(costs({ daily: [{ usd: 1 }, { usd: 2 }, { usd: 3 }] })).toBeUndefined();
    expect(costs({ daily: [{ usd: '1' }] })).toBeUndefined();
  });
});
