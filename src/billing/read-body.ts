// Reads a response body with a size cap: a billing answer is a few kilobytes, so a
// body past the cap is a broken or hostile server, and it is never held in memory
// whole. The caller's abort signal (the request timeout) also ends the read.

/** Largest body read: 1 MiB (a month of costs grouped by line item is well under 100 kB). */
const MAX_BODY_BYTES = 1024 * 1024;

type BodyText = { kind: 'text'; text: string } | { kind: 'too_large' };

const TOO_LARGE = { kind: 'too_large' } as const;

/** Stops the transfer without waiting for it; a failing cancel changes nothing. */
function discard(response: Response, reader?: ReadableStreamDefaultReader<Uint8Array>): void {
  const cancelled = reader ? reader.cancel() : response.body?.cancel();
  cancelled?.catch(() => undefined);
}

/**
 * The body as text (UTF-8; invalid bytes become U+FFFD, never an exception), or
 * `too_large`. A declared length over the cap is believed without reading; a
 * declared length under the cap is not trusted (the bytes are counted anyway).
 * Throws only what the stream throws (abort, reset), as `response.text()` would.
 */
export async function readBodyCapped(response: Response, maxBytes: number = MAX_BODY_BYTES): Promise<BodyText> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(response);
    return TOO_LARGE;
  }
  if (!response.body) return { kind: 'text', text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      discard(response, reader);
      return TOO_LARGE;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { kind: 'text', text: parts.join('') };
}
