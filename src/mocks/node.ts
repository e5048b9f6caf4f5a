// Node adapter: the scenario's handlers on msw's request interception (tests, the
// CLI's `--mock`). Any request the mock does not serve is an error, so a client
// calling an unexpected URL fails loudly instead of reaching the network.
import { setupServer, type SetupServer } from 'msw/node';
import { createMockService, type MockServiceOptions, type RequestRecord } from './handlers.ts';
import type { MockEndpoint, ScenarioName } from './scenarios.ts';

export interface MockServer {
  server: SetupServer;
  /** Requests received per endpoint. */
  requests(): Record<MockEndpoint, number>;
  /** Every request received, with status and time taken. */
  log(): readonly RequestRecord[];
  /** Zeroes counts and log (flaky endpoints fail again). */
  reset(): void;
  close(): void;
}

export function startMockServer(name: ScenarioName, opts: MockServiceOptions = {}): MockServer {
  const service = createMockService(name, opts);
  const server = setupServer(...service.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return {
    server,
    requests: service.requests,
    log: service.log,
    reset: service.reset,
    close: () => server.close(),
  };
}
