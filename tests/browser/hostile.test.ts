// A representative part of the hostile-input catalogue in the built sidebar: markup in
// error messages, model ids and line items, HTML pages, 10 MB bodies and deep JSON,
// served by the page's mock worker (`?hostile=<name>`). Each must end with the verdict
// the catalogue states, no page error, no payload run (window.__hostilePwned unset),
// and no payload in the widget's DOM, as markup or as text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import { HOSTILE_BODIES, type HostileBody } from '../../src/mocks/hostile.ts';
import { startDemoBrowser, waitForHost, type LaunchedBrowser } from './helpers/browser.ts';

/** What every payload in src/mocks/hostile-bodies.ts sets if it ever runs. */
const PWNED_FLAG = '__hostilePwned';
const BLOCK = `#widgets_block .card-widgets__widget-${WIDGET_CODE}`;
const ROOT = `${BLOCK} .bytegpt-health-root`;

const SHOWN = [
  'models_html_200',
  'models_html_labelled_json',
  'models_error_markup_200',
  'models_invalid_key_markup',
  'models_markup_ids',
  'models_10mb',
  'models_deep_arrays',
  'models_deep_error',
  'chat_quota_markup',
  'chat_markup_model',
  'chat_10mb',
  'costs_line_item_markup',
  'costs_error_markup_200',
  'costs_deep_arrays',
  'spend_limit_html_json',
  'usage_10mb',
];

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ server, browser } = await startDemoBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Seen {
  status: string;
  codes: string[];
  pwned: unknown;
  /** Elements in the widget a payload could have made: script, img src=x, any on* handler. */
  injected: number;
  text: string;
  html: string;
  hostErrors: unknown[];
}

/** Waits for the check to finish, then reads the widget and the page. */
async function settled(page: Page): Promise<Seen> {
  await page.waitForFunction((sel) => {
    const root = document.querySelector(sel);
    const status = root?.getAttribute('data-bytegpt-health');
    return status && status !== 'checking' && root?.getAttribute('aria-busy') === 'false';
  }, ROOT, { timeout: 30_000 });
  return page.evaluate(([block, root, flag]) => {
    const widget = document.querySelector(block) as HTMLElement;
    const panel = document.querySelector(root) as HTMLElement;
    const all = [...widget.querySelectorAll('*')];
    const injected = all.filter(
      (el) => el.localName === 'script' || (el.localName === 'img' && el.getAttribute('src') === 'x') || [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length;
    return {
      status: panel.getAttribute('data-bytegpt-health') ?? '',
      codes: [...panel.querySelectorAll('[data-finding]')].map((row) => row.getAttribute('data-finding') ?? ''),
      pwned: (window as unknown as Record<string, unknown>)[flag],
      injected,
      text: widget.innerText,
      html: widget.innerHTML,
      hostErrors: window.__kommoHost?.errors ?? [],
    };
  }, [BLOCK, ROOT, PWNED_FLAG] as const);
}

async function show(entry: HostileBody): Promise<{ seen: Seen; pageErrors: string[] }> {
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  try {
    // Same key for every entry: forget the last entry's cached report and endpoint memory.
    await page.goto(`${new URL(server.url).origin}/no-such-page`);
    await page.evaluate(() => localStorage.clear());
    // The host's own query plus `hostile`, which the page's mock worker reads (src/mocks/browser.ts).
    const query = new URLSearchParams({ area: 'lcard', scenario: entry.scenario, lang: 'en', scheme: 'light', role: 'admin', hostile: entry.name });
    await page.goto(`${server.url}?${query.toString()}`);
    await waitForHost(page);
    const seen = await settled(page);
    // Give a late onerror/onload (an image that fails to load) the time to fire.
    await page.waitForTimeout(200);
    return { seen: { ...seen, pwned: await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG) }, pageErrors };
  } finally {
    await page.close();
  }
}

describe('hostile bodies in the built sidebar', () => {
  it('shows only entries of the catalogue', () => {
    const names = new Set(HOSTILE_BODIES.map((entry) => entry.name));
    expect(SHOWN.filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(SHOWN)('%s', async (name) => {
    const entry = HOSTILE_BODIES.find((candidate) => candidate.name === name)!;
    const { seen, pageErrors } = await show(entry);
    expect({ status: seen.status, codes: [...seen.codes].sort() }).toEqual({ status: entry.expect.status, codes: [...entry.expect.codes].sort() });
    expect(pageErrors).toEqual([]);
    expect(seen.hostErrors).toEqual([]);
    expect(seen.pwned).toBeUndefined();
    expect(seen.injected).toBe(0);
    // Server text never reaches the widget: not as markup, and not as text either.
    expect(seen.html).not.toMatch(/<script|<img src="x"|<svg onload|__hostilePwned/);
    expect(seen.text).not.toMatch(/<script|onerror|__hostilePwned|\u202E|\u2067/);
    // The one body whose numbers differ from the base scenario's: proof it was served.
    if (name === 'costs_line_item_markup') expect(seen.text).toContain('$13.50');
  });
});
