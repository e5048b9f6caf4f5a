// `npm run bench`, part two: the widget in the Kommo-like page in Chromium. Prints
// figures, asserts nothing (speed targets live here, not in timed tests):
// - render → the card root showing the cached status, median over 50 area switches,
//   against a bare no-framework widget doing the same in the same page (target ≤ 2×);
// - after 500 area switches: JS heap growth after GC (target ≤ 1 MB), DOM nodes and
//   document/window listeners back where they started.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from './serve/demo-server.ts';
import { launchBrowser, nativeListeners, openHost } from '../tests/browser/helpers/browser.ts';

const BARE_DIR = fileURLToPath(new URL('./bench/bare-widget', import.meta.url));
const SWITCHES_TIMED = 50;
const SWITCHES_SOAK = 500;
const WARMUP_SWITCHES = 20;
const REPEATS = 5;

/** One area switch, timed from the host's call until the card root shows a settled status. */
function timedSwitch(page: Page, area: 'lcard' | 'ccard'): Promise<number> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async (to) => {
    const start = performance.now();
    const switched = window.__kommoHost!.switchArea(to);
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        const status = document.querySelector('.bytegpt-health-root')?.getAttribute('data-bytegpt-health');
        if (status && status !== 'checking') {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-bytegpt-health'] });
    });
    const elapsed = performance.now() - start;
    await switched;
    return elapsed;
  }, area);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median switch time of both pages, measured in alternating rounds so drift hits both alike. */
async function timeBoth(ours: Page, bare: Page): Promise<{ ours: number; bare: number }> {
  const times = { ours: [] as number[], bare: [] as number[] };
  const rounds = 5;
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, page] of [['ours', ours], ['bare', bare]] as const) {
      for (let i = 0; i < SWITCHES_TIMED / rounds; i += 1) times[name].push(await timedSwitch(page, i % 2 === 0 ? 'ccard' : 'lcard'));
    }
  }
  return { ours: median(times.ours), bare: median(times.bare) };
}

async function footprint(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heap: usedSize, nodes, listeners: await nativeListeners(page) };
  } finally {
    await cdp.detach();
  }
}

const servers: DemoServer[] = [];
const browser = await launchBrowser();
try {
  const real = await startDemoServer({ port: 0 });
  const bare = await startDemoServer({ port: 0, widgetDir: BARE_DIR, mocks: false });
  servers.push(real, bare);

  // The real widget: one check fills the cache, then every render shows it.
  await openHost(browser.page, real.url, { area: 'lcard', scenario: 'healthy', lang: 'en', role: 'admin' });
  await browser.page.waitForSelector('.bytegpt-health-root[data-bytegpt-health="ok"]', { timeout: 20_000 });
  const barePage = await browser.context.newPage();
  await openHost(barePage, bare.url, { area: 'lcard', lang: 'en', role: 'admin' });
  await barePage.evaluate(() => localStorage.setItem('bare-widget:status', JSON.stringify({ status: 'ok' })));
  // Warm both pages (first switches compile and fill caches), then measure REPEATS times:
  // one 50-switch median per widget each time. On a busy 2-core machine a single pair
  // of medians swings widely; the median of the repeats' ratios is the figure.
  for (let i = 0; i < WARMUP_SWITCHES; i += 1) {
    await timedSwitch(browser.page, i % 2 === 0 ? 'ccard' : 'lcard');
    await timedSwitch(barePage, i % 2 === 0 ? 'ccard' : 'lcard');
  }
  const repeats: { ours: number; bare: number; ratio: number }[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const both = await timeBoth(browser.page, barePage);
    repeats.push({ ...both, ratio: both.ours / both.bare });
  }
  const widgetMs = median(repeats.map((r) => r.ours));
  const bareMs = median(repeats.map((r) => r.bare));
  const ratios = repeats.map((r) => r.ratio);

  // Soak: 500 more switches, ending on the area the footprint was first taken in.
  const before = await footprint(browser.page);
  for (let i = 0; i < SWITCHES_SOAK; i += 1) await timedSwitch(browser.page, i % 2 === 0 ? 'ccard' : 'lcard');
  const after = await footprint(browser.page);

  const listenersSame = JSON.stringify(before.listeners) === JSON.stringify(after.listeners);
  console.log(`Render bench — Chromium, the Kommo-like host page, median of ${SWITCHES_TIMED} card-area switches each, in alternating rounds, ${REPEATS} times\n`);
  console.log('widget              render → cached status (ms, median of the repeats)');
  console.log(`ours                ${widgetMs.toFixed(1)}`);
  console.log(`bare AMD widget     ${bareMs.toFixed(1)}`);
  console.log(`ratio               ${median(ratios).toFixed(2)}  (target ≤ 2; each repeat: ${ratios.map((r) => r.toFixed(2)).join(', ')})\n`);
  console.log(`After ${SWITCHES_SOAK} more switches (GC before each reading):`);
  console.log(`JS heap             ${(before.heap / 1024).toFixed(0)} KB → ${(after.heap / 1024).toFixed(0)} KB, growth ${((after.heap - before.heap) / 1024).toFixed(0)} KB (target ≤ 1024 KB)`);
  console.log(`DOM nodes           ${before.nodes} → ${after.nodes}`);
  console.log(`native listeners    ${listenersSame ? 'unchanged' : `${JSON.stringify(before.listeners)} → ${JSON.stringify(after.listeners)}`}`);
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
