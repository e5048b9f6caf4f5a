// Browser adapter: the scenario's handlers in msw's service worker, for the demo
// page. The demo serves msw's worker file at /mockServiceWorker.js.
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockService, type MockService, type MockServiceOptions } from './handlers.ts';
import { HOSTILE_BODIES, type HostileBody } from './hostile.ts';
import type { MockEndpoint, ScenarioName } from './scenarios.ts';

interface MockWorker {
  /** Serves another scenario from now on (counts start again from zero). */
  use(name: ScenarioName, opts?: MockServiceOptions): void;
  /** The scenario being served. */
  scenario(): ScenarioName;
  requests(): Record<MockEndpoint, number>;
  stop(): void;
}

let active: { worker: SetupWorker; service: MockService; opts: MockServiceOptions } | null = null;

/**
 * `?hostile=<name>` on the page: that catalogue body answers its endpoint. Read here, so
 * the demo host needs no change (tests/browser/hostile.test.ts uses it).
 */
function hostileFromPage(): HostileBody | undefined {
  const name = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('hostile');
  return name === null ? undefined : HOSTILE_BODIES.find((entry) => entry.name === name);
}

export async function startMockWorker(name: ScenarioName, requested: MockServiceOptions = {}): Promise<MockWorker> {
  const hostile = requested.hostile ?? hostileFromPage();
  const opts = hostile ? { ...requested, hostile } : requested;
  if (active) {
    switchScenario(name, opts);
  } else {
    const service = createMockService(name, opts);
    const worker = setupWorker(...service.handlers);
    active = { worker, service, opts };
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  }
  return {
    use: (next, nextOpts) => switchScenario(next, nextOpts),
    scenario: () => active?.service.scenario ?? name,
    requests: () => active?.service.requests() ?? ({} as Record<MockEndpoint, number>),
    stop: stopMockWorker,
  };
}

/** Replaces the running worker's handlers with another scenario's (no reload needed). */
function switchScenario(name: ScenarioName, opts?: MockServiceOptions): void {
  if (!active) throw new Error('startMockWorker() first');
  const nextOpts = opts ?? active.opts;
  const service = createMockService(name, nextOpts);
  active.worker.resetHandlers(...service.handlers);
  active = { ...active, service, opts: nextOpts };
}

function stopMockWorker(): void {
  active?.worker.stop();
  active = null;
}
