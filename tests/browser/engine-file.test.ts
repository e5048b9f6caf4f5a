// engine.js, the widget's third file (src/lazy/engine.ts: zod and the network code),
// through the host page's real RequireJS: a card page whose cache is fresh never asks for
// it; a due check asks once, and later checks on the page (area switches, "check again")
// reuse it; a 404 ends the round as the "widget's files" finding with no OpenAI request,
// and a later check recovers; "remind the admin" and "Test connection" load it when
// pressed and say so when it cannot load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import type { HostArea, HostQuery } from '../../scripts/host/types.ts';
import { closeDemoBrowser, openHost, REPO_ROOT, settledStatus, startDemoBrowser, type LaunchedBrowser } from './helpers/browser.ts';

const CARD_ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const ENGINE_FILE = /\/engine\.js\?v=/;
const OPENAI_HOST = 'api.openai.com';
const EN = JSON.parse(readFileSync(join(REPO_ROOT, 'locales', 'en.json'), 'utf8')) as {
  findings: { unreachable: Record<string, string> };
  remind: { error: Record<string, string>; sent: string };
};

let server: DemoServer;
let browser: LaunchedBrowser;
/** engine.js requests and OpenAI requests since the last reset. */
let engineRequests: string[] = [];
let openaiRequests = 0;

const query = (patch: Partial<HostQuery>): Partial<HostQuery> => ({ scenario: 'credits_exhausted', role: 'admin', lang: 'en', scheme: 'light', area: 'lcard', ...patch });
const switchArea = (page: Page, area: HostArea) => page.evaluate((a) => window.__kommoHost!.switchArea(a), area);
const idle = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));
const notFound = (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });

/** A page with nothing cached: the next load of `query` finds its check due. */
async function withEmptyCache(page: Page, q: Partial<HostQuery>): Promise<void> {
  await openHost(page, server.url, q);
  // Whatever this page checks is over before the count starts.
  await settledStatus(page, CARD_ROOT);
  await page.evaluate(() => localStorage.clear());
  engineRequests = [];
  openaiRequests = 0;
  await openHost(page, server.url, q);
}

/** Waits for the settled status and the finding codes (with the widget-files title marked). */
async function shown(page: Page): Promise<{ status: string; findings: string[] }> {
  const status = await settledStatus(page, CARD_ROOT);
  const findings = await page.locator(`${CARD_ROOT} [data-finding]`).evaluateAll((rows) =>
    rows.map((row) => `${row.getAttribute('data-finding')}: ${row.querySelector('.bytegpt-health__finding-title')?.textContent ?? ''}`),
  );
  return { status, findings };
}

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
  browser.page.on('request', (request) => {
    if (ENGINE_FILE.test(request.url())) engineRequests.push(request.url());
    if (new URL(request.url()).host === OPENAI_HOST) openaiRequests += 1;
  });
});

afterAll(() => closeDemoBrowser({ server, browser }));

beforeEach(async () => {
  await browser.context.unrouteAll();
  engineRequests = [];
  openaiRequests = 0;
  browser.pageErrors.length = 0;
});

describe('engine.js for the sidebar', () => {
  it('a due check asks for it once; area switches and "check again" reuse it; a fresh cache never asks', async () => {
    const page = browser.page;
    await withEmptyCache(page, query({}));
    expect((await shown(page)).status).toBe('critical');
    expect(engineRequests).toEqual([`${server.url.replace(/\/$/, '')}${server.config.widgetPath}/engine.js?v=${server.config.version}`]);
    expect(openaiRequests).toBeGreaterThan(0);

    for (const area of ['ccard', 'comcard', 'lcard'] as const) {
      await switchArea(page, area);
      expect(await settledStatus(page, CARD_ROOT)).toBe('critical');
    }
    const beforeRecheck = openaiRequests;
    await page.locator(`${CARD_ROOT} [data-action="recheck"]`).click();
    await expect.poll(() => openaiRequests).toBeGreaterThan(beforeRecheck);
    expect(await settledStatus(page, CARD_ROOT)).toBe('critical');
    expect(engineRequests).toHaveLength(1);

    // A new page whose cache is fresh paints from it and never asks.
    engineRequests = [];
    openaiRequests = 0;
    await openHost(page, server.url, query({}));
    expect((await shown(page)).status).toBe('critical');
    await idle(page);
    await switchArea(page, 'ccard');
    expect(await settledStatus(page, CARD_ROOT)).toBe('critical');
    await idle(page);
    expect(engineRequests).toEqual([]);
    expect(openaiRequests).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });

  it('a 404 is the "widget files" finding with no OpenAI request, and a later check recovers', async () => {
    const page = browser.page;
    await browser.context.route(ENGINE_FILE, notFound);
    await withEmptyCache(page, query({ role: 'member' }));
    expect(await shown(page)).toEqual({ status: 'unknown', findings: [`unreachable: ${EN.findings.unreachable.title_widget_files}`] });
    expect(openaiRequests).toBe(0);
    expect(engineRequests).toHaveLength(1);

    // An admin reads what to do.
    await withEmptyCache(page, query({ role: 'admin' }));
    await settledStatus(page, CARD_ROOT);
    expect(await page.locator(`${CARD_ROOT} [data-finding="unreachable"] .bytegpt-health__finding-action`).textContent()).toBe(
      EN.findings.unreachable.action_widget_files,
    );

    // Nothing was cached: the next check (here "check again") asks for the file again.
    await browser.context.unroute(ENGINE_FILE);
    await page.locator(`${CARD_ROOT} [data-action="recheck"]`).click();
    await expect.poll(async () => (await shown(page)).status, { timeout: 20_000 }).toBe('critical');
    expect((await shown(page)).findings.join()).not.toContain('unreachable');
    expect(engineRequests).toHaveLength(2);
    expect(openaiRequests).toBeGreaterThan(0);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('engine.js for the buttons', () => {
  it('"remind the admin" loads it when pressed, says when it could not, and works on the next press', async () => {
    const page = browser.page;
    await page.goto(server.url);
    await page.evaluate(() => window.__kommoHost!.resetKommo());
    // The check runs (and loads engine.js) on the first page; the second paints from the cache.
    await withEmptyCache(page, query({ role: 'member' }));
    await settledStatus(page, CARD_ROOT);
    engineRequests = [];
    await openHost(page, server.url, query({ role: 'member' }));
    await settledStatus(page, CARD_ROOT);
    expect(engineRequests).toEqual([]);

    await browser.context.route(ENGINE_FILE, notFound);
    const remind = page.locator(`${CARD_ROOT} [data-remind]`);
    await page.locator(`${CARD_ROOT} [data-action="remind-admin"]`).click();
    await expect.poll(() => remind.getAttribute('data-remind-error')).toBe('widget_files');
    expect(await remind.locator('.bytegpt-health__remind-message').textContent()).toBe(EN.remind.error.widget_files);
    expect((await page.evaluate(() => window.__kommoHost!.kommoState())).calls).toEqual([]);

    await browser.context.unroute(ENGINE_FILE);
    await page.locator(`${CARD_ROOT} [data-action="remind-admin"]`).click();
    await expect.poll(() => remind.getAttribute('data-remind')).toBe('sent');
    expect(await page.locator(`${CARD_ROOT} [data-action="remind-admin"]`).textContent()).toContain(EN.remind.sent);
    expect(engineRequests).toHaveLength(2);
    expect(browser.pageErrors).toEqual([]);
  });

  it('"Test connection" loads it when pressed, shows the widget files finding on a 404, and checks once it loads', async () => {
    const page = browser.page;
    await browser.context.route(ENGINE_FILE, notFound);
    await openHost(page, server.url, query({ area: 'settings', scenario: 'healthy' }));
    const modal = page.locator('#widget_settings_modal');
    const result = modal.locator('[data-bytegpt-test]');
    await modal.locator('[data-action="test-connection"]').click();
    await expect.poll(() => result.getAttribute('data-bytegpt-test'), { timeout: 20_000 }).toBe('unknown');
    expect(await modal.locator('[data-finding="unreachable"] .bytegpt-health__finding-title').textContent()).toBe(
      EN.findings.unreachable.title_widget_files,
    );
    expect(engineRequests).toHaveLength(1);
    expect(openaiRequests).toBe(0);

    await browser.context.unroute(ENGINE_FILE);
    await modal.locator('[data-action="test-connection"]').click();
    await expect.poll(() => result.getAttribute('data-bytegpt-test'), { timeout: 20_000 }).toBe('ok');
    expect(engineRequests).toHaveLength(2);
    expect(browser.pageErrors).toEqual([]);
  });
});
