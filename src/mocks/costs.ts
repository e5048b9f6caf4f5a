// `GET /v1/organization/costs` (openai-billing.md §1.2, E2, E3) as a pure function of
// the query and a clock: daily UTC buckets from `start_time`, cursor pagination,
// `group_by` in both spellings, and the live quirks (string amounts, extra fields,
// null project ids, empty days). Amounts are scaled so that the month's buckets up to
// the asked end (or today) add up to the scenario's month-to-date, whatever the day of
// the month: a scenario's verdict (budget near, exceeded, …) holds on any date.
import type { ErrorFixture } from './bodies.ts';

export interface CostsConfig {
  /** USD the current month's buckets add up to, from the 1st through the last bucket asked for. */
  monthToDateUsd: number;
  /** 'mixed' = odd days send `amount.value` as a decimal string, even days as a number (live data mixes both); 'string' = always strings. */
  amounts: 'mixed' | 'string';
  /** Largest page the server returns whatever `limit` asked, to force several pages. */
  maxPageSize?: number;
  /**
   * Answers that only allow a partial sum: more pages claimed without a cursor, the
   * same cursor handed back again, or amounts in another currency.
   */
  broken?: 'has_more_without_cursor' | 'repeated_cursor' | 'eur';
}

const DAY_SEC = 86_400;
const GROUP_KEYS = ['project_id', 'line_item', 'api_key_id'] as const;
type GroupKey = (typeof GROUP_KEYS)[number];

/** Fake but real-prefixed ids (§7 conventions). */
const MOCK_ORG_ID = 'org-MockByteGpt00000001';
const MOCK_PROJECT_ID = 'proj_MockByteGptSalesbot01';
const MOCK_API_KEY_ID = 'key_MockByteGptProbe0001';

interface LineCost {
  line_item: string;
  project_id: string | null;
  api_key_id: string | null;
  micros: number;
  quantity: number;
  quantity_unit: string | null;
}

function dayOfMonth(dayStartSec: number): number {
  return new Date(dayStartSec * 1000).getUTCDate();
}

/** How busy a day of the month is (0.6–1.4); every 7th day is idle, sent as `results: []` (E2). */
function dayWeight(dayStartSec: number): number {
  const day = dayOfMonth(dayStartSec);
  return day % 7 === 0 ? 0 : 0.6 + ((day * 37) % 9) / 10;
}

/**
 * USD per unit of day weight, so that the weights of the month's days from the 1st
 * through `lastDayStartSec` sum to the configured month-to-date. Constant within one
 * request (and across the pages of one query), so pages always add up.
 */
function usdPerWeight(config: CostsConfig, lastDayStartSec: number): number {
  const last = new Date(lastDayStartSec * 1000);
  let weights = 0;
  for (let day = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1) / 1000; day <= lastDayStartSec; day += DAY_SEC) {
    weights += dayWeight(day);
  }
  return config.monthToDateUsd / weights; // days 1–6 always weigh > 0
}

/** What one UTC day cost, line by line, in micro-dollars (integers keep sums exact). */
function dayLines(scale: number, dayStartSec: number): LineCost[] {
  const weight = dayWeight(dayStartSec);
  if (weight === 0) return [];
  const dayMicros = scale * weight * 1e6;
  const input = Math.round(dayMicros * 0.5);
  const output = Math.round(dayMicros * 0.3);
  const search = Math.round(dayMicros * 0.2);
  return [
    // gpt-4o-mini: $0.15 / $0.60 per million tokens.
    { line_item: 'gpt-4o-mini-2024-07-18, input', project_id: MOCK_PROJECT_ID, api_key_id: MOCK_API_KEY_ID, micros: input, quantity: Math.round(input / 0.15), quantity_unit: 'tokens' },
    { line_item: 'gpt-4o-mini-2024-07-18, output', project_id: MOCK_PROJECT_ID, api_key_id: MOCK_API_KEY_ID, micros: output, quantity: Math.round(output / 0.6), quantity_unit: 'tokens' },
    // Not attributed to a project or key: null ids even when grouped by them.
    { line_item: 'web search tool calls', project_id: null, api_key_id: null, micros: search, quantity: Math.max(1, Math.round(search / 25_000)), quantity_unit: null },
  ];
}

function floorDay(sec: number): number {
  return Math.floor(sec / DAY_SEC) * DAY_SEC;
}

function amountValue(config: CostsConfig, dayStartSec: number, micros: number, lineItem: string | null): string | number {
  const usd = micros / 1e6;
  if (config.amounts === 'string') {
    // Live strings carry absurd precision (§1.2: "0.000004500000000000000000000000000000000").
    return lineItem === 'web search tool calls' ? `${usd.toFixed(8)}0000000000000000000000000000000` : usd.toFixed(8);
  }
  if (lineItem === 'web search tool calls') return usd; // E2 sends this line as a number
  return dayOfMonth(dayStartSec) % 2 === 1 ? usd.toFixed(8) : usd;
}

function groupResults(config: CostsConfig, scale: number, dayStartSec: number, groupBy: ReadonlySet<GroupKey>): Record<string, unknown>[] {
  const groups = new Map<string, { sample: LineCost; micros: number; quantity: number }>();
  for (const line of dayLines(scale, dayStartSec)) {
    const key = GROUP_KEYS.map((k) => (groupBy.has(k) ? String(line[k]) : '')).join('|');
    const group = groups.get(key);
    if (group) {
      group.micros += line.micros;
      group.quantity += line.quantity;
    } else groups.set(key, { sample: line, micros: line.micros, quantity: line.quantity });
  }
  return [...groups.values()].map(({ sample, micros, quantity }) => {
    const lineItem = groupBy.has('line_item') ? sample.line_item : null;
    const projectId = groupBy.has('project_id') ? sample.project_id : null;
    return {
      object: 'organization.costs.result',
      amount: { value: amountValue(config, dayStartSec, micros, lineItem), currency: config.broken === 'eur' ? 'eur' : 'usd' },
      line_item: lineItem,
      project_id: projectId,
      api_key_id: groupBy.has('api_key_id') ? sample.api_key_id : null,
      quantity: lineItem === null ? null : quantity,
      quantity_unit: lineItem === null ? null : sample.quantity_unit,
      // Undocumented fields seen live (§1.2); parsers must ignore them.
      organization_id: MOCK_ORG_ID,
      organization_name: 'ByteGPT Mock Org',
      ...(projectId === null ? {} : { project_name: 'Salesbot' }),
    };
  });
}

function badRequest(message: string, param: string): ErrorFixture {
  // Envelope per §1.7; the live wording of these validation errors was not captured.
  return { status: 400, body: { error: { message, type: 'invalid_request_error', param, code: null } } };
}

const CURSOR_PREFIX = 'page_';

function encodeCursor(bucketStartSec: number): string {
  return CURSOR_PREFIX + btoa(`bucket:${bucketStartSec}`);
}

function decodeCursor(cursor: string): number | null {
  if (!cursor.startsWith(CURSOR_PREFIX)) return null;
  try {
    const match = /^bucket:(\d+)$/.exec(atob(cursor.slice(CURSOR_PREFIX.length)));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Reads a query array sent either way: `group_by=a&group_by=b` (hand-written) or `group_by[]=a` (openai-node). */
function queryArray(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)].flatMap((v) => v.split(',')).filter((v) => v !== '');
}

function intParam(query: URLSearchParams, name: string): number | null | 'bad' {
  const raw = query.get(name);
  if (raw === null) return null;
  return /^\d+$/.test(raw) ? Number(raw) : 'bad';
}

export type CostsAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; error: ErrorFixture };

/** Answers one costs request; `nowSec` bounds the buckets when `end_time` is absent. */
export function answerCosts(config: CostsConfig, query: URLSearchParams, nowSec: number): CostsAnswer {
  const start = intParam(query, 'start_time');
  if (start === null || start === 'bad') return { ok: false, error: badRequest("Missing or invalid required parameter: 'start_time'.", 'start_time') };
  const end = intParam(query, 'end_time');
  if (end === 'bad') return { ok: false, error: badRequest("Invalid parameter: 'end_time'.", 'end_time') };
  const width = query.get('bucket_width');
  if (width !== null && width !== '1d') return { ok: false, error: badRequest("Invalid value for 'bucket_width': only '1d' is supported.", 'bucket_width') };
  const limit = intParam(query, 'limit') ?? 7;
  if (limit === 'bad' || limit < 1 || limit > 180) return { ok: false, error: badRequest("Invalid 'limit': must be between 1 and 180.", 'limit') };
  const groupValues = queryArray(query, 'group_by');
  const groupBy = new Set<GroupKey>();
  for (const value of groupValues) {
    if (!(GROUP_KEYS as readonly string[]).includes(value)) return { ok: false, error: badRequest(`Invalid value for 'group_by': '${value}'.`, 'group_by') };
    groupBy.add(value as GroupKey);
  }

  const endSec = end ?? floorDay(nowSec) + DAY_SEC; // without end_time: through today's (partial) bucket
  const cursor = query.get('page');
  let first = floorDay(start);
  if (cursor !== null) {
    const decoded = decodeCursor(cursor);
    if (decoded === null || decoded < first) return { ok: false, error: badRequest("Invalid 'page' cursor.", 'page') };
    first = decoded;
  }
  const pageSize = Math.min(limit, config.maxPageSize ?? limit);
  const scale = usdPerWeight(config, floorDay(endSec - 1));
  const data: Record<string, unknown>[] = [];
  let next = first;
  for (; next < endSec && data.length < pageSize; next += DAY_SEC) {
    data.push({ object: 'bucket', start_time: next, end_time: next + DAY_SEC, results: groupResults(config, scale, next, groupBy) });
  }
  const hasMore = next < endSec;
  return { ok: true, body: { object: 'page', data, has_more: hasMore, next_page: hasMore ? nextCursor(config, cursor, next) : null } };
}

function nextCursor(config: CostsConfig, asked: string | null, next: number): string | null {
  if (config.broken === 'has_more_without_cursor') return null;
  // The page after the first hands back the cursor it was asked with: a loop.
  if (config.broken === 'repeated_cursor' && asked !== null) return asked;
  return encodeCursor(next);
}
