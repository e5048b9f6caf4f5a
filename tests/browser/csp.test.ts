// The widget under a strict Content-Security-Policy (no 'unsafe-eval', no 'unsafe-inline'
// for scripts): the header is there, the policy is enforced, and the widget still loads
// through RequireJS, checks, and reaches each scenario's status, with no violation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CSP, WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import { SCENARIOS } from '../../src/mocks/scenarios.ts';
import { closeDemoBrowser, settledStatus, startDemoBrowser, waitForHost, type LaunchedBrowser } from './helpers/browser.ts';

const ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;

let server: DemoServer;
let browser: LaunchedBrowser;
const consoleCsp: string[] = [];

/** Collects securitypolicyviolation events from the first script on (an init script is not subject to the page's CSP). */
const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __csp: string[] }).__csp = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  });
};

const violations = (page: Page) => page.evaluate(() => [...(window as unknown as { __csp: string[] }).__csp]);


beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser({ csp: true }));
  await browser.context.addInitScript(RECORD_VIOLATIONS);
  browser.page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleCsp.push(message.text());
  });
});

afterAll(() => closeDemoBrowser({ server, browser }));

describe('strict CSP', () => {
  it('the policy has no unsafe script sources', () => {
    const scriptSrc = STRICT_CSP.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(STRICT_CSP).not.toContain('unsafe-eval');
    expect(STRICT_CSP).toMatch(/default-src 'self'/);
  });

  it.each(['healthy', 'healthy_with_spend', 'invalid_key'] as const)('scenario %s: the header is served and the sidebar reaches its status with no violation', async (name) => {
    const page = browser.page;
    const response = await page.goto(`${server.url}?area=lcard&scenario=${name}&lang=en&role=admin`);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await waitForHost(page);
    expect(await page.evaluate(() => window.__kommoHost!.loader?.dropped)).toBe(false);
    expect(await settledStatus(page, ROOT)).toBe(SCENARIOS[name].expect.status);
    expect(await violations(page)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('the settings modal, Test connection and the advanced page work with no violation', async () => {
    const page = browser.page;
    await page.goto(`${server.url}?area=settings&scenario=healthy&lang=en&role=admin`);
    await waitForHost(page);
    const result = page.locator('#widget_settings_modal [data-bytegpt-test]');
    await page.locator('#widget_settings_modal [data-action="test-connection"]').click();
    await expect.poll(() => result.getAttribute('data-bytegpt-test'), { timeout: 20_000 }).toBe(SCENARIOS.healthy.expect.status);
    expect(await violations(page)).toEqual([]);

    await page.goto(`${server.url}?area=advanced_settings&scenario=healthy&lang=en&role=admin`);
    await waitForHost(page);
    expect(await settledStatus(page, '.bytegpt-health-root')).toBe(SCENARIOS.healthy.expect.status);
    await page.locator('.bytegpt-health-root [data-action="recheck"]').first().click();
    expect(await settledStatus(page, '.bytegpt-health-root')).toBe(SCENARIOS.healthy.expect.status);
    expect(await violations(page)).toEqual([]);
    expect(consoleCsp).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('the policy is really enforced: an injected inline script and eval are refused', async () => {
    const page = browser.page;
    await page.goto(`${server.url}?area=lcard&scenario=healthy&lang=en&role=admin`);
    await waitForHost(page);
    const outcome = await page.evaluate(async () => {
      const flag = window as unknown as { __ran?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.appendChild(script);
      // Run from a timer, after this evaluation (which DevTools exempts from CSP) ended.
      const evalRefused = await new Promise<boolean>((resolve) =>
        setTimeout(() => {
          try {
            // The point: the page's policy must refuse a string as code.
            // oxlint-disable-next-line no-eval
            (0, eval)('1');
            resolve(false);
          } catch {
            resolve(true);
          }
        }, 50),
      );
      return { ran: flag.__ran === true, evalRefused };
    });
    expect(outcome).toEqual({ ran: false, evalRefused: true });
    const seen = await violations(page);
    expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
    consoleCsp.length = 0;
  });
});
