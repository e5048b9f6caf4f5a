// Admin-scope endpoints: month-to-date costs (every page) and the hard spend
// limit. With a normal key they refuse, which is remembered, not repeated.
import type { DailySpend, Outcome, SpendLimitSignal, SpendSignal } from '../health/signals.ts';
import { CostsPageSchema, SpendLimitSchema, type CostsPage } from './schemas.ts';
import { failureOutcome, interpret, monthStartUtc, utcDate, type EndpointContext } from './endpoint-common.ts';
import { requestJson } from './http.ts';

/** Buckets per page: a month fits in one page (the API allows up to 180). */
const COSTS_PAGE_LIMIT = 31;
/** Enough for a month at one bucket per page; stops a server that keeps saying `has_more`. */
const MAX_COSTS_PAGES = 40;

function costsUrl(base: string, startTime: number, page: string | null): string {
  const query = new URLSearchParams({ start_time: String(startTime), bucket_width: '1d', limit: String(COSTS_PAGE_LIMIT) });
  if (page !== null) query.set('page', page);
  return `${base}/v1/organization/costs?${query.toString()}`;
}

/** USD of one result, or null when it is in another currency (it cannot be added). */
function amountUsd(result: CostsPage['data'][number]['results'][number]): number | null {
  const amount = result.amount;
  if (!amount || amount.value === null || amount.value === undefined) return 0;
  if (amount.currency && amount.currency.toLowerCase() !== 'usd') return null;
  return typeof amount.value === 'number' ? amount.value : Number(amount.value);
}

/**
 * Sums of decimal amounts pick up float noise (42.500007000000004); costs carry at
 * most 8 decimals, so rounding there keeps every real digit and drops the noise.
 */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e8) / 1e8;
}

/**
 * No real account spends a billion dollars a month: a larger amount (or sum) is a
 * broken body, and believing it would raise budget findings on nonsense.
 */
const MAX_PLAUSIBLE_USD = 1e9;

/**
 * Adds one page's buckets into the per-day totals. Returns why the sum cannot be
 * trusted, or null:
 * - an amount not in USD: a sum without it would be too small;
 * - a negative amount: openai-billing.md records none (credits and grants are a
 *   balance, not cost lines), and a negative line would shrink the month into "fine";
 * - an amount over MAX_PLAUSIBLE_USD.
 * Days may repeat across pages (a day split over two pages is merged).
 */
function addPage(byDay: Map<string, number>, page: CostsPage, monthStartS: number): string | null {
  for (const bucket of page.data) {
    if (bucket.start_time < monthStartS) continue;
    const day = utcDate(new Date(bucket.start_time * 1000));
    let usd = 0;
    for (const result of bucket.results) {
      const amount = amountUsd(result);
      if (amount === null) return 'non_usd_currency';
      if (amount < 0) return 'negative_amount';
      if (amount > MAX_PLAUSIBLE_USD) return 'absurd_amount';
      usd += amount;
    }
    byDay.set(day, (byDay.get(day) ?? 0) + usd);
  }
  return null;
}

// Never a partial sum: a smaller total than the real one would read as "fine".
const PARTIAL = (apiCode: string) => ({ kind: 'error', code: 'bad_response', apiCode }) as const;

export async function fetchMonthToDateCosts(ctx: EndpointContext): Promise<Outcome<SpendSignal>> {
  const monthStartS = Math.floor(monthStartUtc(ctx.now).getTime() / 1000);
  const byDay = new Map<string, number>();
  const seenPages = new Set<string>();
  const seenCursors = new Set<string>();
  let cursor: string | null = null;

  for (let pageNo = 0; pageNo < MAX_COSTS_PAGES; pageNo += 1) {
    const result = await requestJson(ctx.http, costsUrl(ctx.base, monthStartS, cursor), 'GET');
    const read = interpret('costs', result, CostsPageSchema);
    // A refused cursor after a first page is a lost page, not an endpoint this key cannot use.
    if (read.kind === 'fail' && pageNo > 0 && read.failure.unavailable) return PARTIAL('missing_page');
    if (read.kind === 'fail') return failureOutcome(ctx, 'costs', read);

    const next = read.data.next_page;
    const more = read.data.has_more === true;
    // A repeated cursor would loop; an undercount is worse than saying "can't read".
    if (more && next && seenCursors.has(next)) return PARTIAL('repeated_cursor');
    // The same buckets again under a new cursor would be counted twice (a split day
    // differs in its results, so it is not caught here).
    const fingerprint = JSON.stringify(read.data.data);
    if (read.data.data.length > 0 && seenPages.has(fingerprint)) return PARTIAL('duplicate_page');
    seenPages.add(fingerprint);
    const broken = addPage(byDay, read.data, monthStartS);
    if (broken !== null) return PARTIAL(broken);

    // The last page: the month is complete.
    if (!more) {
      const daily: DailySpend[] = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, usd]) => ({ date, usd: roundUsd(usd) }));
      const monthToDateUsd = roundUsd(daily.reduce((sum, day) => sum + day.usd, 0));
      if (!(monthToDateUsd <= MAX_PLAUSIBLE_USD)) return PARTIAL('absurd_amount');
      return { kind: 'ok', value: { monthToDateUsd, daily } };
    }
    // More pages that cannot be followed: what we have is only part of the month.
    if (!next) return PARTIAL('has_more_without_cursor');
    seenCursors.add(next);
    cursor = next;
  }
  return PARTIAL('too_many_pages');
}

export async function fetchSpendLimit(ctx: EndpointContext): Promise<Outcome<SpendLimitSignal>> {
  const result = await requestJson(ctx.http, `${ctx.base}/v1/organization/spend_limit`, 'GET');
  const read = interpret('spend_limit', result, SpendLimitSchema);
  if (read.kind === 'fail') return failureOutcome(ctx, 'spend_limit', read);
  const cents = read.data.threshold_amount;
  if (cents !== null && cents > MAX_PLAUSIBLE_USD * 100) return PARTIAL('absurd_amount');
  return {
    kind: 'ok',
    value: {
      // 0 is what an organization without a limit reports (docs E6): no limit, not "$0".
      limitUsd: cents === null || cents === 0 ? null : cents / 100,
      // "enforcing" = a hard cap is set and enforced (docs §1.4, E6); whether spend has
      // reached it is for src/health to judge against month-to-date costs.
      enforcing: read.data.enforcement.status === 'enforcing',
    },
  };
}
