// Sends one request straight through a mock service's handlers (msw's getResponse),
// without patching globals: unit tests stay independent of each other.
import { getResponse, type RequestHandler } from 'msw';

export interface MockReply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when the text is not JSON. */
  json: unknown;
}

export async function callMock(
  handlers: RequestHandler[],
  url: string,
  init: { method?: 'GET' | 'POST'; key?: string | null; body?: unknown } = {},
): Promise<MockReply> {
  const headers = new Headers();
  if (init.key !== null && init.key !== undefined) headers.set('Authorization', `Bearer ${init.key}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  const request = new Request(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const response = await getResponse(handlers, request);
  if (!response) throw new Error(`no mock handler for ${init.method ?? 'GET'} ${url}`);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
