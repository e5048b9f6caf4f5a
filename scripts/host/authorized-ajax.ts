/// <reference types="jquery" />
// Kommo's `self.$authorizedAjax(settings)` (kommo-platform.md §3.4, "One-time tokens"):
// the page asks Kommo's backend (here the host's server, scripts/serve/kommo-token.ts) for
// a one-time token for the current user, then sends `$.ajax(settings)` with the header
// `X-Auth-Token` to the integration's own server. Returns a jQuery Deferred that settles
// like $.ajax's; a failed token request fails it with that request's jqXHR. The page never
// sees the secret the token is signed with, and keeps no token.
import type { HostState } from './state.ts';

const TOKEN_PATH = '/host/one-time-token';

export function authorizedAjax(state: HostState, settings: JQuery.AjaxSettings = {}): JQuery.Promise<unknown> {
  const $ = state.$;
  const deferred = $.Deferred();
  const url = typeof settings.url === 'string' ? settings.url : '';
  state.authorizedRequests.push(url);
  let audience = '';
  try {
    audience = new URL(url, window.location.href).origin;
  } catch {
    // $.ajax will fail on the URL itself; the token does not care.
  }
  $.ajax({ url: TOKEN_PATH, type: 'GET', data: { aud: audience }, dataType: 'json', cache: false })
    .done((body: { token?: unknown } | null) => {
      const token = typeof body?.token === 'string' ? body.token : '';
      const headers = { ...settings.headers, 'X-Auth-Token': token };
      $.ajax({ ...settings, headers })
        .done((...args: unknown[]) => void deferred.resolve(...args))
        .fail((...args: unknown[]) => void deferred.reject(...args));
    })
    .fail((...args: unknown[]) => void deferred.reject(...args));
  return deferred.promise();
}
