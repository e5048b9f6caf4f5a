// "Test connection" in Kommo's settings modal: a real check with the values as typed,
// before saving, its verdict shown in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import { SCENARIOS } from '../../src/mocks/scenarios.ts';
import { openHost, type LaunchedBrowser, closeDemoBrowser, startDemoBrowser } from './helpers/browser.ts';

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
});

afterAll(() => closeDemoBrowser({ server, browser }));

describe('Test connection', () => {
  it('checks the typed key before it is saved, and shows the verdict in place', async () => {
    const page = browser.page;
    await openHost(page, server.url, { area: 'settings', scenario: 'healthy', lang: 'en', scheme: 'light', role: 'admin' });
    const modal = page.locator('#widget_settings_modal');
    const button = modal.locator('[data-action="test-connection"]');
    const result = modal.locator('[data-bytegpt-test]');
    await button.click();
    await expect.poll(() => result.getAttribute('data-bytegpt-test'), { timeout: 20_000 }).toBe(SCENARIOS.healthy.expect.status);

    // A key typed but not saved: the mock does not know it, so the verdict is key_invalid.
    await modal.locator('input[name="api_key"]').fill('sk-proj-mock-typo');
    await button.click();
    await expect.poll(() => result.getAttribute('data-bytegpt-test'), { timeout: 20_000 }).toBe('critical');
    expect(await modal.locator(`#${WIDGET_CODE}_custom_content [data-finding="key_invalid"]`).count()).toBe(1);
    // Nothing was saved by testing.
    expect(await modal.locator('.js-widget-save').isDisabled()).toBe(false);
    const saved = await page.evaluate(() => window.__kommoHost!.events.filter((e) => e.call === 'onSave').length);
    expect(saved).toBe(0);
  });
});
