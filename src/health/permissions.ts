// The permission a restricted key lacks, in the words of OpenAI's API-keys page, so
// the advice says exactly which box to tick. OpenAI names the scope in its message
// ("Missing scopes: model.request"); without a name, the refusing endpoint tells.
import type { Endpoint } from './endpoints.ts';

const SCOPE_PERMISSION: Readonly<Record<string, string>> = {
  'api.model.read': 'Models: Read',
  'model.read': 'Models: Read',
  'model.request': 'Model capabilities: Request',
  'api.model.request': 'Model capabilities: Request',
};

/** What each key endpoint needs: /v1/models reads models, the probe makes a request. */
const ENDPOINT_PERMISSION: Partial<Record<Endpoint, string>> = {
  models: 'Models: Read',
  probe: 'Model capabilities: Request',
};

export function permissionOf(endpoint: Endpoint, missingScope: string | undefined): string {
  if (missingScope !== undefined && Object.hasOwn(SCOPE_PERMISSION, missingScope)) return SCOPE_PERMISSION[missingScope] as string;
  return ENDPOINT_PERMISSION[endpoint] ?? missingScope ?? 'Models: Read';
}
