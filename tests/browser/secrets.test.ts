// The key never leaks (design.md "Rules that never bend"): with a scenario's key saved,
// the test walks the card (with a re-check), the settings modal (with Test connection),
// the advanced page (with a re-check) and a member's "remind the admin", then looks for
// the key in localStorage, sessionStorage, every IndexedDB database, cookies, the DOM
// (shadow roots and attribute values included), console output and every request URL.
// It also fails on any request to a host other than the configured base URL's and the
// page's own (where Kommo serves the widget and its /api/v4/tasks).
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import { SCENARIOS, type ScenarioName } from '../../src/mocks/scenarios.ts';
import { closeDemoBrowser, openHost, settledStatus, startDemoBrowser, type LaunchedBrowser } from './helpers/browser.ts';
import { pageTexts } from './helpers/leak-search.ts';

const ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;

let server: DemoServer;
let browser: LaunchedBrowser;
const consoleLines: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
  browser.page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  // The context sees the page's requests and its workers' (msw's service worker) alike.
  browser.context.on('request', (request: Request) => requests.push(request.url()));
});

afterAll(() => closeDemoBrowser({ server, browser }));


/**
 * Kommo's own settings field for the key (the host renders the saved value into its
 * input, as Kommo does) is the one place it belongs, and the search skips it.
 */
const KOMMO_KEY_FIELD = '#widget_settings_modal input[name="api_key"]';

async function leaks(key: string): Promise<string[]> {
  const cookies = (await browser.context.cookies()).map((c) => `cookie ${c.domain} ${c.name}=${c.value}`);
  const everything = [
    ...(await pageTexts(browser.page, { skip: KOMMO_KEY_FIELD })),
    ...cookies,
    ...consoleLines.map((line) => `console ${line}`),
    ...requests.map((url) => `request ${url}`),
  ];
  return everything.filter((line) => line.includes(key));
}

/** Requests to a host that is neither the page's nor the configured base URL's. */
function foreignRequests(baseUrl: string): string[] {
  const allowed = new Set([new URL(server.url).host, new URL(baseUrl).host]);
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return !allowed.has(parsed.host);
  });
}

describe('the search itself', () => {
  it('finds a planted secret in every place it looks', async () => {
    const planted = 'sk-proj-PLANTED-canary-0123456789';
    const page = browser.page;
    await openHost(page, server.url, { area: 'lcard', scenario: 'healthy', lang: 'en', role: 'admin' });
    await page.evaluate(async (secret) => {
      localStorage.setItem('canary', secret);
      sessionStorage.setItem('canary', secret);
      document.cookie = `canary=${secret}`;
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = `<span data-x="${secret}"></span>`;
      document.body.appendChild(host);
      console.info('canary', secret);
      await new Promise<void>((resolve) => {
        const open = indexedDB.open('canary-db', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onsuccess = () => {
          const tx = open.result.transaction('s', 'readwrite');
          tx.objectStore('s').put({ nested: secret }, 'k');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      });
      await fetch(`/favicon.ico?canary=${secret}`);
    }, planted);
    const where = (await leaks(planted)).map((line) => line.split(/[ :]/)[0]);
    for (const place of ['localStorage', 'sessionStorage', 'document.cookie', 'cookie', 'attr', 'console', 'indexedDB', 'request']) {
      expect(where).toContain(place);
    }
    // Leave nothing behind for the real searches.
    await page.evaluate(() => {
      localStorage.removeItem('canary');
      sessionStorage.removeItem('canary');
      document.cookie = 'canary=; max-age=0';
      indexedDB.deleteDatabase('canary-db');
    });
    await browser.context.clearCookies({ name: 'canary' });
  });
});

describe('the key never leaks', () => {
  it.each<ScenarioName>(['healthy', 'healthy_with_spend'])('scenario %s: card, settings, Test connection, advanced page, re-checks', async (name) => {
    const { apiKey, baseUrl, expect: expected } = SCENARIOS[name];
    const page = browser.page;
    requests.length = 0;
    consoleLines.length = 0;
    // A sanity check of the search itself: the key is long enough to be unmistakable.
    expect(apiKey.length).toBeGreaterThan(15);

    await openHost(page, server.url, { area: 'lcard', scenario: name, lang: 'en', scheme: 'light', role: 'admin' });
    expect(await settledStatus(page, ROOT)).toBe(expected.status);
    const checksBefore = requests.filter((url) => url.startsWith(baseUrl)).length;
    await page.locator(`${ROOT} [data-action="recheck"]`).click();
    await expect.poll(() => requests.filter((url) => url.startsWith(baseUrl)).length, { timeout: 20_000 }).toBeGreaterThan(checksBefore);
    expect(await settledStatus(page, ROOT)).toBe(expected.status);
    expect(await leaks(apiKey)).toEqual([]);

    await openHost(page, server.url, { area: 'settings', scenario: name, lang: 'en', scheme: 'light', role: 'admin' });
    const modal = page.locator('#widget_settings_modal');
    // The Kommo field holds the key (it is Kommo's, and the search skips it): prove it is there.
    expect(await page.locator(KOMMO_KEY_FIELD).inputValue()).toBe(apiKey);
    await modal.locator('[data-action="test-connection"]').click();
    await expect.poll(() => modal.locator('[data-bytegpt-test]').getAttribute('data-bytegpt-test'), { timeout: 20_000 }).toBe(expected.status);
    expect(await leaks(apiKey)).toEqual([]);

    await openHost(page, server.url, { area: 'advanced_settings', scenario: name, lang: 'en', scheme: 'light', role: 'admin' });
    expect(await settledStatus(page, '.bytegpt-health-root')).toBe(expected.status);
    await page.locator('.bytegpt-health-root [data-action="recheck"]').first().click();
    expect(await settledStatus(page, '.bytegpt-health-root')).toBe(expected.status);
    expect(await leaks(apiKey)).toEqual([]);

    // The check really went out with the key, to the base URL only.
    expect(requests.some((url) => url.startsWith(baseUrl))).toBe(true);
    expect(foreignRequests(baseUrl)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it("a member's remind-the-admin task goes to Kommo's own API, and the key stays put", async () => {
    const name: ScenarioName = 'credits_exhausted';
    const { apiKey, baseUrl } = SCENARIOS[name];
    const page = browser.page;
    requests.length = 0;
    consoleLines.length = 0;
    await openHost(page, server.url, { area: 'lcard', scenario: name, lang: 'en', scheme: 'light', role: 'member' });
    await page.evaluate(() => window.__kommoHost!.resetKommo());
    expect(await settledStatus(page, ROOT)).toBe('critical');
    await page.locator(`${ROOT} [data-action="remind-admin"]`).click();
    await expect.poll(async () => (await page.evaluate(() => window.__kommoHost!.kommoState())).tasks.length, { timeout: 20_000 }).toBe(1);
    const tasks = JSON.stringify((await page.evaluate(() => window.__kommoHost!.kommoState())).tasks);
    expect(tasks).not.toContain(apiKey);
    expect(requests.some((url) => new URL(url).pathname === '/api/v4/tasks')).toBe(true);
    expect(await leaks(apiKey)).toEqual([]);
    expect(foreignRequests(baseUrl)).toEqual([]);
  });
});
