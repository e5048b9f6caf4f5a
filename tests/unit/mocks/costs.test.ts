// GET /v1/organization/costs: pagination, parameters, quirks and month-to-date.
import { describe, expect, it } from 'vitest';
import { createMockService } from '../../../src/mocks/handlers.ts';
import { SCENARIOS, type ScenarioName } from '../../../src/mocks/scenarios.ts';
import { callMock, type MockReply } from './call-mock.ts';

const DAY = 86_400;
const SEPT_1 = Date.UTC(2026, 8, 1) / 1000;
const SEPT_20_NOON = new Date(Date.UTC(2026, 8, 20, 12));

type Result = { amount: { value: string | number; currency: string }; line_item: string | null; project_id: string | null; quantity: number | null; organization_id?: string; project_name?: string };
type Page = { object: string; data: { object: string; start_time: number; end_time: number; results: Result[] }[]; has_more: boolean; next_page: string | null };

function costs(name: ScenarioName, query: string, now = SEPT_20_NOON): Promise<MockReply> {
  const scenario = SCENARIOS[name];
  const svc = createMockService(name, { now: () => now });
  return callMock(svc.handlers, `${scenario.baseUrl}/v1/organization/costs?${query}`, { key: scenario.apiKey });
}

/** Follows next_page until has_more is false, checking the two agree. */
async function allPages(name: ScenarioName, query: string, now = SEPT_20_NOON): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const reply = await costs(name, `${query}${cursor === null ? '' : `&page=${encodeURIComponent(cursor)}`}`, now);
    expect(reply.status).toBe(200);
    const page = reply.json as Page;
    expect(page.has_more).toBe(page.next_page !== null);
    pages.push(page);
    cursor = page.next_page;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

const buckets = (pages: Page[]) => pages.flatMap((page) => page.data);
const total = (pages: Page[]) => buckets(pages).flatMap((b) => b.results).reduce((sum, r) => sum + Number(r.amount.value), 0);

describe('costs pagination', () => {
  it('pages by `limit` (default 7) with a cursor, each day exactly once', async () => {
    const query = `start_time=${SEPT_1}&end_time=${SEPT_1 + 20 * DAY}`;
    const pages = await allPages('healthy_with_spend', query);
    expect(pages.map((p) => p.data.length)).toEqual([7, 7, 6]);
    expect(pages[0]!.next_page).toMatch(/^page_[A-Za-z0-9+/=]+$/);
    expect(buckets(pages).map((b) => b.start_time)).toEqual(Array.from({ length: 20 }, (_, i) => SEPT_1 + i * DAY));
    expect(buckets(pages).every((b) => b.end_time === b.start_time + DAY && b.object === 'bucket')).toBe(true);
    const wide = await allPages('healthy_with_spend', `${query}&limit=31`);
    expect(wide).toHaveLength(1);
    expect(total(wide)).toBeCloseTo(total(pages), 9);
  });

  it('caps pages at three buckets in costs_paginated whatever the limit, all amounts strings', async () => {
    const pages = await allPages('costs_paginated', `start_time=${SEPT_1}&limit=31&group_by=line_item`);
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 3, 3, 3, 3, 2]); // Sept 1–20, today's bucket included
    const values = buckets(pages).flatMap((b) => b.results.map((r) => r.amount.value));
    expect(values.every((v) => typeof v === 'string' && /^\d+\.\d{8,}$/.test(v))).toBe(true);
    expect(total(pages)).toBeCloseTo(30.5, 4);
  });

  it("stays within the client's page budget on the last day of a long month", async () => {
    // src/billing/spend.ts asks for up to 31 buckets a page and follows at most 40 pages
    // (tests/unit/billing: check.test.ts and costs-pagination.test.ts pin both).
    const monthPages = await allPages('costs_paginated', `start_time=${Date.UTC(2026, 9, 1) / 1000}&limit=31`, new Date(Date.UTC(2026, 9, 31, 23)));
    expect(buckets(monthPages)).toHaveLength(31);
    expect(monthPages.length).toBeGreaterThan(1);
    expect(monthPages.length).toBeLessThanOrEqual(40);
  });

  it('adds up to the scenario month-to-date on any day of the month', async () => {
    for (const day of [1, 2, 7, 15, 28, 30]) {
      const now = new Date(Date.UTC(2026, 8, day, 0, 30));
      const pages = await allPages('spend_near_budget', `start_time=${SEPT_1}`, now);
      expect(buckets(pages)).toHaveLength(day);
      expect(total(pages)).toBeCloseTo(42.5, 4);
    }
  });

  it('honours end_time over the clock, so the request alone fixes the answer', async () => {
    const pages = await allPages('healthy_with_spend', `start_time=${SEPT_1}&end_time=${SEPT_1 + 3 * DAY}`);
    expect(buckets(pages)).toHaveLength(3);
    expect(total(pages)).toBeCloseTo(12.5, 4);
  });

  it('rejects bad parameters and cursors with 400 invalid_request_error', async () => {
    for (const query of ['', 'start_time=abc', `start_time=${SEPT_1}&limit=0`, `start_time=${SEPT_1}&limit=181`, `start_time=${SEPT_1}&bucket_width=1h`, `start_time=${SEPT_1}&group_by=model`, `start_time=${SEPT_1}&page=page_bogus`]) {
      const reply = await costs('healthy_with_spend', query);
      expect([query, reply.status]).toEqual([query, 400]);
      expect(reply.json).toMatchObject({ error: { type: 'invalid_request_error' } });
    }
  });
});

describe('costs quirks', () => {
  it('sends idle days as empty buckets and undocumented fields on every result', async () => {
    const pages = await allPages('healthy_with_spend', `start_time=${SEPT_1}&end_time=${SEPT_1 + 14 * DAY}&limit=31`);
    const days = buckets(pages);
    expect(days.filter((b) => b.results.length === 0).map((b) => new Date(b.start_time * 1000).getUTCDate())).toEqual([7, 14]);
    const results = days.flatMap((b) => b.results);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.organization_id?.startsWith('org-') && r.amount.currency === 'usd')).toBe(true);
    // Ungrouped: one result per day, every group field null (E2 note).
    expect(days.every((b) => b.results.length <= 1)).toBe(true);
    expect(results.every((r) => r.line_item === null && r.project_id === null && r.quantity === null)).toBe(true);
  });

  it('groups by line item and project in both query spellings, with null project ids', async () => {
    const base = `start_time=${SEPT_1}&end_time=${SEPT_1 + DAY}`;
    const plain = (await costs('healthy_with_spend', `${base}&group_by=line_item&group_by=project_id`)).json as Page;
    const brackets = (await costs('healthy_with_spend', `${base}&group_by[]=line_item&group_by[]=project_id`)).json as Page;
    expect(brackets).toEqual(plain);
    const results = plain.data[0]!.results;
    expect(results.map((r) => r.line_item)).toEqual(['gpt-4o-mini-2024-07-18, input', 'gpt-4o-mini-2024-07-18, output', 'web search tool calls']);
    expect(results.map((r) => r.project_id)).toEqual(['proj_MockByteGptSalesbot01', 'proj_MockByteGptSalesbot01', null]);
    expect(results.map((r) => r.project_name ?? null)).toEqual(['Salesbot', 'Salesbot', null]);
    const byProject = ((await costs('healthy_with_spend', `${base}&group_by=project_id`)).json as Page).data[0]!.results;
    expect(byProject.map((r) => r.project_id)).toEqual(['proj_MockByteGptSalesbot01', null]);
    const ungrouped = ((await costs('healthy_with_spend', base)).json as Page).data[0]!.results;
    const sum = (rs: Result[]) => rs.reduce((s, r) => s + Number(r.amount.value), 0);
    expect(sum(results)).toBeCloseTo(sum(ungrouped), 6);
    expect(sum(byProject)).toBeCloseTo(sum(ungrouped), 6);
  });
});
