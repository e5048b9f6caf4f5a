// axe-core (the real engine, injected into the page) on everything the widget draws:
// the card sidebar, the settings modal's form and the advanced-settings page, for an
// admin and a member, in light and dark. No serious or critical violation is allowed.
// Only the widget's own hosts are audited, not the fake Kommo page around them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostArea } from '../../scripts/host/types.ts';
import type { DemoServer } from '../../scripts/serve/demo-server.ts';
import { openHost, type LaunchedBrowser, closeDemoBrowser, startDemoBrowser } from './helpers/browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: DemoServer;
let browser: LaunchedBrowser;

interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
  targets: string[];
}

/** Waits for the widget to settle in the area, then audits every widget host with axe. */
async function audit(page: Page, area: HostArea): Promise<Violation[]> {
  await page.waitForFunction(() => {
    const hosts = document.querySelectorAll('.bytegpt-health');
    const checking = document.querySelector('[data-bytegpt-health="checking"]');
    return hosts.length > 0 && !checking;
  }, undefined, { timeout: 20_000 });
  if (area === 'settings') await page.waitForSelector('[data-bytegpt-form]');
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: [['.bytegpt-health']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
});

afterAll(() => closeDemoBrowser({ server, browser }));

const CASES: Array<[HostArea, 'admin' | 'member', string]> = [
  ['lcard', 'admin', 'credits_exhausted'],
  ['lcard', 'member', 'credits_exhausted'],
  ['lcard', 'admin', 'healthy_with_spend'],
  ['lcard', 'admin', 'healthy_probe_off'],
  ['settings', 'admin', 'healthy'],
  ['advanced_settings', 'admin', 'spend_near_budget'],
  ['advanced_settings', 'admin', 'card_last_day_sao_paulo'],
];

describe('axe finds no serious or critical violation', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(CASES)(`${scheme}: %s as %s (%s)`, async (area, role, scenario) => {
      const page = await browser.context.newPage();
      try {
        await openHost(page, server.url, { area, scenario, lang: 'en', scheme, role });
        const serious = (await audit(page, area)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("the audit can fail: Kommo's own status green and primary blue are reported", async () => {
    const page = await browser.context.newPage();
    try {
      await openHost(page, server.url, { area: 'lcard', scenario: 'healthy', lang: 'en', scheme: 'light', role: 'admin' });
      await page.waitForSelector('.bytegpt-health-root[data-bytegpt-health="ok"]');
      // Back to the kit's raw values: #02815a on #e2f5eb is 4.31:1, white on #4c8bf7 3.3:1.
      await page.evaluate(() => {
        const host = document.querySelector<HTMLElement>('.bytegpt-health')!;
        host.style.setProperty('--bytegpt-health-ok-fg', '#02815a');
        host.style.setProperty('--bytegpt-health-accent', '#4c8bf7');
      });
      const contrast = (await audit(page, 'lcard')).find((v) => v.id === 'color-contrast');
      expect(contrast?.impact).toBe('serious');
      expect(contrast?.nodes).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  });
});
