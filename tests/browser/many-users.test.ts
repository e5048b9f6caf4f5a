// Many users of one browser: 3 tabs of the same context open at once, then 30 area
// switches in each (every switch destroys the widget and builds a new one), all inside
// one check interval. The tabs share one cached check (Web Locks + BroadcastChannel), so
// the mock service must see exactly one check round, counted per endpoint.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import type { HostArea } from '../../scripts/host/types.ts';
import { closeDemoBrowser, openHost, startDemoBrowser, type LaunchedBrowser } from './helpers/browser.ts';

const ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const TABS = 3;
const SWITCHES = 30;
const AREAS: HostArea[] = ['ccard', 'comcard', 'lcard'];

let server: DemoServer;
/** A fresh profile per file (launchBrowser): no cached check from another test file. */
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
});

afterAll(async () => {
  await closeDemoBrowser({ server, browser });
});

it(`${TABS} tabs × ${SWITCHES} area switches inside one interval: one check round`, async () => {
  const counts: Record<string, number> = {};
  browser.context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.host === 'api.openai.com') counts[url.pathname] = (counts[url.pathname] ?? 0) + 1;
  });
  const pages = await Promise.all(Array.from({ length: TABS }, () => browser.context.newPage()));
  // One after the other: on a fresh profile the mock's service worker installs with the first tab.
  for (const page of pages) await openHost(page, server.url, { area: 'lcard', scenario: 'healthy', lang: 'en', role: 'admin' });
  await Promise.all(
    pages.map(async (page) => {
      for (let i = 0; i < SWITCHES; i += 1) {
        await page.evaluate((area) => window.__kommoHost!.switchArea(area), AREAS[i % AREAS.length]!);
      }
    }),
  );
  for (const page of pages) {
    await page.waitForFunction((sel) => {
      const root = document.querySelector(sel);
      return root?.getAttribute('data-bytegpt-health') === 'ok' && root.getAttribute('aria-busy') === 'false';
    }, ROOT, { timeout: 20_000 });
  }
  // Late stragglers would show up here.
  await pages[0]!.waitForTimeout(1_000);
  expect(counts).toEqual({ '/v1/models': 1, '/v1/chat/completions': 1 });
  for (const page of pages) expect(await page.evaluate(() => window.__kommoHost!.errors)).toEqual([]);
  await Promise.all(pages.map((page) => page.close()));
}, 90_000);
