// Looks for secrets wherever a page could hold or send them: the HTML (shadow roots and
// form values included), Web Storage, IndexedDB, cookies, console lines and every request
// the browser context made (URL, headers, body). Used by the relay's end-to-end test.
import type { BrowserContext, Page, Request } from 'playwright-core';

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Starts recording every request of the context (page and workers); read the array later. */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const seen: RecordedRequest[] = [];
  context.on('request', (request: Request) => {
    seen.push({ url: request.url(), headers: request.headers(), body: request.postData() ?? '' });
  });
  return seen;
}

/** Every text the page holds right now, one "where: text" line each. */
export async function pageTexts(page: Page): Promise<string[]> {
  const inPage = await page.evaluate(async () => {
    const found: string[] = [];
    for (const [name, store] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < store.length; i += 1) {
        const key = store.key(i) ?? '';
        found.push(`${name}: ${key}=${store.getItem(key) ?? ''}`);
      }
    }
    found.push(`document.cookie: ${document.cookie}`);
    const walk = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node instanceof Element) {
          for (const attr of node.attributes) found.push(`attr ${node.tagName}[${attr.name}]: ${attr.value}`);
          if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) found.push(`value ${node.tagName}: ${node.value}`);
          if (node.shadowRoot) walk(node.shadowRoot);
        } else {
          found.push(`text: ${node.textContent ?? ''}`);
        }
      }
    };
    walk(document.documentElement);
    found.push(`url: ${location.href}`);
    for (const info of (await indexedDB.databases?.()) ?? []) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const storeName of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => resolve([]);
        });
        found.push(`indexedDB ${info.name}/${storeName}: ${JSON.stringify(values)}`);
      }
      db.close();
    }
    return found;
  });
  return [`html: ${await page.content()}`, ...inPage];
}

/** Lines (of pageTexts, cookies, console and requests) that contain any of `secrets`. */
export async function findLeaks(
  page: Page,
  secrets: readonly string[],
  extra: { requests: readonly RecordedRequest[]; console: readonly string[] },
): Promise<string[]> {
  const cookies = (await page.context().cookies()).map((c) => `cookie ${c.name}=${c.value}`);
  const requests = extra.requests.map((r) => `request ${r.url} ${JSON.stringify(r.headers)} ${r.body}`);
  const lines = [...(await pageTexts(page)), ...cookies, ...extra.console.map((line) => `console ${line}`), ...requests];
  return lines.filter((line) => secrets.some((secret) => line.includes(secret))).map((line) => line.slice(0, 200));
}
