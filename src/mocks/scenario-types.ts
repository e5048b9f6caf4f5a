// The shapes of the mock's named states: what the server does, which key and base a
// client should use, the owner options assumed, and what the pipeline must conclude.
// Environment-neutral: no node imports.
import type { FindingCode, HealthOptions, Status } from '../health/types.ts';
import type { ErrorName } from './bodies.ts';
import type { CostsConfig } from './costs.ts';

export const MOCK_OPENAI_BASE = 'https://api.openai.com';
/** `.test` is reserved (RFC 2606), so this host can never be real. */
export const MOCK_RELAY_BASE = 'https://relay.bytegpt.test';

/** Endpoints the mock serves, and the names its request counts use. */
export type MockEndpoint = 'models' | 'chat' | 'costs' | 'spend_limit' | 'subscription' | 'usage';

/** How one endpoint misbehaves; checked after the key, before the normal answer. */
export type Fault =
  | { error: ErrorName }
  /** The first `failures` requests to the endpoint get a 500, later ones the normal answer. */
  | { flaky: number }
  /** Never answers: the client's timeout must win. */
  | 'hang'
  /** No response at all (a reset connection, a CORS refusal). */
  | 'network_error'
  | 'malformed_json'
  | 'schema_mismatch'
  | 'bad_gateway_html'
  /** The normal success body with `"error": null` added, as some relays send it. */
  | 'error_null';

interface ServerState {
  /** The server no longer knows this key: every request gets 401 invalid_api_key (E14). */
  keyRevoked?: boolean;
  /** The key the server knows, when the client is given a noisy copy of it (a pasted key). */
  knownKey?: string;
  /** An account-level fault every endpoint answers with (deactivated, region, …). */
  everywhere?: Fault;
  /** Per-endpoint faults; they take precedence over `everywhere`. */
  faults?: Partial<Record<MockEndpoint, Fault>>;
  /**
   * Present when `/v1/organization/*` answers this scenario's key. Those endpoints need
   * an Admin key, which never goes into a browser (design.md), so the widget only sees
   * spend through a server-side relay that holds the Admin key and accepts its own
   * token: scenarios with `admin` are relay scenarios. Without it a normal project key
   * gets 401 missing_scope (E9), as on api.openai.com.
   */
  admin?: {
    /** `monthToDateUsd` is what the month's buckets up to the asked end (or now) add up to. */
    costs: CostsConfig;
    spendLimit: { thresholdCents: number; enforcing: boolean };
  };
  /** The relay's own balance via the legacy dashboard endpoints (E24/E25); OpenAI answers them 403 (E23). */
  relayBalance?: { hardLimitUsd: number; usedCents: number };
}

export interface Scenario {
  description: string;
  /** The key a client should send ('' = none). Mock-only values, never real-looking. */
  apiKey: string;
  baseUrl: string;
  /** Delay before every answer; createMockService's option overrides it. */
  latencyMs?: number;
  /** The owner options this scenario assumes (parse with parseOptions). */
  options?: Partial<HealthOptions>;
  /** What runCheck → evaluate must report: status and the exact set of finding codes. */
  expect: { status: Status; codes: FindingCode[] };
  /**
   * A scenario about one moment (the first days of a month, a card's last day) runs at
   * this ISO instant only; others must hold on any day of the month.
   */
  at?: string;
  /** The user's IANA time zone for calendar rules; default the runtime's (UTC in tests). */
  timeZone?: string;
  server: ServerState;
}

