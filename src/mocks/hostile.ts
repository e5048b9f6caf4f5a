// The hostile-input catalogue (issue 9, item 2): bodies a broken proxy, a buggy relay
// or an attacker in the middle might send, one endpoint at a time, on top of the
// healthy relay scenario (`HOSTILE_BASE`). Each entry says what the client must
// conclude: the right verdict, or `unknown` with `bad_response` — never `ok` built on
// a bad body. The few `ok` entries are bodies that are actually fine, and say why.
// Served by createMockService({ hostile }) in node and, in the browser, by
// `?hostile=<name>` on the demo host (src/mocks/browser.ts). Environment-neutral.
import { http, type RequestHandler } from 'msw';
import type { ErrorCode } from '../health/signals.ts';
import type { FindingCode, Status } from '../health/types.ts';
import { MODELS_LIST, chatCompletion, relaySubscription, relayUsage, spendLimit } from './bodies.ts';
import {
  deepArrays,
  deepErrors,
  html,
  HTML_ERROR_PAGE,
  IMG_ONERROR,
  json,
  raw,
  RTL_OVERRIDE,
  SCRIPT_TAG,
  SVG_ONLOAD,
  tenMegabytes,
  truncated,
  xssError,
} from './hostile-bodies.ts';
import { MOCK_OPENAI_BASE, MOCK_RELAY_BASE, type MockEndpoint } from './scenario-types.ts';
import type { ScenarioName } from './scenarios.ts';

/** The scenario every hostile body is served in: a relay where every endpoint is asked and all is well. */
const HOSTILE_BASE = 'healthy_with_spend' satisfies ScenarioName;

interface HostileExpect {
  /** The health endpoint's outcome: ok, or an error with this code and exactly this apiCode (none = absent). */
  outcome: 'ok' | { code: ErrorCode; apiCode?: string };
  /** The report's status and finding codes under HOSTILE_BASE's options. */
  status: Status;
  codes: FindingCode[];
  /** Why an `ok` is right: the body is valid, only odd. */
  why?: string;
}

export interface HostileBody {
  name: string;
  endpoint: MockEndpoint;
  /** The scenario served around it (the host page's `?scenario=`). */
  scenario: ScenarioName;
  description: string;
  /** A fresh response per request (costs entries read the query for their pages). */
  respond(request: Request): Response;
  expect: HostileExpect;
}

const DEEP = 100_000;
const bad = (apiCode?: string): HostileExpect => ({
  outcome: { code: 'bad_response', ...(apiCode ? { apiCode } : {}) },
  status: 'unknown',
  codes: ['bad_response'],
});
const NOT_JSON = bad('not_json');
const TOO_LARGE = bad('too_large');
const unreachable: HostileExpect = { outcome: { code: 'unreachable' }, status: 'unknown', codes: ['unreachable'] };
const fine = (why: string): HostileExpect => ({ outcome: 'ok', status: 'ok', codes: [], why });

const MARKUP = `${SCRIPT_TAG}${IMG_ONERROR}${SVG_ONLOAD}${RTL_OVERRIDE}`;
const MODEL = 'gpt-4o-mini-2024-07-18';
const COMPLETION = chatCompletion(MODEL, 1_758_000_000);
const SPEND_LIMIT = spendLimit(50_000, false);
const SUBSCRIPTION = relaySubscription(100);
const USAGE = relayUsage(1250, 1_756_684_800);
const DAY_SEC = 86_400;

/** The month's first bucket starts at the query's `start_time` (the client asks from the 1st). */
function startOf(request: Request): number {
  return Number(new URL(request.url).searchParams.get('start_time') ?? 0);
}

function bucket(start: number, values: unknown[], lineItem: string | null = null): Record<string, unknown> {
  return {
    object: 'bucket',
    start_time: start,
    end_time: start + DAY_SEC,
    results: values.map((value) => ({ object: 'organization.costs.result', amount: { value, currency: 'usd' }, line_item: lineItem, project_id: null })),
  };
}

function costsPage(buckets: unknown[], next: string | null = null): Record<string, unknown> {
  return { object: 'page', data: buckets, has_more: next !== null, next_page: next };
}

/** One valid page with these amounts on the month's first day. */
const costsWith = (...values: unknown[]) => (request: Request) => json(costsPage([bucket(startOf(request), values)]));

/** Serves pages by cursor: no `page` query → `first`; `page=<cursor>` → `pages[cursor]`. */
function paged(first: (start: number) => Response, pages: Record<string, (start: number) => Response>) {
  return (request: Request): Response => {
    const cursor = new URL(request.url).searchParams.get('page');
    const start = startOf(request);
    const page = cursor === null ? first : pages[cursor];
    return page ? page(start) : json({ error: { message: 'Invalid page cursor', type: 'invalid_request_error', param: 'page', code: null } }, 400);
  };
}

const entry = (name: string, endpoint: MockEndpoint, description: string, respond: HostileBody['respond'], expect: HostileExpect): HostileBody => ({
  name,
  endpoint,
  scenario: HOSTILE_BASE,
  description,
  respond,
  expect,
});

const MODELS: HostileBody[] = [
  entry('models_html_200', 'models', 'A captive portal answers 200 with an HTML page full of script.', () => html(HTML_ERROR_PAGE, 200), NOT_JSON),
  entry('models_html_503', 'models', "A proxy's 503 HTML page, every retry.", () => html(HTML_ERROR_PAGE, 503), unreachable),
  entry('models_empty', 'models', 'HTTP 200, JSON content-type, no body at all.', () => raw(''), NOT_JSON),
  entry('models_truncated', 'models', 'The models list cut in half.', () => truncated(MODELS_LIST), NOT_JSON),
  entry('models_10mb', 'models', 'A valid 10 MB models list, streamed without a content-length.', () =>
    tenMegabytes('{"object":"list","data":[', `{"id":"${MODEL}","object":"model"}`, ']}'), TOO_LARGE),
  entry('models_deep_arrays', 'models', '100 000 nested arrays.', () => raw(deepArrays(DEEP)), bad()),
  entry('models_deep_error', 'models', '100 000 nested objects where the error envelope is looked for.', () => raw(deepErrors(DEEP)), bad()),
  entry('models_data_string', 'models', '`data` is a string, not a list.', () => json({ object: 'list', data: MODEL }), bad()),
  entry('models_id_number', 'models', 'Model ids are numbers.', () => json({ object: 'list', data: [{ id: 42 }, { id: Number.MAX_VALUE }] }), bad()),
  entry('models_error_markup_200', 'models', 'HTTP 200 whose error envelope carries script, img onerror and RTL overrides in every field.', () =>
    json(xssError(`${IMG_ONERROR}`)), bad('other')),
  entry('models_invalid_key_markup', 'models', 'A real 401 invalid_api_key whose message is script and RTL text.', () =>
    json(xssError('invalid_api_key'), 401), { outcome: { code: 'key_invalid', apiCode: 'invalid_api_key' }, status: 'critical', codes: ['key_invalid'] }),
  entry('models_json_labelled_html', 'models', 'The valid models list labelled text/html.', () => raw(JSON.stringify(MODELS_LIST), 200, { 'content-type': 'text/html' }),
    fine('The body is the real list; the client reads bodies by content, not by label, and the schema accepts it.')),
  entry('models_html_labelled_json', 'models', 'An HTML page labelled application/json.', () => raw(HTML_ERROR_PAGE), NOT_JSON),
  entry('models_length_too_big', 'models', 'A small valid list whose content-length claims 50 MB.', () =>
    raw(JSON.stringify(MODELS_LIST), 200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) }), TOO_LARGE),
  entry('models_markup_ids', 'models', 'A valid list whose model ids are script, img and RTL text.', () =>
    json({ object: 'list', data: [{ id: SCRIPT_TAG }, { id: IMG_ONERROR }, { id: RTL_OVERRIDE }] }),
    fine('Ids are only counted, never shown; a list of strings is a valid list and proves the key works.')),
];

const CHAT: HostileBody[] = [
  entry('chat_html_200', 'chat', 'The probe gets an HTML page with HTTP 200.', () => html(HTML_ERROR_PAGE, 200), bad('not_json')),
  entry('chat_empty', 'chat', 'HTTP 200 and an empty body.', () => raw(''), NOT_JSON),
  entry('chat_truncated', 'chat', 'The completion cut in half.', () => truncated(COMPLETION), NOT_JSON),
  entry('chat_choices_string', 'chat', '`choices` is a string.', () => json({ ...COMPLETION, choices: 'Hi' }), bad()),
  entry('chat_index_nan', 'chat', 'choices[0].index is "NaN".', () => json({ ...COMPLETION, choices: [{ index: 'NaN' }] }), bad()),
  entry('chat_index_infinity', 'chat', 'choices[0].index is the JSON number 1e999 (Infinity once parsed).', () =>
    raw(JSON.stringify({ ...COMPLETION, choices: [{ index: 0 }] }).replace('"index":0', '"index":1e999')), bad()),
  entry('chat_quota_markup', 'chat', 'A real 429 insufficient_quota whose message is markup.', () => json(xssError('insufficient_quota'), 429),
    { outcome: { code: 'credits_exhausted', apiCode: 'insufficient_quota' }, status: 'critical', codes: ['credits_exhausted'] }),
  entry('chat_error_markup_200', 'chat', 'HTTP 200 with an error envelope (no code) full of markup.', () =>
    json({ error: { message: MARKUP, type: null, code: null } }), bad()),
  entry('chat_10mb', 'chat', 'A 10 MB completion with a true content-length.', () =>
    tenMegabytes('{"object":"chat.completion","choices":[', '{"index":0}', ']}', true), TOO_LARGE),
  entry('chat_deep_arrays', 'chat', '100 000 nested arrays.', () => raw(deepArrays(DEEP)), bad()),
  entry('chat_markup_model', 'chat', 'A valid completion whose `model` is script and RTL text.', () => json({ ...COMPLETION, model: `${SCRIPT_TAG}${RTL_OVERRIDE}` }),
    fine('A completion came back, so credit is there; the model name is text and is never rendered as HTML.')),
];

const COSTS: HostileBody[] = [
  entry('costs_html_200', 'costs', 'Costs answered with an HTML page and HTTP 200.', () => html(HTML_ERROR_PAGE, 200), NOT_JSON),
  entry('costs_empty', 'costs', 'HTTP 200, empty body.', () => raw(''), NOT_JSON),
  entry('costs_truncated', 'costs', 'A costs page cut in half.', (request) => truncated(costsPage([bucket(startOf(request), ['12.50'])])), NOT_JSON),
  entry('costs_nan', 'costs', 'amount.value "NaN".', costsWith('NaN'), bad()),
  entry('costs_infinity', 'costs', 'amount.value "Infinity".', costsWith('Infinity'), bad()),
  entry('costs_1e999_string', 'costs', 'amount.value "1e999": a decimal string that is Infinity as a number.', costsWith('1e999'), bad()),
  entry('costs_1e999_number', 'costs', 'amount.value is the JSON number 1e999.', (request) =>
    raw(JSON.stringify(costsPage([bucket(startOf(request), [0])])).replace('"value":0', '"value":1e999')), bad()),
  entry('costs_negative', 'costs', 'A negative line (-$12.50) next to a positive one.', costsWith('20.00', '-12.50'), bad('negative_amount')),
  entry('costs_absurd_line', 'costs', 'One line of $2 000 000 000.', costsWith('2000000000'), bad('absurd_amount')),
  entry('costs_absurd_sum', 'costs', 'Two days of $900 million: each line plausible, the month not.', (request) =>
    json(costsPage([bucket(startOf(request), [9e8]), bucket(startOf(request) + DAY_SEC, ['900000000'])])), bad('absurd_amount')),
  entry('costs_value_object', 'costs', 'amount.value is an object.', costsWith({ value: 12.5 }), bad()),
  entry('costs_has_more_string', 'costs', 'has_more is the string "false".', (request) =>
    json({ ...costsPage([bucket(startOf(request), [1])]), has_more: 'false' }), bad()),
  entry('costs_start_time_string', 'costs', 'start_time is a string.', (request) =>
    json(costsPage([{ ...bucket(startOf(request), [1]), start_time: String(startOf(request)) }])), bad()),
  entry('costs_duplicate_page', 'costs', 'Page 2 repeats page 1 under a new cursor (a double count).', paged(
    (start) => json(costsPage([bucket(start, ['6.25'])], 'page_2')),
    { page_2: (start) => json(costsPage([bucket(start, ['6.25'])], 'page_3')), page_3: (start) => json(costsPage([bucket(start + DAY_SEC, [1])])) },
  ), bad('duplicate_page')),
  entry('costs_missing_page', 'costs', "Page 2's cursor is refused with 404: the rest of the month is lost.", paged(
    (start) => json(costsPage([bucket(start, ['6.25'])], 'page_gone')),
    { page_gone: () => json({ error: { message: 'Not found', type: 'invalid_request_error', param: null, code: null } }, 404) },
  ), bad('missing_page')),
  entry('costs_missing_cursor', 'costs', 'has_more with no next_page.', (request) =>
    json({ ...costsPage([bucket(startOf(request), ['6.25'])]), has_more: true }), bad('has_more_without_cursor')),
  entry('costs_line_item_markup', 'costs', 'Valid costs whose line_item labels are script, img and RTL text ($13.50 in all, not the base $12.50).', (request) =>
    json(costsPage([bucket(startOf(request), ['7.25'], `${SCRIPT_TAG}${IMG_ONERROR}`), bucket(startOf(request) + DAY_SEC, ['6.25'], RTL_OVERRIDE)])),
    fine('Line items are labels the client never reads or shows; the amounts are valid USD and add up to $13.50.')),
  entry('costs_error_markup_200', 'costs', 'HTTP 200 with an error envelope full of markup (the markup `type` is kept only as "other").', () => json(xssError(null)), bad('other')),
  entry('costs_10mb', 'costs', 'A 10 MB costs page.', () =>
    tenMegabytes('{"object":"page","has_more":false,"next_page":null,"data":[', '{"start_time":0,"results":[]}', ']}'), TOO_LARGE),
  entry('costs_deep_arrays', 'costs', '100 000 nested arrays.', () => raw(deepArrays(DEEP)), bad()),
];

const SPEND: HostileBody[] = [
  entry('spend_limit_html_json', 'spend_limit', 'An HTML page labelled application/json.', () => raw(HTML_ERROR_PAGE), NOT_JSON),
  entry('spend_limit_truncated', 'spend_limit', 'The spend limit cut in half.', () => truncated(SPEND_LIMIT), NOT_JSON),
  entry('spend_limit_nan', 'spend_limit', 'threshold_amount "NaN".', () => json({ ...SPEND_LIMIT, threshold_amount: 'NaN' }), bad()),
  entry('spend_limit_infinity', 'spend_limit', 'threshold_amount is the JSON number 1e999.', () =>
    raw(JSON.stringify(SPEND_LIMIT).replace('"threshold_amount":50000', '"threshold_amount":1e999')), bad()),
  entry('spend_limit_negative', 'spend_limit', 'threshold_amount -5000 cents.', () => json({ ...SPEND_LIMIT, threshold_amount: -5000 }), bad()),
  entry('spend_limit_absurd', 'spend_limit', 'threshold_amount 10^15 cents ($10 trillion).', () => json({ ...SPEND_LIMIT, threshold_amount: 1e15 }), bad('absurd_amount')),
  entry('spend_limit_enforcement_string', 'spend_limit', '`enforcement` is the string "enforcing".', () => json({ ...SPEND_LIMIT, enforcement: 'enforcing' }), bad()),
  entry('spend_limit_500_markup', 'spend_limit', 'A 500 whose message is markup, every retry.', () => json(xssError(null), 500),
    { ...unreachable, outcome: { code: 'unreachable', apiCode: 'other' } }),
];

const SUBSCRIPTION_BODIES: HostileBody[] = [
  entry('subscription_html_200', 'subscription', "A relay's login page with HTTP 200.", () => html(HTML_ERROR_PAGE, 200), NOT_JSON),
  entry('subscription_empty', 'subscription', 'HTTP 200, empty body.', () => raw(''), NOT_JSON),
  entry('subscription_nan', 'subscription', 'hard_limit_usd "NaN".', () => json({ ...SUBSCRIPTION, hard_limit_usd: 'NaN' }), bad()),
  entry('subscription_infinity', 'subscription', 'hard_limit_usd is the JSON number 1e999.', () =>
    raw(JSON.stringify(SUBSCRIPTION).replace('"hard_limit_usd":100', '"hard_limit_usd":1e999')), bad()),
  entry('subscription_negative', 'subscription', 'hard_limit_usd -100.', () => json({ ...SUBSCRIPTION, hard_limit_usd: -100 }), bad()),
  entry('subscription_string_amount', 'subscription', 'hard_limit_usd "100" (a string).', () => json({ ...SUBSCRIPTION, hard_limit_usd: '100' }), bad()),
];

const USAGE_BODIES: HostileBody[] = [
  entry('usage_truncated', 'usage', 'The usage cut in half.', () => truncated(USAGE), NOT_JSON),
  entry('usage_negative', 'usage', 'total_usage -1250 cents.', () => json({ ...USAGE, total_usage: -1250 }), bad()),
  entry('usage_absurd', 'usage', 'total_usage 10^15 cents.', () => json({ ...USAGE, total_usage: 1e15 }), bad()),
  entry('usage_infinity_string', 'usage', 'total_usage "Infinity".', () => json({ ...USAGE, total_usage: 'Infinity' }), bad()),
  entry('usage_10mb', 'usage', 'A 10 MB daily_costs list.', () =>
    tenMegabytes('{"object":"list","total_usage":1250,"daily_costs":[', '{"timestamp":0,"line_items":[]}', ']}'), TOO_LARGE),
  entry('usage_deep_error', 'usage', '100 000 nested error objects.', () => raw(deepErrors(DEEP)), bad()),
  entry('usage_labelled_html_length_short', 'usage', 'Valid usage labelled text/html, with a content-length shorter than the body.', () =>
    raw(JSON.stringify(USAGE), 200, { 'content-type': 'text/html', 'content-length': '10' }),
    fine('Every byte arrives and is valid usage: the length header is only believed when it is over the cap (with gzip it counts compressed bytes, so it cannot be checked against the body).')),
];

export const HOSTILE_BODIES: readonly HostileBody[] = [...MODELS, ...CHAT, ...COSTS, ...SPEND, ...SUBSCRIPTION_BODIES, ...USAGE_BODIES];

/** The routes of each mock endpoint (the legacy ones with and without /v1, as in handlers.ts). */
const ROUTES: Record<MockEndpoint, { method: 'get' | 'post'; paths: string[] }> = {
  models: { method: 'get', paths: ['/v1/models'] },
  chat: { method: 'post', paths: ['/v1/chat/completions'] },
  costs: { method: 'get', paths: ['/v1/organization/costs'] },
  spend_limit: { method: 'get', paths: ['/v1/organization/spend_limit'] },
  subscription: { method: 'get', paths: ['/dashboard/billing/subscription', '/v1/dashboard/billing/subscription'] },
  usage: { method: 'get', paths: ['/dashboard/billing/usage', '/v1/dashboard/billing/usage'] },
};

/** Handlers that answer the entry's endpoint with its body; put before the scenario's own. */
export function hostileHandlers(entry: HostileBody, onRequest: () => void = () => undefined): RequestHandler[] {
  const { method, paths } = ROUTES[entry.endpoint];
  return [MOCK_OPENAI_BASE, MOCK_RELAY_BASE].flatMap((base) =>
    paths.map((path) =>
      http[method](`${base}${path}`, ({ request }) => {
        onRequest();
        return entry.respond(request);
      }),
    ),
  );
}
