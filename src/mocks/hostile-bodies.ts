// Building blocks of the hostile-input catalogue (hostile.ts): payloads that try to
// run script if anything ever renders them as HTML (each sets window.__hostilePwned),
// and raw responses with whatever status, headers and text a broken or hostile server
// might send. Environment-neutral.

/** Set by any payload that manages to run; the browser test asserts it never is. */
const PWNED_FLAG = '__hostilePwned';

export const SCRIPT_TAG = `<script>window.${PWNED_FLAG}="script"</script>`;
export const IMG_ONERROR = `<img src="x" onerror="window.${PWNED_FLAG}='img'">`;
export const SVG_ONLOAD = `<svg onload="window.${PWNED_FLAG}='svg'"></svg>`;
/** Right-to-left override, isolate and mark: text that reads backwards if shown raw. */
export const RTL_OVERRIDE = '\u202Eknil\u202C \u2067evil\u2069 \u200Fpay at https://evil.example\u202E';

/** A reverse proxy's or a captive portal's page, with script in it. */
export const HTML_ERROR_PAGE = `<!DOCTYPE html><html><head><title>503 Service Unavailable</title>${SCRIPT_TAG}</head><body><h1>Service Unavailable</h1>${IMG_ONERROR}${SVG_ONLOAD}<p>${RTL_OVERRIDE}</p></body></html>`;

const CORS = { 'access-control-allow-origin': '*' };
const JSON_TYPE = 'application/json';

/** A response with exactly this text, status and headers (CORS always on). */
export function raw(text: string, status = 200, headers: Record<string, string> = { 'content-type': JSON_TYPE }): Response {
  return new Response(text, { status, headers: { ...CORS, ...headers } });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return raw(JSON.stringify(body), status, { 'content-type': JSON_TYPE, ...headers });
}

/** The first half of a body, as when a connection drops mid-body. */
export function truncated(body: unknown): Response {
  const text = JSON.stringify(body);
  return raw(text.slice(0, Math.floor(text.length / 2)));
}

export function html(text: string, status: number, headers: Record<string, string> = {}): Response {
  return raw(text, status, { 'content-type': 'text/html; charset=utf-8', server: 'nginx', ...headers });
}

const TEN_MB = 10 * 1024 * 1024;

/**
 * About 10 MB of valid JSON shaped like `prefix item,item,… suffix`, streamed in
 * 64 kB chunks without a content-length (unless one is asked for), so only a read that
 * counts bytes can stop it. Built per request: nothing this big sits in memory at load.
 */
export function tenMegabytes(prefix: string, item: string, suffix: string, declareLength = false): Response {
  const count = Math.ceil(TEN_MB / (item.length + 1));
  const chunkItems = Math.max(1, Math.floor(65_536 / (item.length + 1)));
  const chunk = new TextEncoder().encode(`${item},`.repeat(chunkItems));
  const encoder = new TextEncoder();
  let sent = 0;
  let head = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (head) {
        head = false;
        controller.enqueue(encoder.encode(prefix));
        return;
      }
      if (sent + chunkItems < count) {
        sent += chunkItems;
        controller.enqueue(chunk.slice()); // a copy: a consumer may transfer (detach) what it gets
        return;
      }
      controller.enqueue(encoder.encode(`${item}${suffix}`));
      controller.close();
    },
  });
  const length = prefix.length + Math.floor((count - 1) / chunkItems) * chunk.byteLength + item.length + suffix.length;
  const headers: Record<string, string> = { ...CORS, 'content-type': JSON_TYPE };
  if (declareLength) headers['content-length'] = String(length);
  return new Response(stream, { status: 200, headers });
}

/** `depth` nested arrays: `[[[…]]]` (100 000 levels is 200 kB of text). */
export function deepArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** `{"error":{"error":…"x"…}}`: nested objects where an error envelope is looked for. */
export function deepErrors(depth: number): string {
  return `${'{"error":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

/** An error envelope whose every field carries markup. */
export function xssError(code: string | null): { error: Record<string, unknown> } {
  return { error: { message: `${SCRIPT_TAG}${IMG_ONERROR}${RTL_OVERRIDE}`, type: SVG_ONLOAD, param: IMG_ONERROR, code } };
}
