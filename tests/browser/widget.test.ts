// The built widget (dist/widget) in the fake Kommo card page, against the mock OpenAI
// service running in the page's service worker: loading, the sidebar block, area
// changes without leaks, dark scheme, settings modal, role and language. Screenshots
// go to artifacts/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import type { HostArea } from '../../scripts/host/types.ts';
import { FINDING_SEVERITY, type FindingCode } from '../../src/health/types.ts';
import { SCENARIOS } from '../../src/mocks/scenarios.ts';
import {
  REPO_ROOT, ensureWidgetBuilt, launchBrowser, nativeListeners, openHost, reloadVia, screenshot, type LaunchedBrowser,
} from './helpers/browser.ts';
import { rgbContrastRatio, rgbLuminance } from '../../scripts/archive/contrast.ts';
import { INSTRUMENT_TIMERS, effectiveColours, type Colours } from './helpers/page-probes.ts';

const ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const locale = (lang: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'locales', `${lang}.json`), 'utf8')) as {
  status: Record<string, string>;
  panel: Record<string, string>;
};

let server: DemoServer;
let browser: LaunchedBrowser;

const page = () => browser.page;
const host = <T>(fn: () => T) => page().evaluate(fn);
const switchArea = (area: HostArea) => page().evaluate((a) => window.__kommoHost!.switchArea(a), area);

/** Waits until the widget root in the card finished its check, and returns its status. */
async function settledStatus(): Promise<string> {
  const handle = await page().waitForFunction((sel) => {
    const root = document.querySelector(sel);
    const status = root?.getAttribute('data-bytegpt-health');
    return status && status !== 'checking' ? status : null;
  }, ROOT, { timeout: 20_000 });
  return (await handle.jsonValue()) as string;
}

/** What must not grow when the widget is destroyed and built again. */
async function footprint() {
  const inPage = await host(() => ({
    roots: document.querySelectorAll('.bytegpt-health-root').length,
    blocks: document.querySelectorAll('.card-widgets__widget').length,
    styles: document.querySelectorAll('style, link[rel="stylesheet"]').length,
    jqueryEvents: Object.entries((window as unknown as { jQuery: { _data(el: unknown, k: string): Record<string, unknown[]> | undefined } })
      .jQuery._data(document, 'events') ?? {}).map(([type, list]) => `${type}:${list.length}`).sort(),
    intervals: (window as unknown as { __activeIntervals: Set<number> }).__activeIntervals.size,
    instances: window.__kommoHost!.instances,
  }));
  return { ...inPage, native: await nativeListeners(page()) };
}

interface OldTrees {
  __oldTrees?: Array<{ tree: Element; container: Element | null }>;
}

/**
 * Keeps a handle on every Preact tree the widget drew (the status panel root, the
 * options form) and on the Kommo container it was drawn into (the block body, the
 * settings field, the advanced work area), before an area change. Kommo swaps the page
 * before destroyAll, so the old trees leave the document whatever destroy() does; only
 * the handles show whether destroy() unmounted them.
 */
const markTrees = () => host(() => {
  const containers = '.card-widgets__widget__body, [id^="work-area-"], [id$="_custom_content"]';
  const trees = [...document.querySelectorAll('.bytegpt-health-root, [data-bytegpt-form]')]
    .map((tree) => ({ tree, container: tree.closest(containers) }));
  (window as unknown as OldTrees).__oldTrees = trees;
  return trees.length;
});

/** The marked trees destroy() left mounted: still inside their Kommo container (or in none known). */
const stillMounted = () => host(() => ((window as unknown as OldTrees).__oldTrees ?? [])
  .filter(({ tree, container }) => !container || container.contains(tree)).length);

const destroyCount = () => host(() => window.__kommoHost!.events.filter((e) => e.call === 'destroy').length);

beforeAll(async () => {
  ensureWidgetBuilt();
  server = await startDemoServer({ port: 0 });
  if (server.config.mocksError) throw new Error(`mock service bundle failed: ${server.config.mocksError}`);
  browser = await launchBrowser();
  await browser.context.addInitScript(INSTRUMENT_TIMERS);
  await openHost(page(), server.url, { area: 'lcard', scenario: 'healthy', lang: 'en', scheme: 'light', role: 'admin' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built widget on a Kommo card page', () => {
  it('is loaded from dist/widget by RequireJS as a constructor function', async () => {
    const loaded = await host(async () => {
      const defined = (window as unknown as { requirejs: { s: { contexts: Record<string, { defined: Record<string, unknown> }> } } })
        .requirejs.s.contexts._!.defined;
      const id = Object.keys(defined).find((k) => !k.includes('!') && k.includes('/script.js?v='));
      return { id, type: id ? typeof defined[id] : 'missing', source: id ? await (await fetch(id)).text() : '' };
    });
    expect(loaded.id).toBe(`${server.config.widgetPath}/script.js?v=${server.config.version}`);
    expect(loaded.type).toBe('function');
    expect(loaded.source).toBe(readFileSync(join(REPO_ROOT, 'dist', 'widget', 'script.js'), 'utf8'));
    expect(await host(() => window.__kommoHost!.loader)).toMatchObject({ moduleType: 'function', dropped: false });
  });

  it("draws one block with one root in #widgets_block and reaches the scenario's status", async () => {
    expect(await settledStatus()).toBe(SCENARIOS.healthy.expect.status);
    const dom = await host(() => ({
      blocks: document.querySelectorAll('#widgets_block .card-widgets__elements > .card-widgets__widget').length,
      rootsInBlock: document.querySelectorAll('#widgets_block .card-widgets__widget__body .bytegpt-health-root').length,
      rootsAnywhere: document.querySelectorAll('.bytegpt-health-root').length,
    }));
    expect(dom).toEqual({ blocks: 1, rootsInBlock: 1, rootsAnywhere: 1 });
    const key = SCENARIOS.healthy.apiKey;
    const leaks = await host(() => ({
      html: document.documentElement.outerHTML,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      url: window.location.href,
    }));
    // The key never appears in the DOM, storage or the URL (design.md, rules that never bend).
    expect(leaks.html).not.toContain(key);
    expect(leaks.storage).not.toContain(key);
    expect(leaks.url).not.toContain(key);
    expect(await host(() => window.__kommoHost!.errors)).toEqual([]);
    expect(await host(() => window.__kommoHost!.appWrites)).toEqual([]);
  });

  it('follows the dark scheme: its colours change and keep contrast', async () => {
    const read = () => page().locator(ROOT).evaluate(effectiveColours) as Promise<Colours>;
    const light = await read();
    await screenshot(page(), 'card-light');
    await host(() => window.__kommoHost!.setScheme('dark'));
    const dark = await read();
    await screenshot(page(), 'card-dark');
    await host(() => window.__kommoHost!.setScheme('light'));
    expect(dark.color).not.toEqual(light.color);
    expect(rgbLuminance(dark.background)).toBeLessThan(rgbLuminance(light.background));
    expect(rgbContrastRatio(light.color, light.background)).toBeGreaterThanOrEqual(4.5);
    expect(rgbContrastRatio(dark.color, dark.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('survives 20 area changes: each destroy unmounts, one root, no leftover listeners, styles or timers', async () => {
    await settledStatus();
    const before = await footprint();
    const destroysBefore = await destroyCount();
    const cycle: HostArea[] = ['ccard', 'comcard', 'settings', 'advanced_settings', 'lcard'];
    // Per change: the area left, the trees drawn there, how many destroy() left mounted.
    const unmounts: Array<[HostArea, number, number]> = [];
    let elapsed = 0;
    for (let i = 0; i < 20; i += 1) {
      const from = await host(() => window.__kommoHost!.query.area);
      const drawn = await markTrees();
      const t0 = Date.now();
      await switchArea(cycle[i % cycle.length]!);
      elapsed += Date.now() - t0;
      unmounts.push([from, drawn, await stillMounted()]);
    }
    await settledStatus();
    const after = await footprint();
    console.log(`20 area changes: ${elapsed} ms (${(elapsed / 20).toFixed(0)} ms each)`);
    // Every area drew something (card panel, the settings modal's form, the advanced
    // page's panel), and destroy() unmounted all of it.
    expect(unmounts.map(([from, drawn, left]) => [from, drawn > 0, left])).toEqual(unmounts.map(([from]) => [from, true, 0]));
    expect(after).toEqual(before);
    expect(after.roots).toBe(1);
    expect((await destroyCount()) - destroysBefore).toBe(20);
    expect(await host(() => window.__kommoHost!.errors)).toEqual([]);
  });

  it('shows its settings in the Kommo modal and saves them through onSave', async () => {
    await switchArea('settings');
    const modal = page().locator('#widget_settings_modal');
    await expect.poll(() => modal.isVisible()).toBe(true);
    expect(await modal.locator('input[name="api_key"]').getAttribute('type')).toBe('password');
    expect(await modal.locator(`input#${WIDGET_CODE}_custom`).getAttribute('type')).toBe('hidden');
    // The widget draws its options form into Kommo's custom-field container.
    await expect.poll(() => modal.locator(`#${WIDGET_CODE}_custom_content *`).count()).toBeGreaterThan(0);
    // Tall enough to show the whole modal down to its Save button.
    await page().setViewportSize({ width: 1280, height: 1280 });
    await screenshot(page(), 'settings-modal-light');
    await host(() => window.__kommoHost!.setScheme('dark'));
    await screenshot(page(), 'settings-modal-dark');
    await host(() => window.__kommoHost!.setScheme('light'));
    await page().setViewportSize({ width: 1280, height: 800 });

    const save = modal.locator('.js-widget-save');
    expect(await save.isDisabled()).toBe(true);
    await modal.locator('input[name="base_url"]').fill('https://api.openai.com');
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await expect.poll(() => modal.locator('.widget-settings__saved').textContent()).toBe('Saved');
    const saveResult = await host(() => window.__kommoHost!.events.filter((e) => e.call === 'onSave:result').at(-1)?.detail);
    expect(saveResult).toBe('true [api_key,base_url,relay_url,options]');

    await switchArea('advanced_settings');
    await screenshot(page(), 'advanced-settings-light');
    await switchArea('lcard');
    expect(await settledStatus()).toBe(SCENARIOS.healthy.expect.status);
  });

  it('reports a critical scenario; a member is told to ask an admin, in their language', async () => {
    await switchArea('lcard');
    await reloadVia(page(), 'setScenario', 'credits_exhausted');
    const scenario = SCENARIOS.credits_exhausted;
    expect(await settledStatus()).toBe(scenario.expect.status);
    const shown = () => page().locator(`${ROOT} [data-finding]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
    const serious = scenario.expect.codes.filter((c: FindingCode) => FINDING_SEVERITY[c] === 'critical' || FINDING_SEVERITY[c] === 'warning');
    expect(await shown()).toEqual(expect.arrayContaining(serious));
    await screenshot(page(), 'card-critical-admin-light');

    await openHost(page(), server.url, { area: 'lcard', scenario: 'credits_exhausted', lang: 'pt', scheme: 'dark', role: 'member' });
    expect(await settledStatus()).toBe('critical');
    const text = await page().locator(ROOT).innerText();
    const pt = locale('pt');
    expect(text).toContain(pt.status.critical);
    expect(text).toContain(pt.panel.ask_admin);
    // The update walkthrough is for admins only.
    expect(await page().locator(`${ROOT} [data-step]`).count()).toBe(0);
    await screenshot(page(), 'card-critical-member-pt-dark');
    expect(browser.pageErrors).toEqual([]);
  });
});
