// Every mock scenario in the built sidebar, as an admin sees it: the root's
// data-bytegpt-health and the exact data-finding rows (design.md's DOM contract), plus
// what verdicts II changes on screen. Scenarios about one moment run with the page's
// clock and time zone set to theirs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import { FINDING_SEVERITY } from '../../src/health/types.ts';
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from '../../src/mocks/scenarios.ts';
import { hangs } from '../integration/timeouts.ts';
import { REPO_ROOT, ensureWidgetBuilt, launchBrowser, openHost, type LaunchedBrowser, settledStatus } from './helpers/browser.ts';

const ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const EN = JSON.parse(readFileSync(join(REPO_ROOT, 'locales', 'en.json'), 'utf8')) as {
  status: Record<string, string>;
  panel: Record<string, string>;
};

interface Shown {
  status: string;
  codes: string[];
  text: string;
  steps: number;
}

let server: DemoServer;
let browser: LaunchedBrowser;
let momentBrowser: LaunchedBrowser;

/** The settled sidebar: status and the finding rows, in the order shown. */
async function sidebar(page: Page): Promise<Shown> {
  await settledStatus(page, ROOT);
  return page.locator(ROOT).evaluate((root) => ({
    status: root.getAttribute('data-bytegpt-health') ?? '',
    codes: [...root.querySelectorAll('[data-finding]')].map((row) => row.getAttribute('data-finding') ?? ''),
    text: (root as HTMLElement).innerText,
    // Walkthrough steps anywhere on the page (a member must never see one).
    steps: document.querySelectorAll('[data-step]').length,
  }));
}

/** A fresh tab for the scenario, with its moment and time zone when it has them. */
async function show(name: ScenarioName, role: 'admin' | 'member' = 'admin'): Promise<Shown> {
  const scenario = SCENARIOS[name];
  // Playwright's clock is the whole context's: one-moment scenarios get their own browser.
  const context = scenario.at ? momentBrowser.context : browser.context;
  if (scenario.at) await context.clock.setFixedTime(new Date(scenario.at));
  const page = await context.newPage();
  try {
    if (scenario.timeZone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: scenario.timeZone });
    }
    await openHost(page, server.url, { area: 'lcard', scenario: name, lang: 'en', scheme: 'light', role });
    return await sidebar(page);
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  ensureWidgetBuilt();
  server = await startDemoServer({ port: 0 });
  if (server.config.mocksError) throw new Error(`mock service bundle failed: ${server.config.mocksError}`);
  browser = await launchBrowser();
  momentBrowser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await momentBrowser?.close();
  await server?.close();
});

// A scenario whose server never answers ends at the widget's 10 s timeout, three
// times; the integration tests cover it with a short timeout instead.
const SHOWN = SCENARIO_NAMES.filter((name) => !hangs(SCENARIOS[name]));

describe('every scenario in the sidebar, for an admin', () => {
  it.each(SHOWN)('%s', async (name) => {
    const { status, codes } = await show(name);
    expect({ status, codes: [...codes].sort() }).toEqual({ status: SCENARIOS[name].expect.status, codes: [...SCENARIOS[name].expect.codes].sort() });
  });
});

describe('every scenario in the sidebar, for a member', () => {
  // Info findings are advice for admins; a member sees the rest, the same status, and
  // never a walkthrough step.
  it.each(SHOWN)('%s', async (name) => {
    const { status, codes, steps } = await show(name, 'member');
    const expected = SCENARIOS[name].expect.codes.filter((code) => FINDING_SEVERITY[code] !== 'info');
    expect({ status, codes: [...codes].sort(), steps }).toEqual({ status: SCENARIOS[name].expect.status, codes: [...expected].sort(), steps: 0 });
  });
});

describe('what verdicts II changes on screen', () => {
  it('rule 1: without the probe, ok reads "key works, credit not tested", never "All good"', async () => {
    const { text } = await show('healthy_probe_off');
    expect(text).toContain(EN.status.ok_untested);
    expect(text).not.toContain(EN.status.ok);
    expect((await show('healthy')).text).toContain(EN.status.ok);
  });

  it('rule 4: an unlimited relay token shows as unlimited, not as a number', async () => {
    const { text } = await show('relay_unlimited_token');
    expect(text).toContain(`${EN.panel.balance}\n${EN.panel.unlimited}`);
    expect(text).not.toMatch(/100,000,000|99,999,9/);
  });

  it('rule 7: the scope finding names the permission the refusing endpoint needs', async () => {
    expect((await show('models_missing_scope')).text).toContain('Models: Read');
    expect((await show('probe_missing_scope')).text).toContain('Model capabilities: Request');
  });

  it('no page error in any of it', () => {
    expect([...browser.pageErrors, ...momentBrowser.pageErrors]).toEqual([]);
  });
});
