// Looks for secrets wherever a page could hold or send them: the HTML (shadow roots and
// form values included), Web Storage, IndexedDB, cookies, console lines and every request
// the browser context made (URL, headers, body). Used by the relay's end-to-end test and
// the key's leak search (secrets.test.ts).
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

export interface PageTextsOptions {
  /**
   * CSS selector of one element to pass over (its attributes, value and the markup it
   * stands for): the one place a secret belongs, such as Kommo's own api_key input.
   */
  skip?: string;
}

/** Every text the page holds right now, one "where: text" line each. */
export async function pageTexts(page: Page, { skip }: PageTextsOptions = {}): Promise<string[]> {
  return page.evaluate(async (skipSelector) => {
    const found: string[] = [];
    const skipped = skipSelector ? document.querySelector(skipSelector) : null;
    const html = document.documentElement.outerHTML;
    found.push(`html: ${skipped ? html.replace(skipped.outerHTML, '') : html}`);
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
          if (node === skipped) continue;
          for (const attr of node.attributes) found.push(`attr ${node.tagName}[${attr.name}]: ${attr.value}`);
          if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) found.push(`value ${node.tagName}: ${node.value}`);
          if (node.shadowRoot) walk(node.shadowRoot);
        } else {
          found.push(`text: ${node.textContent ?? ''}`);
        }
      }
    };
    walk(document.documentElement);
    found.push(`title: ${document.title}`);
    found.push(`url: ${location.href}`);
    const databases = (await indexedDB.databases?.()) ?? [];
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map((req) => new Promise<unknown[]>((resolve) => {
            req.onsuccess = () => resolve(req.result as unknown[]);
            req.onerror = () => resolve([]);
          })),
        );
        let text: string;
        try {
          text = JSON.stringify({ keys, values });
        } catch {
          text = String(values);
        }
        found.push(`indexedDB ${info.name}/${storeName}: ${text}`);
      }
      db.close();
    }
    found.push(`indexedDB databases: ${databases.map((d) => d.name).join(',')}`);
    return found;
  }, skip ?? null);
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
