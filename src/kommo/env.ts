// The production environment: the real page, the real APP, the real engine.
import { readApp, readConstant } from './app.ts';
import { createEngineSource } from '../monitor/index.ts';
import type { WidgetEnv } from './runtime.ts';

/** Scopes the shared check cache to the Kommo account (tabs of two accounts never mix). */
function accountId(): string {
  const account = readConstant(readApp(), 'account');
  const id = account && typeof account === 'object' ? account.id ?? account.subdomain : undefined;
  return id === undefined ? '' : String(id);
}

export function productionEnv(): WidgetEnv {
  return {
    document: globalThis.document,
    app: () => readApp(),
    createSource: (config) => createEngineSource(config, { accountId: accountId() }),
  };
}
