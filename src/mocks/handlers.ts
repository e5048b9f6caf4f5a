// The mock OpenAI billing service as msw handlers, one set per scenario. The same
// module serves the node tests (msw/node), the browser demo (service worker) and the
// CLI's `--mock`, so it imports nothing environment-specific.
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import {
  BAD_GATEWAY_HTML,
  chatCompletion,
  ALL_ERRORS,
  ERRORS,
  invalidKeyError,
  invalidUrlError,
  missingModelError,
  modelNotFoundError,
  MODELS_LIST,
  MODELS_WRONG_SHAPE,
  RELAY_ENVELOPE_WRONG_SHAPE,
  relaySubscription,
  relayUsage,
  sessionKeyRequiredError,
  spendLimit,
  type ErrorFixture,
} from './bodies.ts';
import { answerCosts } from './costs.ts';
import { hostileHandlers, type HostileBody } from './hostile.ts';
import { errorJson, htmlPage, okJson, truncatedJson, type HeaderContext } from './respond.ts';
import { MOCK_OPENAI_BASE, MOCK_RELAY_BASE, type Fault, type MockEndpoint, type Scenario } from './scenario-types.ts';
import { SCENARIOS, type ScenarioName } from './scenarios.ts';

export interface MockServiceOptions {
  /** Delay before every answer, overriding the scenario's `latencyMs`. */
  latencyMs?: number;
  /** The server's clock (chat `created`, costs without `end_time`); defaults to the real one. */
  now?: () => Date;
  /** A hostile body (hostile.ts) that answers its endpoint instead of the scenario. */
  hostile?: HostileBody;
  /** A fault every endpoint answers with, over the scenario's own (fault tests switch it live). */
  fault?: Fault;
}

export interface RequestRecord {
  endpoint: MockEndpoint;
  base: string;
  /** HTTP status answered; 0 while a request hangs. */
  status: number;
  /** Time from arrival to answer, latency included. */
  ms: number;
}

export interface MockService {
  scenario: ScenarioName;
  handlers: RequestHandler[];
  /** Requests received per endpoint since creation or the last reset(). */
  requests(): Record<MockEndpoint, number>;
  /** Every request received, in order (for benches: status and time per request). */
  log(): readonly RequestRecord[];
  /** Zeroes the counts and the log, and makes flaky endpoints fail again. */
  reset(): void;
}

const ENDPOINTS: readonly MockEndpoint[] = ['models', 'chat', 'costs', 'spend_limit', 'subscription', 'usage'];
const PROBE_MODELS = new Set(MODELS_LIST.data.map((model) => model.id));

type Answer = { kind: 'json'; body: unknown; rateLimits?: boolean } | { kind: 'error'; fixture: ErrorFixture };

function emptyCounts(): Record<MockEndpoint, number> {
  return Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, 0])) as Record<MockEndpoint, number>;
}

/** `Authorization: Bearer <key>` → the key; '' when absent or empty (fetch trims "Bearer "). */
function bearerToken(request: Request): string {
  const match = /^Bearer\s+(.*)$/i.exec((request.headers.get('authorization') ?? '').trim());
  return match?.[1]?.trim() ?? '';
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** `YYYY-MM-DD` → Unix seconds at 00:00 UTC, or null. */
function parseDay(text: string | null): number | null {
  if (text === null || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

function firstOfMonthSec(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000;
}

async function readModel(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.json();
    const model = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).model : undefined;
    return typeof model === 'string' && model !== '' ? model : null;
  } catch {
    return null;
  }
}

/** What the endpoint answers when nothing is wrong with the account. */
async function normalAnswer(scenario: Scenario, endpoint: MockEndpoint, request: Request, isOpenAI: boolean, now: Date): Promise<Answer> {
  const { admin, relayBalance } = scenario.server;
  const url = new URL(request.url);
  switch (endpoint) {
    case 'models':
      return { kind: 'json', body: MODELS_LIST };
    case 'chat': {
      const model = await readModel(request);
      if (model === null) return { kind: 'error', fixture: missingModelError() };
      if (!PROBE_MODELS.has(model)) return { kind: 'error', fixture: modelNotFoundError(model) };
      return { kind: 'json', body: chatCompletion(model, unixSeconds(now)), rateLimits: true };
    }
    case 'costs': {
      if (!admin) return { kind: 'error', fixture: ERRORS.missing_scope_usage_read };
      const answer = answerCosts(admin.costs, url.searchParams, unixSeconds(now));
      return answer.ok ? { kind: 'json', body: answer.body } : { kind: 'error', fixture: answer.error };
    }
    case 'spend_limit':
      if (!admin) return { kind: 'error', fixture: ERRORS.missing_scope_usage_read };
      return { kind: 'json', body: spendLimit(admin.spendLimit.thresholdCents, admin.spendLimit.enforcing) };
    case 'subscription':
    case 'usage':
      // Dead on OpenAI for API keys since 2023 (§2.2); alive only on relays that implement them.
      if (isOpenAI) return { kind: 'error', fixture: sessionKeyRequiredError(url.pathname) };
      if (!relayBalance) return { kind: 'error', fixture: invalidUrlError('GET', url.pathname) };
      if (endpoint === 'subscription') return { kind: 'json', body: relaySubscription(relayBalance.hardLimitUsd) };
      return {
        kind: 'json',
        body: relayUsage(relayBalance.usedCents, parseDay(url.searchParams.get('start_date')) ?? firstOfMonthSec(now)),
      };
  }
}

/** Builds the handlers for one scenario, with their own counts and flaky-failure state. */
export function createMockService(name: ScenarioName, opts: MockServiceOptions = {}): MockService {
  const scenario = SCENARIOS[name];
  const latencyMs = opts.latencyMs ?? scenario.latencyMs ?? 0;
  const clock = opts.now ?? (() => new Date());
  let counts = emptyCounts();
  let records: RequestRecord[] = [];
  let seq = 0;

  function faultOf(endpoint: MockEndpoint): Fault | undefined {
    return opts.fault ?? scenario.server.faults?.[endpoint] ?? scenario.server.everywhere;
  }

  /** `nth` = this request's arrival rank at its endpoint (1 = first since reset). */
  async function answer(endpoint: MockEndpoint, base: string, request: Request, requestSeq: number, nth: number): Promise<Response> {
    const arrivedAt = Date.now();
    const ctx = (): HeaderContext => ({ isOpenAI: base === MOCK_OPENAI_BASE, seq: requestSeq, processingMs: Date.now() - arrivedAt });
    if (latencyMs > 0) await delay(latencyMs);
    const fault = faultOf(endpoint);

    // Transport-level trouble happens before the API ever sees the key.
    if (fault === 'hang') {
      await delay('infinite');
      throw new Error('unreachable: delay("infinite") never resolves');
    }
    if (fault === 'bad_gateway_html') return htmlPage(502, BAD_GATEWAY_HTML);
    // What a reset connection or a CORS refusal looks like to fetch: a TypeError, no response.
    if (fault === 'network_error') return HttpResponse.error();
    if (typeof fault === 'object' && 'flaky' in fault && nth <= fault.flaky) return errorJson(ctx(), ERRORS.server_error);

    const token = bearerToken(request);
    if (token === '') return errorJson(ctx(), ERRORS.missing_key);
    if (scenario.server.keyRevoked || token !== (scenario.server.knownKey ?? scenario.apiKey)) return errorJson(ctx(), invalidKeyError(token));

    if (typeof fault === 'object' && 'error' in fault) return errorJson(ctx(), ALL_ERRORS[fault.error]);
    const normal = await normalAnswer(scenario, endpoint, request, base === MOCK_OPENAI_BASE, clock());
    if (normal.kind === 'error') return errorJson(ctx(), normal.fixture);
    if (fault === 'malformed_json') return truncatedJson(ctx(), normal.body);
    if (fault === 'schema_mismatch') return okJson(ctx(), endpoint === 'models' ? MODELS_WRONG_SHAPE : RELAY_ENVELOPE_WRONG_SHAPE);
    if (fault === 'error_null') return okJson(ctx(), { ...(normal.body as Record<string, unknown>), error: null }, normal.rateLimits);
    return okJson(ctx(), normal.body, normal.rateLimits);
  }

  function route(endpoint: MockEndpoint, base: string) {
    return async ({ request }: { request: Request }) => {
      const nth = (counts[endpoint] += 1);
      const record: RequestRecord = { endpoint, base, status: 0, ms: 0 };
      records.push(record);
      const arrivedAt = Date.now();
      const response = await answer(endpoint, base, request, seq++, nth);
      record.status = response.status;
      record.ms = Date.now() - arrivedAt;
      return response;
    };
  }

  const { hostile } = opts;
  // First match wins in msw: the hostile endpoint's handlers go before the scenario's.
  const hostileFirst = hostile ? hostileHandlers(hostile, () => (counts[hostile.endpoint] += 1)) : [];
  const handlers: RequestHandler[] = [...hostileFirst, ...[MOCK_OPENAI_BASE, MOCK_RELAY_BASE].flatMap((base) => [
    http.get(`${base}/v1/models`, route('models', base)),
    http.post(`${base}/v1/chat/completions`, route('chat', base)),
    http.get(`${base}/v1/organization/costs`, route('costs', base)),
    http.get(`${base}/v1/organization/spend_limit`, route('spend_limit', base)),
    // The legacy paths exist with and without /v1 (§7 msw notes).
    http.get(`${base}/dashboard/billing/subscription`, route('subscription', base)),
    http.get(`${base}/v1/dashboard/billing/subscription`, route('subscription', base)),
    http.get(`${base}/dashboard/billing/usage`, route('usage', base)),
    http.get(`${base}/v1/dashboard/billing/usage`, route('usage', base)),
  ])];

  return {
    scenario: name,
    handlers,
    requests: () => ({ ...counts }),
    log: () => records.map((record) => ({ ...record })),
    reset() {
      counts = emptyCounts();
      records = [];
    },
  };
}
