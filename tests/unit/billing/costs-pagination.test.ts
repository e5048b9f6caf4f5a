import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/billing/check.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';
import { createFakeFetch, instantSleep, json } from './fake-fetch.ts';

const NOW = new Date('2026-09-15T10:30:00Z');
const day = (n: number) => Date.UTC(2026, 8, n) / 1000;
const bucket = (dayOfMonth: number, ...values: Array<number | string>) => ({
  object: 'bucket', start_time: day(dayOfMonth), end_time: day(dayOfMonth + 1),
  results: values.map((value) => ({ object: 'organization.costs.result', amount: { value, currency: 'usd' }, line_item: null, project_id: null })),
});
const page = (buckets: unknown[], next: string | null) => ({ object: 'page', data: buckets, has_more: next !== null, next_page: next });

async function costsWith(pages: Array<(url: URL) => Response>) {
  let n = 0;
  const urls: URL[] = [];
  const fake = createFakeFetch({
    'GET /v1/models': json({ object: 'list', data: [] }),
    'GET /v1/organization/costs': () => {
      const url = new URL(fake.calls[fake.calls.length - 1]?.url ?? '');
      urls.push(url);
      const answer = pages[Math.min(n, pages.length - 1)] as (url: URL) => Response;
      n += 1;
      return answer(url);
    },
    'GET /v1/organization/spend_limit': json({ threshold_amount: 0, enforcement: { status: 'inactive' } }),
  });
  const signals = await runCheck({
    apiKey: 'relay-token', baseUrl: 'https://relay.example.test', quotaProbe: false, probeModel: '',
    fetch: fake.fetch, memory: createUnavailableMemory(), now: () => NOW, sleep: instantSleep, random: () => 0,
  });
  return { costs: signals.costs, urls };
}

describe('month-to-date costs', () => {
  it('sums decimal strings without float noise', async () => {
    const { costs } = await costsWith([() => json(page([bucket(1, '0.1', '0.2'), bucket(2, 0.1, 0.2)], null))]);
    expect(costs).toEqual({
      kind: 'ok',
      value: { monthToDateUsd: 0.6, daily: [{ date: '2026-09-01', usd: 0.3 }, { date: '2026-09-02', usd: 0.3 }] },
    });
  });

  it('follows every page, passing the cursor as page=', async () => {
    const { costs, urls } = await costsWith([
      () => json(page([bucket(1, '1.25', 0.75), bucket(2)], 'page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=')),
      () => json(page([bucket(3, 3)], 'cursor-2')),
      () => json(page([bucket(4, '0.5')], null)),
    ]);
    expect(urls).toHaveLength(3);
    expect(urls[0]?.searchParams.has('page')).toBe(false);
    expect(urls[1]?.searchParams.get('page')).toBe('page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=');
    expect(urls[2]?.searchParams.get('page')).toBe('cursor-2');
    for (const url of urls) expect(url.searchParams.get('start_time')).toBe(String(day(1)));
    expect(costs).toEqual({
      kind: 'ok',
      value: {
        monthToDateUsd: 5.5,
        daily: [
          { date: '2026-09-01', usd: 2 },
          { date: '2026-09-02', usd: 0 },
          { date: '2026-09-03', usd: 3 },
          { date: '2026-09-04', usd: 0.5 },
        ],
      },
    });
  });

  it('merges a day split across pages and ignores buckets before the month', async () => {
    const { costs } = await costsWith([
      () => json(page([bucket(0, 99), bucket(5, 1)], 'next')),
      () => json(page([bucket(5, 2)], null)),
    ]);
    expect(costs).toEqual({ kind: 'ok', value: { monthToDateUsd: 3, daily: [{ date: '2026-09-05', usd: 3 }] } });
  });

  it('ignores null amounts and reads "USD" in any case', async () => {
    const odd = {
      object: 'bucket', start_time: day(2), end_time: day(3),
      results: [{ amount: null }, { amount: { value: '2', currency: 'USD' } }, { amount: { value: 1 } }],
    };
    const { costs } = await costsWith([() => json(page([odd], null))]);
    expect(costs).toMatchObject({ kind: 'ok', value: { monthToDateUsd: 3 } });
  });

  it('an amount in another currency is bad_response, never a smaller USD sum', async () => {
    const odd = { object: 'bucket', start_time: day(2), end_time: day(3), results: [{ amount: { value: 7, currency: 'eur' } }, { amount: { value: 2, currency: 'usd' } }] };
    const { costs } = await costsWith([() => json(page([odd], null))]);
    expect(costs).toEqual({ kind: 'error', code: 'bad_response', apiCode: 'non_usd_currency' });
  });

  it('an empty month is zero, not an error', async () => {
    const { costs } = await costsWith([() => json(page([], null))]);
    expect(costs).toEqual({ kind: 'ok', value: { monthToDateUsd: 0, daily: [] } });
  });

  it('stops on a repeated cursor instead of looping', async () => {
    const { costs, urls } = await costsWith([() => json(page([bucket(1, 1)], 'same'))]);
    expect(costs).toMatchObject({ kind: 'error', code: 'bad_response', apiCode: 'repeated_cursor' });
    expect(urls).toHaveLength(2);
  });

  it('stops after a bounded number of pages', async () => {
    let n = 0;
    // Each page differs (a day split ever further), or it would stop as a duplicate page.
    const { costs, urls } = await costsWith([() => json(page([bucket(1, (n += 1))], `cursor-${n}`))]);
    expect(costs).toMatchObject({ kind: 'error', code: 'bad_response', apiCode: 'too_many_pages' });
    // 40 pages: a month even at one bucket per page, and not one request more.
    expect(urls).toHaveLength(40);
  });

  it('has_more without a cursor is bad_response: the rest of the month is unknown', async () => {
    const { costs, urls } = await costsWith([() => json({ object: 'page', data: [bucket(1, 4)], has_more: true, next_page: null })]);
    expect(costs).toEqual({ kind: 'error', code: 'bad_response', apiCode: 'has_more_without_cursor' });
    expect(urls).toHaveLength(1);
  });

  it('a failing later page fails the whole figure (no silent undercount)', async () => {
    const { costs } = await costsWith([() => json(page([bucket(1, 1)], 'next')), () => json({ object: 'page', data: 'oops' })]);
    expect(costs).toMatchObject({ kind: 'error', code: 'bad_response' });
  });
});
