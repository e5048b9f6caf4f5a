// The page side of the fake Kommo REST API (scripts/serve/kommo-api.ts): the session
// cookie that tells the server who is asking (Kommo's own calls ride on the user's
// session the same way), the switch that makes it answer 401/403/429, and the host-only
// door to the server's tasks for the tests and the demo.
import { API_MODE_COOKIE, SESSION_COOKIE, TOKEN_MODE_COOKIE } from './people.ts';
import type { HostApiMode, HostKommoState, HostTokenMode } from './types.ts';

const STATE_URL = '/host/kommo-state';

function setCookie(name: string, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; SameSite=Strict`;
}

/** Logs the page's user in (as far as /api/v4 and the one-time tokens are concerned) and sets the switches. */
export function startSession(userId: number, mode: HostApiMode, tokenMode: HostTokenMode): void {
  setCookie(SESSION_COOKIE, String(userId));
  setApiModeCookie(mode);
  setTokenModeCookie(tokenMode);
}

export function setTokenModeCookie(mode: HostTokenMode): void {
  setCookie(TOKEN_MODE_COOKIE, mode);
}

export function setApiModeCookie(mode: HostApiMode): void {
  setCookie(API_MODE_COOKIE, mode);
}

export async function readKommoState(): Promise<HostKommoState> {
  const response = await fetch(STATE_URL, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${STATE_URL} answered ${response.status}`);
  return (await response.json()) as HostKommoState;
}

export async function changeKommoState(change: { reset: true } | { complete: number }): Promise<void> {
  const response = await fetch(STATE_URL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(change) });
  if (!response.ok) throw new Error(`${STATE_URL} answered ${response.status}`);
}
