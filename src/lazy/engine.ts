// The entry of engine.js, the widget's third file: everything that talks to the network
// and checks its bodies with zod, which the first paint never needs. src/kommo loads it
// through the page's RequireJS when a check is actually due (src/kommo/engine-page.ts),
// when a member presses "remind the admin", and for "Test connection"; the card sidebar
// paints from the cross-tab cache without it. It holds no state of its own: the
// unavailable-endpoint memory, fetch (or the relay's transport), the abort signal, the
// clock and the retry's sleep come from the caller with each call. It may import
// billing and health only (no Preact, Kommo, UI or monitor: the build checks what it
// bundles).
import { runCheck } from '../billing/check.ts';
import { askRelay } from '../billing/relay-client.ts';
import { parseCreatedTaskId, parseTaskList } from './engine-tasks.ts';

const engine = {
  /** One OpenAI check (src/billing/check.ts). */
  runCheck,
  /** One round with the check relay (GET /v1/report, src/billing/relay-client.ts): its report, schema-checked, or the failure. */
  askRelay,
  /** Kommo's tasks API bodies for "remind the admin" (src/kommo/remind-tasks-api.ts sends the requests). */
  parseTaskList,
  parseCreatedTaskId,
};

/** What engine.js hands back; src/kommo checks every name before using it. */
export type EngineModule = typeof engine;

export default engine;
