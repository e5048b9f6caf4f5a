// "Test connection" in the settings modal: one real check with the values as typed,
// before anything is saved. It uses the same client and rules as the sidebar but no
// cache and no unavailable-endpoint memory, so it says what these values give now.
// With a relay URL typed, it asks the relay (through Kommo's signed request) instead,
// and the typed key is never sent anywhere. Either way the network code comes from
// engine.js through the same page-wide load as the sidebar's checks; when it cannot
// load, the verdict is the sidebar's `unreachable` finding for the widget's files.
import { evaluate } from '../health/evaluate.ts';
import { parseOptions } from '../health/options.ts';
import type { Report } from '../health/types.ts';
import {
  checkRelayOnce,
  engineNotLoadedSignals,
  isEngineNotLoaded,
  loadCheckEngine,
  readRelayUrl,
  type CheckEngine,
  type LoadEngine,
  type RelayTransport,
} from '../monitor/index.ts';
import { pageEngineLoader } from './engine-page.ts';
import { reportCaught } from './notify.ts';
import { createRelayTransport } from './relay-transport.ts';
import { readParams } from './settings.ts';
import type { KommoWidgetBase } from './sdk-types.ts';

type ConnectionTestState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: Report } | { kind: 'failed' };

export interface ConnectionTestInput {
  apiKey: string;
  baseUrl: string;
  /** The check relay's URL as typed; empty or absent = check OpenAI from here. */
  relayUrl?: string;
  /** The options as the form holds them (parsed like saved ones). */
  options: unknown;
}

export interface ConnectionTester {
  state(): ConnectionTestState;
  subscribe(listener: () => void): () => void;
  /** Runs one check; a second press while one runs does nothing. */
  run(): void;
  dispose(): void;
}

interface ConnectionTestDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  /** The widget, for Kommo's `$authorizedAjax` (the relay's transport). */
  widget?: Partial<KommoWidgetBase>;
  /** Replaces the transport built from `widget` (tests). */
  transport?: RelayTransport;
  /** Replaces engine.js's page-wide load (tests). */
  loadEngine?: LoadEngine;
}

export function createConnectionTester(read: () => ConnectionTestInput, deps: ConnectionTestDeps = {}): ConnectionTester {
  let state: ConnectionTestState = { kind: 'idle' };
  let disposed = false;
  const listeners = new Set<() => void>();
  const set = (next: ConnectionTestState) => {
    if (disposed) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const now = deps.now ?? (() => new Date());
  const lifetime = new AbortController();
  const transport = deps.transport ?? createRelayTransport(deps.widget ?? {});
  const loadEngine = deps.loadEngine ?? pageEngineLoader(() => readParams(deps.widget ?? {}).path);

  async function check(): Promise<void> {
    const input = read();
    const { options } = parseOptions(input.options);
    if (readRelayUrl(input.relayUrl).kind !== 'none') {
      const report = await checkRelayOnce({ relayUrl: input.relayUrl ?? '', options }, transport, lifetime.signal, loadEngine, () => now().getTime());
      return set({ kind: 'done', report });
    }
    let engine: CheckEngine;
    try {
      engine = await loadCheckEngine(loadEngine);
    } catch (error) {
      if (!isEngineNotLoaded(error)) throw error;
      return set({ kind: 'done', report: evaluate(engineNotLoadedSignals(options.quotaProbe, null), options, now()) });
    }
    const signals = await engine.runCheck({
      apiKey: input.apiKey,
      baseUrl: input.baseUrl,
      quotaProbe: options.quotaProbe,
      probeModel: options.probeModel,
      now,
      // Closing the modal cancels the requests still running.
      signal: lifetime.signal,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    set({ kind: 'done', report: evaluate(signals, options, now()) });
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run() {
      if (state.kind === 'running' || disposed) return;
      set({ kind: 'running' });
      check().catch((error: unknown) => {
        // Closed mid-test: the relay request was cancelled on purpose.
        if (disposed) return;
        reportCaught(error);
        set({ kind: 'failed' });
      });
    },
    dispose() {
      disposed = true;
      lifetime.abort();
      listeners.clear();
    },
  };
}
