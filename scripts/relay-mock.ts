// The mock upstream behind `npm run relay -- --mock <scenario>`, the relay's tests and
// its bench: one named scenario of src/mocks (msw intercepting the relay's fetch), and
// with `admin` also the case no browser scenario can have: a plain api.openai.com
// account whose Admin key (held by the relay) reads costs and the spend limit.
import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { spendLimit } from '../src/mocks/bodies.ts';
import { answerCosts } from '../src/mocks/costs.ts';
import { createMockService } from '../src/mocks/handlers.ts';
import { MOCK_OPENAI_BASE, type MockEndpoint, type ScenarioName } from '../src/mocks/scenarios.ts';

/** The Admin key the mock's api.openai.com accepts (mock-only, never real-looking). */
export const MOCK_ADMIN_KEY = 'sk-admin-mock-relay-0001';
/** What that organization has spent this month and its hard limit ($500, not enforcing). */
export const MOCK_ADMIN_SPEND_USD = 12.5;
const MOCK_ADMIN_LIMIT_CENTS = 50_000;

export interface RelayMockOptions {
  /** Answer the Admin-scope endpoints of api.openai.com for MOCK_ADMIN_KEY. */
  admin?: boolean;
  now?: () => Date;
  latencyMs?: number;
}

export interface RelayMock {
  /** Requests per endpoint (the scenario's and the Admin ones together). */
  requests(): Record<MockEndpoint, number>;
  total(): number;
  reset(): void;
  close(): void;
}

function bearer(request: Request): string {
  return /^Bearer\s+(.*)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim() ?? '';
}

/**
 * Costs and spend limit for the mock Admin key; any other key falls through to the
 * scenario's own handlers (which refuse a project key with missing_scope, as OpenAI does).
 */
function adminHandlers(now: () => Date, count: (endpoint: MockEndpoint) => void): RequestHandler[] {
  return [
    http.get(`${MOCK_OPENAI_BASE}/v1/organization/costs`, ({ request }) => {
      if (bearer(request) !== MOCK_ADMIN_KEY) return undefined;
      count('costs');
      const config = { monthToDateUsd: MOCK_ADMIN_SPEND_USD, amounts: 'mixed' } as const;
      const answer = answerCosts(config, new URL(request.url).searchParams, Math.floor(now().getTime() / 1000));
      return answer.ok ? HttpResponse.json(answer.body) : HttpResponse.json(answer.error.body, { status: answer.error.status });
    }),
    http.get(`${MOCK_OPENAI_BASE}/v1/organization/spend_limit`, ({ request }) => {
      if (bearer(request) !== MOCK_ADMIN_KEY) return undefined;
      count('spend_limit');
      return HttpResponse.json(spendLimit(MOCK_ADMIN_LIMIT_CENTS, false));
    }),
  ];
}

/** Starts intercepting this process's fetch; anything the mock does not serve is an error. */
export function startRelayMock(scenario: ScenarioName, options: RelayMockOptions = {}): RelayMock {
  const now = options.now ?? (() => new Date());
  const service = createMockService(scenario, { now, ...(options.latencyMs !== undefined && { latencyMs: options.latencyMs }) });
  let adminCounts: Partial<Record<MockEndpoint, number>> = {};
  const count = (endpoint: MockEndpoint) => {
    adminCounts[endpoint] = (adminCounts[endpoint] ?? 0) + 1;
  };
  const server = setupServer(...(options.admin ? adminHandlers(now, count) : []), ...service.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const requests = () => {
    const counts = service.requests();
    for (const [endpoint, n] of Object.entries(adminCounts)) counts[endpoint as MockEndpoint] += n;
    return counts;
  };
  return {
    requests,
    total: () => Object.values(requests()).reduce((sum, n) => sum + n, 0),
    reset() {
      service.reset();
      adminCounts = {};
    },
    close: () => server.close(),
  };
}
