// The production environment: the real page, the real APP, the real engine (engine.js,
// loaded when a check is due), or the check relay when the settings name one.
import { readAccountId, readApp } from './app.ts';
import { createEngineSource, createRelaySource } from '../monitor/index.ts';
import { pageEngineLoader } from './engine-page.ts';
import { createRelayTransport } from './relay-transport.ts';
import type { WidgetEnv } from './runtime.ts';
import { readParams } from './settings.ts';
import type { KommoWidgetBase } from './sdk-types.ts';

/** Scopes the shared check cache to the Kommo account (tabs of two accounts never mix). */
function accountId(): string {
  const id = readAccountId(readApp());
  return id === null ? '' : String(id);
}

/** `widget` carries Kommo's `$authorizedAjax`, the only way the relay is asked, and params.path. */
export function productionEnv(widget: Partial<KommoWidgetBase> = {}): WidgetEnv {
  const loadEngine = pageEngineLoader(() => readParams(widget).path);
  return {
    document: globalThis.document,
    app: () => readApp(),
    createSource: (config) =>
      config.relayUrl === undefined
        ? createEngineSource(config, { accountId: accountId(), loadEngine })
        : createRelaySource(
            { relayUrl: config.relayUrl, options: config.options },
            { accountId: accountId(), transport: createRelayTransport(widget), loadEngine },
          ),
  };
}
