// admin.js, the widget's second file (vite.config.ts, src/kommo/admin-page.ts), through
// the host page's real RequireJS: an admin's dashboard, settings form and "Fix it" step
// come from it with one request per page and working hooks (one Preact shared with
// script.js); the sidebar's "Fix it" stays usable while it loads; a 404 shows a
// translated notice whose retry works once the file is served again; a member's card
// page never asks for it; and it loads under the strict CSP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import type { HostQuery } from '../../scripts/host/types.ts';
import { closeDemoBrowser, openHost, REPO_ROOT, settledStatus, startDemoBrowser, waitForHost, type LaunchedBrowser } from './helpers/browser.ts';

const WORK_AREA = `#work-area-${WIDGET_CODE}`;
const CARD_ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const FIX_IT = `${CARD_ROOT} [data-action="fix-it"]`;
const ADMIN_FILE = /\/admin\.js\?v=/;
const EN = JSON.parse(readFileSync(join(REPO_ROOT, 'locales', 'en.json'), 'utf8')) as {
  panel: Record<string, string>;
  walkthrough: { expiry: Record<string, string> };
};

let server: DemoServer;
let browser: LaunchedBrowser;
/** Every request for admin.js since the last reset, by URL. */
let adminRequests: string[] = [];

const query = (patch: Partial<HostQuery>): Partial<HostQuery> => ({ scenario: 'credits_exhausted', role: 'admin', lang: 'en', scheme: 'light', ...patch });

/** Two idle periods of the page: an admin's "Fix it" asks for admin.js in the first. */
const idle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));

const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __csp: string[] }).__csp = seen;
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
};

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
  await browser.context.addInitScript(RECORD_VIOLATIONS);
  browser.page.on('request', (request) => {
    if (ADMIN_FILE.test(request.url())) adminRequests.push(request.url());
  });
});

afterAll(() => closeDemoBrowser({ server, browser }));

beforeEach(async () => {
  await browser.context.unrouteAll();
  adminRequests = [];
  browser.pageErrors.length = 0;
});

describe('admin.js for an admin', () => {
  it('the advanced page gets the dashboard and the walkthrough from one request, and hooks work in them', async () => {
    const page = browser.page;
    await openHost(page, server.url, query({ area: 'advanced_settings' }));
    await page.waitForSelector(`${WORK_AREA} [data-bytegpt-dashboard]`);
    await page.waitForSelector(`${WORK_AREA} .bytegpt-health__walkthrough [data-step]`);
    expect(adminRequests).toEqual([`${server.url.replace(/\/$/, '')}${server.config.widgetPath}/admin.js?v=${server.config.version}`]);
    // The card-expiry form keeps what is typed in useState (admin.js's code, script.js's hooks).
    const step = `${WORK_AREA} .bytegpt-health__walkthrough [data-step="expiry_alerts"]`;
    await page.locator(`${step} [data-action="mark-done"]`).click();
    await page.fill(`${step} input`, '13/99');
    await page.locator(`${step} [data-action="save-expiry"]`).click();
    await page.waitForSelector(`${step} input[aria-invalid="true"]`);
    expect(await page.locator(step).textContent()).toContain(EN.walkthrough.expiry.invalid);
    // Its CSS joined the page's one widget stylesheet.
    expect(await page.locator(`${WORK_AREA} .bytegpt-health__walkthrough`).evaluate((el) => getComputedStyle(el).marginTop)).toBe('16px');
    expect(adminRequests).toHaveLength(1);
    expect(browser.pageErrors).toEqual([]);
  });

  it('the settings modal gets its form from admin.js and writes what is typed into Kommo\'s field', async () => {
    const page = browser.page;
    await openHost(page, server.url, query({ area: 'settings', scenario: 'healthy' }));
    const modal = page.locator('#widget_settings_modal');
    const budget = modal.locator('[data-bytegpt-form="options"] [name="monthlyBudgetUsd"]');
    await budget.fill('250');
    await expect.poll(async () => JSON.parse((await modal.locator(`#${WIDGET_CODE}_custom`).inputValue()) || '{}').monthlyBudgetUsd).toBe(250);
    expect(await modal.locator('[data-action="test-connection"]').count()).toBe(1);
    expect(adminRequests).toHaveLength(1);
    expect(browser.pageErrors).toEqual([]);
  });

  it('"Fix it" asks for admin.js when the page is idle, then opens a step in place', async () => {
    const page = browser.page;
    // A page with no progress stored, so "login" is the next step.
    await openHost(page, server.url, query({ area: 'lcard' }));
    await idle(page);
    await expect.poll(() => adminRequests.length).toBe(1);
    await page.evaluate(() => localStorage.clear());
    adminRequests = [];
    await openHost(page, server.url, query({ area: 'lcard' }));
    expect(await settledStatus(page, CARD_ROOT)).toBe('critical');
    await idle(page);
    await expect.poll(() => adminRequests.length).toBe(1);
    await page.locator(FIX_IT).click();
    await page.waitForSelector(`${CARD_ROOT} [data-step="login"]`);
    await page.locator(`${CARD_ROOT} [data-step="login"] [data-action="mark-done"]`).click();
    await page.waitForSelector(`${CARD_ROOT} [data-step="dashboard"]`);
    expect(adminRequests).toHaveLength(1);
    expect(browser.pageErrors).toEqual([]);
  });

  it('"Fix it" pressed before admin.js arrives stays put, says it is busy, and opens the step once it has', async () => {
    const page = browser.page;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await browser.context.route(ADMIN_FILE, async (route: Route) => {
      await held;
      await route.continue();
    });
    await openHost(page, server.url, query({ area: 'lcard' }));
    await settledStatus(page, CARD_ROOT);
    const toggle = page.locator(FIX_IT);
    const before = await toggle.boundingBox();
    await toggle.click();
    await page.waitForSelector(`${FIX_IT}[aria-busy="true"]`);
    expect(await page.locator(`${CARD_ROOT} [data-step]`).count()).toBe(0);
    expect(await toggle.boundingBox()).toEqual(before);
    release();
    // The next step not done yet (an earlier test may have marked some).
    await page.waitForSelector(`${CARD_ROOT} [data-step]`);
    expect(await page.locator(`${CARD_ROOT} [data-step]`).count()).toBe(1);
    expect(await toggle.getAttribute('aria-busy')).toBeNull();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(adminRequests).toHaveLength(1);
  });

  it('a 404 shows a translated notice with a retry, and the retry works once admin.js is served again', async () => {
    const page = browser.page;
    await browser.context.route(ADMIN_FILE, (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await openHost(page, server.url, query({ area: 'advanced_settings' }));
    const failed = page.locator(`${WORK_AREA} [data-bytegpt-lazy="failed"]`);
    await failed.first().waitFor();
    expect(await failed.first().locator('.bytegpt-health__error').textContent()).toBe(EN.panel.part_failed);
    expect(await failed.first().locator('[data-action="retry-load"]').textContent()).toBe(EN.panel.part_retry);
    // The rest of the page is there: the status panel never waits for admin.js.
    expect(await page.locator(`${WORK_AREA} .bytegpt-health-root`).count()).toBe(1);

    await browser.context.unroute(ADMIN_FILE);
    await failed.first().locator('[data-action="retry-load"]').click();
    await page.waitForSelector(`${WORK_AREA} [data-bytegpt-dashboard]`);
    await page.waitForSelector(`${WORK_AREA} .bytegpt-health__walkthrough [data-step]`);
    expect(await failed.count()).toBe(0);
    expect(adminRequests).toHaveLength(2);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('admin.js elsewhere', () => {
  it("a member's card page never asks for it; an admin's does", async () => {
    const page = browser.page;
    await openHost(page, server.url, query({ area: 'lcard', role: 'member' }));
    expect(await settledStatus(page, CARD_ROOT)).toBe('critical');
    await idle(page);
    expect(adminRequests).toEqual([]);

    await openHost(page, server.url, query({ area: 'lcard', role: 'admin' }));
    await settledStatus(page, CARD_ROOT);
    await idle(page);
    await expect.poll(() => adminRequests.length).toBe(1);
  });

  it('loads under the strict CSP with no violation', async () => {
    const page = browser.page;
    const params = new URLSearchParams({ area: 'advanced_settings', scenario: 'healthy', role: 'admin', lang: 'en', csp: 'strict' });
    const response = await page.goto(`${server.url}?${params.toString()}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await waitForHost(page);
    await page.waitForSelector(`${WORK_AREA} [data-bytegpt-dashboard]`);
    expect(adminRequests).toHaveLength(1);
    expect(await page.evaluate(() => [...(window as unknown as { __csp: string[] }).__csp])).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
