// Entry of the page-side mock bundle (built by scripts/serve/bundle.ts): the mock
// OpenAI billing service from src/mocks, run in msw's service worker.
export { SCENARIOS } from '../../src/mocks/scenarios.ts';
export { startMockWorker } from '../../src/mocks/browser.ts';
