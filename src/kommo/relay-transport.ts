// The check relay's transport: Kommo's `$authorizedAjax` (kommo-platform.md §3.4) made
// into a promise with a timeout and a cancel. Kommo signs each request with a one-time
// token from the integration's secret, so the widget holds no credential for the relay.
// The body stays text: engine.js's relay client (src/billing/relay-client.ts) parses and
// schema-checks it.
import type { RelayAnswer, RelayTransport } from '../monitor/index.ts';
import type { KommoAjaxFailure, KommoDeferred, KommoWidgetBase } from './sdk-types.ts';

/**
 * The relay runs a whole check upstream (a few requests, each with its own timeout and
 * retries) before it answers, so it gets longer than one OpenAI request.
 */
const RELAY_TIMEOUT_MS = 45_000;

const abortError = () => new DOMException('relay request aborted', 'AbortError');

/** jqXHR.status 0 is "no answer": a network error, a CORS refusal, a dropped connection. */
function fromFailure(xhr: KommoAjaxFailure | undefined, textStatus: string | undefined): RelayAnswer {
  if (textStatus === 'timeout') return { kind: 'failed', reason: 'timeout' };
  const status = typeof xhr?.status === 'number' && Number.isInteger(xhr.status) ? xhr.status : 0;
  if (status <= 0) return { kind: 'failed', reason: 'network' };
  return { kind: 'answered', status, body: typeof xhr?.responseText === 'string' ? xhr.responseText : '' };
}

function fromSuccess(data: unknown, xhr: { status?: number } | undefined): RelayAnswer {
  const status = typeof xhr?.status === 'number' && xhr.status > 0 ? xhr.status : 200;
  return { kind: 'answered', status, body: typeof data === 'string' ? data : '' };
}

/** Listens to a Deferred (done/fail) or a thenable, whichever the page hands back. */
function settle(deferred: KommoDeferred, onAnswer: (answer: RelayAnswer) => void): void {
  if (typeof deferred.done === 'function' && typeof deferred.fail === 'function') {
    deferred.done((data, _text, xhr) => onAnswer(fromSuccess(data, xhr)));
    deferred.fail((xhr, text) => onAnswer(fromFailure(xhr, text)));
  } else if (typeof deferred.then === 'function') {
    deferred.then(
      (data) => onAnswer(fromSuccess(data, undefined)),
      (xhr, text) => onAnswer(fromFailure(xhr, text)),
    );
  } else {
    onAnswer({ kind: 'failed', reason: 'unsupported' });
  }
}

/**
 * A transport over the widget's `$authorizedAjax`, read when a request starts (Kommo
 * mixes it into the widget after construction). Resolves with the answer; rejects only
 * when `signal` aborts (the widget was destroyed).
 */
export function createRelayTransport(widget: Partial<KommoWidgetBase>, timeoutMs = RELAY_TIMEOUT_MS): RelayTransport {
  return (url, signal) =>
    new Promise<RelayAnswer>((resolve, reject) => {
      if (signal.aborted) return reject(abortError());
      let deferred: KommoDeferred | null = null;
      let done = false;
      const finish = (answer: RelayAnswer | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (answer) resolve(answer);
        else reject(abortError());
      };
      const onAbort = () => {
        try {
          deferred?.abort?.();
        } catch {
          // Kommo's Deferred may not be a jqXHR; the late answer is ignored anyway.
        }
        finish(null);
      };
      // Our own clock as well as jQuery's: the token request Kommo makes first has none.
      const timer = setTimeout(() => finish({ kind: 'failed', reason: 'timeout' }), timeoutMs + 1_000);
      signal.addEventListener('abort', onAbort);
      try {
        const ajax = widget.$authorizedAjax;
        if (typeof ajax !== 'function') return finish({ kind: 'failed', reason: 'unsupported' });
        const result = ajax.call(widget, { url, type: 'GET', dataType: 'text', timeout: timeoutMs });
        if (typeof result !== 'object' || result === null) return finish({ kind: 'failed', reason: 'unsupported' });
        deferred = result;
        settle(result, finish);
      } catch {
        // Kommo could not even start the request (no token, a broken page): no answer.
        finish({ kind: 'failed', reason: 'network' });
      }
    });
}
