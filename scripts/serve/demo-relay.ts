// The check relay beside the demo host (design.md "Relay"): the relay's own app on a
// loopback port, configured through its documented environment variables with the host's
// TEST integration (kommo-token.ts) and the page's account, and an upstream answered
// in-process by the mock: a plain api.openai.com account whose Admin key, held by the
// relay, reads spend and the spend limit. Nothing here is patched globally: the relay
// gets its own fetch, so the host server and the tests keep the real one.
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { parseRelayConfig } from '../../src/relay/config.ts';
import { startNodeRelay, type RunningRelay } from '../../src/relay/node.ts';
import { spendLimit } from '../../src/mocks/bodies.ts';
import { answerCosts } from '../../src/mocks/costs.ts';
import { createMockService } from '../../src/mocks/handlers.ts';
import { MOCK_OPENAI_BASE, SCENARIOS, type ScenarioName } from '../../src/mocks/scenarios.ts';
import { MOCK_ADMIN_KEY, MOCK_ADMIN_SPEND_USD } from '../relay-mock.ts';
import { ACCOUNT } from '../host/people.ts';
import { TEST_INTEGRATION } from './kommo-token.ts';

export interface DemoRelayOptions {
  /** The upstream's scenario (default `healthy`, a plain api.openai.com project key). */
  scenario?: ScenarioName;
  /** The relay holds the mock's Admin key (default true): spend and the limit on api.openai.com. */
  admin?: boolean;
  /** The page origins that may read the relay's answers (the host page's). */
  origins: string[];
  /** Admin spend limit in cents, and whether it is enforcing. */
  limit?: { cents: number; enforcing: boolean };
}

export interface DemoRelay extends RunningRelay {
  /** Upstream requests the relay made, per path (tests: one round per interval). */
  upstreamRequests(): Record<string, number>;
}

/** A $500 hard cap that OpenAI enforces: the dashboard shows it and what is left. */
export const DEFAULT_LIMIT = { cents: 50_000, enforcing: true } as const;

const bearer = (request: Request) => /^Bearer\s+(.*)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim() ?? '';

/** Costs and spend limit for the Admin key on api.openai.com; other keys fall through to the scenario. */
function adminHandlers(limit: { cents: number; enforcing: boolean }): RequestHandler[] {
  return [
    http.get(`${MOCK_OPENAI_BASE}/v1/organization/costs`, ({ request }) => {
      if (bearer(request) !== MOCK_ADMIN_KEY) return undefined;
      const answer = answerCosts({ monthToDateUsd: MOCK_ADMIN_SPEND_USD, amounts: 'mixed' }, new URL(request.url).searchParams, Math.floor(Date.now() / 1000));
      return answer.ok ? HttpResponse.json(answer.body) : HttpResponse.json(answer.error.body, { status: answer.error.status });
    }),
    http.get(`${MOCK_OPENAI_BASE}/v1/organization/spend_limit`, ({ request }) => {
      if (bearer(request) !== MOCK_ADMIN_KEY) return undefined;
      return HttpResponse.json(spendLimit(limit.cents, limit.enforcing));
    }),
  ];
}

/** A fetch answered by msw handlers in this process only; what they do not serve fails like a network error. */
function handlersFetch(handlers: RequestHandler[], counts: Record<string, number>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    counts[path] = (counts[path] ?? 0) + 1;
    const signal = request.signal;
    const answered = getResponse(handlers, request);
    const aborted = new Promise<never>((_resolve, reject) => {
      const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
    const response = await Promise.race([answered, aborted]);
    if (!response || response.type === 'error') throw new TypeError(`fetch failed: the mock upstream does not serve ${request.method} ${request.url}`);
    return response;
  };
}

export async function startDemoRelay(options: DemoRelayOptions): Promise<DemoRelay> {
  const name = options.scenario ?? 'healthy';
  const scenario = SCENARIOS[name];
  const admin = options.admin ?? true;
  const counts: Record<string, number> = {};
  const service = createMockService(name);
  const handlers = [...(admin ? adminHandlers(options.limit ?? DEFAULT_LIMIT) : []), ...service.handlers];
  const config = parseRelayConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KOMMO_CLIENT_SECRET: TEST_INTEGRATION.clientSecret,
    KOMMO_CLIENT_UUID: TEST_INTEGRATION.clientUuid,
    KOMMO_ACCOUNT_IDS: String(ACCOUNT.id),
    OPENAI_API_KEY: scenario.apiKey,
    OPENAI_ADMIN_KEY: admin ? MOCK_ADMIN_KEY : '',
    OPENAI_BASE_URL: scenario.baseUrl,
    RELAY_ALLOWED_ORIGINS: options.origins.join(','),
    // Browser tests reload the page many times as one user.
    RELAY_RATE_LIMIT_PER_MINUTE: '600',
  });
  // The relay logs a JSON line per request; the demo's console stays for the demo.
  const relay = await startNodeRelay(config, { fetch: handlersFetch(handlers, counts), mock: name, log: () => {} });
  return { ...relay, upstreamRequests: () => ({ ...counts }) };
}
