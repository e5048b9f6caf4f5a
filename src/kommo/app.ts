// Read-only access to Kommo's global APP. Nothing else in the widget reads globals,
// and nothing ever writes to APP (Kommo's checklist).
import type { KommoApp, KommoConstants } from './sdk-types.ts';

/** The page's APP, or null when missing or not shaped like APP (demo, tests, bugs). */
export function readApp(scope: unknown = globalThis): KommoApp | null {
  try {
    const app = (scope as { APP?: unknown } | null)?.APP;
    if (typeof app !== 'object' || app === null) return null;
    return app as KommoApp;
  } catch {
    return null;
  }
}

/** APP.constant(key), or undefined when APP, constant() or the value is missing. */
export function readConstant<K extends keyof KommoConstants>(
  app: KommoApp | null,
  key: K,
): KommoConstants[K] | undefined {
  try {
    if (typeof app?.constant !== 'function') return undefined;
    return app.constant(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The Kommo account this page belongs to: APP.constant('account').id, else its subdomain. */
export function readAccountId(app: KommoApp | null): string | number | null {
  const account = readConstant(app, 'account');
  return account && typeof account === 'object' ? (account.id ?? account.subdomain ?? null) : null;
}

/** True on a card that has not been saved yet (`current_card.id === 0`). */
export function isNewCard(app: KommoApp | null): boolean {
  try {
    const card = app?.data?.current_card;
    if (!card || typeof card !== 'object') return false;
    return card.id === 0 || card.id === '0';
  } catch {
    return false;
  }
}
