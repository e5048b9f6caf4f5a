// The update walkthrough in the built widget, in the fake Kommo host (issue 8, item 1):
// every data-step on the advanced page for an admin with data-done following progress,
// no step ever for a member, "Fix it" in the sidebar, and the end-to-end run: a
// critical scenario, the steps done, the mock switched to healthy, verify passes and
// the run is recorded; the progress survives a reload and shows in a second tab.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import type { HostQuery } from '../../scripts/host/types.ts';
import { STEP_IDS } from '../../src/checklist/steps.ts';
import { REPO_ROOT, openHost, reloadVia, screenshot, waitForHost, type LaunchedBrowser, closeDemoBrowser, startDemoBrowser } from './helpers/browser.ts';

const PAGE_ROOT = `#work-area-${WIDGET_CODE} .bytegpt-health-root`;
const CARD_ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const STEPS = `#work-area-${WIDGET_CODE} .bytegpt-health__walkthrough [data-step]`;
const step = (id: string) => `#work-area-${WIDGET_CODE} .bytegpt-health__walkthrough [data-step="${id}"]`;
const EN = JSON.parse(readFileSync(join(REPO_ROOT, 'locales', 'en.json'), 'utf8')) as { walkthrough: { steps: Record<string, { title: string }> } };
// The fake Kommo's admin (scripts/host/app.ts): progress is kept per account and user.
const PROGRESS_KEY = 'bytegpt-health:walkthrough:v1:31337001:7001';

let server: DemoServer;
let browser: LaunchedBrowser;

const query = (patch: Partial<HostQuery>): Partial<HostQuery> => ({ area: 'advanced_settings', scenario: 'credits_exhausted', role: 'admin', lang: 'en', scheme: 'light', ...patch });

async function settled(page: Page, root: string): Promise<string> {
  const handle = await page.waitForFunction((sel) => {
    const status = document.querySelector(sel)?.getAttribute('data-bytegpt-health');
    return status && status !== 'checking' ? status : null;
  }, root, { timeout: 20_000 });
  return (await handle.jsonValue()) as string;
}

/** data-step → data-done on the advanced page, in the order shown. */
const doneFlags = (page: Page) =>
  page.$$eval(STEPS, (els) => els.map((el) => [el.getAttribute('data-step'), el.getAttribute('data-done')] as const));

/** A fresh start: the page open (the advanced page unless patched) with no stored progress. */
async function freshPage(page: Page, patch: Partial<HostQuery> = {}): Promise<void> {
  await openHost(page, server.url, query(patch));
  await page.evaluate(() => localStorage.clear());
  await openHost(page, server.url, query(patch));
  await settled(page, patch.area === 'lcard' ? CARD_ROOT : PAGE_ROOT);
}

const click = (page: Page, selector: string) => page.locator(selector).click();

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe violations inside the widget's hosts. */
async function seriousViolations(page: Page): Promise<Array<{ id: string; targets: string[] }>> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: [['.bytegpt-health']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
});

afterAll(() => closeDemoBrowser({ server, browser }));

describe('the walkthrough on the advanced page', () => {
  it('shows every step for an admin, with data-done following progress', async () => {
    const page = browser.page;
    await freshPage(page);
    expect(await doneFlags(page)).toEqual(STEP_IDS.map((id) => [id, 'false']));

    await click(page, `${step('login')} [data-action="mark-done"]`);
    await click(page, `${step('billing')} [data-action="mark-done"]`);
    await page.waitForSelector(`${step('billing')}[data-done="true"]`);
    expect(Object.fromEntries(await doneFlags(page))).toMatchObject({ login: 'true', dashboard: 'false', billing: 'true' });

    await click(page, `${step('billing')} [data-action="undo"]`);
    await page.waitForSelector(`${step('billing')}[data-done="false"]`);
    expect(Object.fromEntries(await doneFlags(page))).toMatchObject({ login: 'true', billing: 'false' });

    // Each step opens its OpenAI page in a new tab, without an opener.
    const links = await page.$$eval(`${STEPS} a[data-action="open-step"]`, (els) => els.map((a) => [a.getAttribute('target'), a.getAttribute('rel'), new URL((a as HTMLAnchorElement).href).host]));
    expect(links).toHaveLength(STEP_IDS.length);
    for (const [target, rel, hostName] of links) {
      expect(target).toBe('_blank');
      expect(rel).toBe('noopener noreferrer');
      expect(['platform.openai.com', 'help.openai.com']).toContain(hostName);
    }
    await screenshot(page, 'walkthrough-advanced-en-light');
    await page.evaluate(() => window.__kommoHost!.setScheme('dark'));
    await page.waitForSelector(`#work-area-${WIDGET_CODE} [data-bytegpt-theme="dark"]`);
    await screenshot(page, 'walkthrough-advanced-en-dark');
  });

  it("a finding's step link jumps to its step", async () => {
    const page = browser.page;
    await freshPage(page);
    await click(page, `${PAGE_ROOT} [data-finding="credits_exhausted"] [data-fix-step="billing"]`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-step'))).toBe('billing');
  });

  it('a member never sees a step, on the advanced page or in the sidebar', async () => {
    const page = browser.page;
    await openHost(page, server.url, query({ role: 'member' }));
    await settled(page, PAGE_ROOT);
    expect(await page.locator('[data-finding="credits_exhausted"]').count()).toBe(1);
    expect(await page.locator('[data-step], [data-fix-step], [data-fix], [data-action="fix-it"]').count()).toBe(0);
    await openHost(page, server.url, query({ role: 'member', area: 'lcard' }));
    expect(await settled(page, CARD_ROOT)).toBe('critical');
    expect(await page.locator('[data-step], [data-fix-step], [data-fix], [data-action="fix-it"]').count()).toBe(0);
  });
});

describe('"Fix it" in the sidebar', () => {
  it('an admin with a billing finding opens the next step in place, from the keyboard', async () => {
    const page = browser.page;
    await freshPage(page, { area: 'lcard' });
    const toggle = page.locator(`${CARD_ROOT} [data-action="fix-it"]`);
    expect(await toggle.textContent()).toContain('Fix it: step 1 of 11');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator(`${CARD_ROOT} [data-step]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-step')))).toEqual(['login']);
    expect(await page.locator(`${CARD_ROOT} [data-step="login"] .bytegpt-health__step-title`).textContent()).toBe(EN.walkthrough.steps.login!.title);
    await screenshot(page, 'walkthrough-fixit-en-light');
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(`${CARD_ROOT} [data-step]`).count()).toBe(0);
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)('axe finds nothing serious in the walkthrough and "Fix it" (%s)', async (scheme) => {
    const page = browser.page;
    await freshPage(page, { scheme });
    for (const id of ['login', 'edit_details', 'expiry_alerts'] as const) await click(page, `${step(id)} [data-action="mark-done"]`);
    await page.fill(`${step('expiry_alerts')} input`, '13/99');
    await click(page, `${step('expiry_alerts')} [data-action="save-expiry"]`);
    await click(page, `${step('verify')} [data-action="verify"]`);
    await page.waitForSelector(`${step('verify')} [data-verify="failed"]`, { timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await openHost(page, server.url, query({ area: 'lcard', scheme }));
    await settled(page, CARD_ROOT);
    await click(page, `${CARD_ROOT} [data-action="fix-it"]`);
    await page.waitForSelector(`${CARD_ROOT} [data-step]`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('end to end', () => {
  it('critical → steps done → mock healthy → verify passes and the run is recorded; reload and a second tab keep it', async () => {
    const page = browser.page;
    await freshPage(page);
    expect(await settled(page, PAGE_ROOT)).toBe('critical');

    for (const id of STEP_IDS) {
      if (id !== 'verify') await click(page, `${step(id)} [data-action="mark-done"]`);
    }
    await page.waitForSelector(`${step('support')}[data-done="true"]`);

    // Still out of credit: the real check fails verify.
    await click(page, `${step('verify')} [data-action="verify"]`);
    await page.waitForSelector(`${step('verify')} [data-verify="failed"]`, { timeout: 30_000 });
    expect(await page.locator(`${step('verify')} [data-blocker="credits_exhausted"]`).count()).toBe(1);
    expect(await page.getAttribute(step('verify'), 'data-done')).toBe('false');

    // The owner adds credit on OpenAI: the mock turns healthy (the page reloads).
    await reloadVia(page, 'setScenario', 'healthy');
    await settled(page, PAGE_ROOT);
    expect(Object.fromEntries(await doneFlags(page))).toMatchObject({ login: 'true', support: 'true', verify: 'false' });

    const verifyButton = page.locator(`${step('verify')} [data-action="verify"]`);
    await verifyButton.click();
    await page.waitForSelector(`${step('verify')} [data-verify="passed"]`, { timeout: 30_000 });
    expect(await doneFlags(page)).toEqual(STEP_IDS.map((id) => [id, 'true']));
    const finishedAt = await page.getAttribute(`#work-area-${WIDGET_CODE} .bytegpt-health__walkthrough`, 'data-walkthrough-finished');
    expect(finishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)) ?? 'null') as { finishedAt: string; runs: string[] };
    expect(stored.finishedAt).toBe(finishedAt);
    expect(stored.runs).toEqual([finishedAt]);
    await screenshot(page, 'walkthrough-verified-en-light');

    // Survives a reload.
    await page.reload();
    await waitForHost(page);
    await page.waitForSelector(step('support'));
    expect(await doneFlags(page)).toEqual(STEP_IDS.map((id) => [id, 'true']));
    expect(await page.getAttribute(`#work-area-${WIDGET_CODE} .bytegpt-health__walkthrough`, 'data-walkthrough-finished')).toBe(finishedAt);

    // Shows in a second tab, and follows the first one live.
    const second = await browser.context.newPage();
    try {
      await openHost(second, server.url, query({ scenario: 'healthy' }));
      await second.waitForSelector(step('support'));
      expect(await doneFlags(second)).toEqual(STEP_IDS.map((id) => [id, 'true']));
      await click(page, `${step('support')} [data-action="undo"]`);
      await second.waitForSelector(`${step('support')}[data-done="false"]`);
      expect(await second.getAttribute(`#work-area-${WIDGET_CODE} .bytegpt-health__walkthrough`, 'data-walkthrough-finished')).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('no page error in any of it', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
