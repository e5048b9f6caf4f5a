// The production environment: the real page, the real APP, the real engine.
import { readAccountId, readApp } from './app.ts';
import { createEngineSource } from '../monitor/index.ts';
import type { WidgetEnv } from './runtime.ts';

/** Scopes the shared check cache to the Kommo account (tabs of two accounts never mix). */
function accountId(): string {
  const id = readAccountId(readApp());
  return id === null ? '' : String(id);
}

export function productionEnv(): WidgetEnv {
  return {
    document: globalThis.document,
    app: () => readApp(),
    createSource: (config) => createEngineSource(config, { accountId: accountId() }),
  };
}
