// Pictures of what a person sees, for a person to look at (artifacts/screenshots/): the
// sidebar, the walkthrough, the settings form and the dashboard, in all five languages,
// light and dark. Each picture is also checked for raw locale keys and page errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostArea } from '../../scripts/host/types.ts';
import type { DemoServer } from '../../scripts/serve/demo-server.ts';
import { openHost, screenshot, type LaunchedBrowser, closeDemoBrowser, startDemoBrowser } from './helpers/browser.ts';

const LANGS = ['en', 'es', 'pt', 'tr', 'id'] as const;
const SCREENS: Array<{ name: string; area: HostArea; scenario: string; selector: string }> = [
  { name: 'sidebar', area: 'lcard', scenario: 'credits_exhausted', selector: '.bytegpt-health-root' },
  { name: 'settings', area: 'settings', scenario: 'healthy', selector: '[data-bytegpt-form]' },
  { name: 'dashboard', area: 'advanced_settings', scenario: 'spend_near_budget', selector: '[data-bytegpt-dashboard]' },
  { name: 'walkthrough', area: 'advanced_settings', scenario: 'credits_exhausted', selector: '.bytegpt-health__walkthrough' },
];
// A key of ours left untranslated would show as "section.key_name".
const RAW_KEY = /\b(?:panel|status|findings|walkthrough|dashboard|remind|alerts|settings|advanced)\.[a-z_]+(?:\.[a-z_]+)*\b/;

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
});

afterAll(() => closeDemoBrowser({ server, browser }));

describe('screenshots in every language, light and dark', () => {
  for (const lang of LANGS) {
    it.each(SCREENS)(`${lang}: %s`, async ({ name, area, scenario, selector }) => {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.setViewportSize({ width: 1280, height: area === 'lcard' ? 800 : 1600 });
        for (const scheme of ['light', 'dark'] as const) {
          await openHost(page, server.url, { area, scenario, lang, scheme, role: 'admin' });
          await page.waitForSelector(selector, { timeout: 20_000 });
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 20_000 });
          await screenshot(page, `${name}-${lang}-${scheme}`);
          const text = await page.locator('.bytegpt-health').allInnerTexts();
          expect(text.join('\n')).not.toMatch(RAW_KEY);
        }
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
