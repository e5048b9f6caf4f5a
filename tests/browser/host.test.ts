// The fake Kommo itself: with a plain AMD probe widget (fixtures/probe-widget) that
// records every call, check that the host loads and drives widgets the way
// kommo-platform.md §3 describes. If the host drifted from Kommo, the widget tests
// in widget.test.ts would prove nothing.
//
// The tests of 'the fake Kommo host' run in order on one shared page: each starts from
// the state the one before left (instance ids, area, saved settings, role), so running
// one of them alone with `-t` is not supported. The tests of 'how the host treats a
// misbehaving widget' each open their own page and may run alone.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve/demo-server.ts';
import { launchBrowser, openHost, reloadVia, type LaunchedBrowser } from './helpers/browser.ts';

const PROBE_DIR = join(import.meta.dirname, 'fixtures', 'probe-widget');
const CODE = 'bytegpt_billing_health';

interface ProbeCall {
  id: number;
  name: string;
  area: string;
  extra: Record<string, unknown> | null;
}

let server: DemoServer;
let browser: LaunchedBrowser;

const callsOn = (page: Page) => page.evaluate(() => (window as unknown as { __probe?: { calls: ProbeCall[] } }).__probe?.calls ?? []);
const calls = () => callsOn(browser.page);
const names = (list: ProbeCall[], id: number) => list.filter((c) => c.id === id).map((c) => c.name);
/** The calls in the order they happened, as `<instance>:<callback>`. */
const ordered = (list: ProbeCall[]) => list.map((c) => `${c.id}:${c.name}`);

beforeAll(async () => {
  server = await startDemoServer({ port: 0, widgetDir: PROBE_DIR, mocks: false });
  browser = await launchBrowser();
  await openHost(browser.page, server.url, { area: 'lcard' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the fake Kommo host', () => {
  it('requires script.js by URL through RequireJS, with jQuery from the `jquery` path', async () => {
    const loaded = await browser.page.evaluate(() => {
      const req = (window as unknown as { requirejs: { s: { contexts: Record<string, { defined: Record<string, unknown> }> } } }).requirejs;
      const defined = req.s.contexts._!.defined;
      const id = Object.keys(defined).find((k) => !k.includes('!') && k.includes('/script.js?v='));
      return { id, type: id ? typeof defined[id] : 'missing', jquerySame: defined.jquery === (window as unknown as { jQuery: unknown }).jQuery };
    });
    expect(loaded).toEqual({ id: `/upl/${CODE}/9.9.9/widget/script.js?v=9.9.9`, type: 'function', jquerySame: true });
    expect(await browser.page.evaluate(() => window.__kommoHost!.loader)).toMatchObject({ moduleType: 'function', dropped: false });
  });

  it('calls render → init → bind_actions and hands over Kommo-shaped params, i18n and APP', async () => {
    const list = await calls();
    expect(names(list, 1)).toEqual(['render', 'init', 'bind_actions']);
    expect(list.find((c) => c.name === 'init')?.extra).toEqual({
      ns: `.widget:${CODE}`,
      code: CODE,
      path: `/upl/${CODE}/9.9.9/widget`,
      version: '9.9.9',
      images: `/upl/${CODE}/9.9.9/widget/images`,
      active: 'N',
      hasKey: false,
      title: 'Probe panel',
      deep: 'Deep value',
      panelType: 'object',
      user: 7001,
      lang: 'en',
      card: 1042,
    });
    const dom = await browser.page.evaluate((code) => {
      const block = document.querySelectorAll(`#card_holder #widgets_block .card-widgets__elements > .card-widgets__widget.card-widgets__widget-${code}`);
      const b = block[0];
      return {
        blocks: block.length,
        caption: !!b?.querySelector('.card-widgets__widget__caption.probe-caption .card-widgets__widget__caption__logo img[src$="/images/logo_medium.png"]'),
        body: b?.querySelector('.card-widgets__widget__body .probe-root')?.textContent,
      };
    }, CODE);
    expect(dom).toEqual({ blocks: 1, caption: true, body: 'Probe panel' });
  });

  it('collapses and expands the widget body from its caption', async () => {
    const body = browser.page.locator(`.card-widgets__widget-${CODE} .card-widgets__widget__body`);
    await browser.page.click(`.card-widgets__widget-${CODE} .card-widgets__widget__caption`);
    await expect.poll(() => body.isVisible()).toBe(false);
    await browser.page.click(`.card-widgets__widget-${CODE} .card-widgets__widget__caption`);
    await expect.poll(() => body.isVisible()).toBe(true);
  });

  it('on an area change destroys the old instance, unbinds its namespace and builds a new one', async () => {
    const before = await browser.page.evaluate(() => (window as unknown as { jQuery: { _data(el: unknown, key: string): Record<string, unknown[]> | undefined } }).jQuery._data(document, 'events')?.click?.length ?? 0);
    expect(before).toBe(1);
    await browser.page.evaluate(() => window.__kommoHost!.switchArea('ccard'));
    // The old instance is destroyed before the new one renders (Kommo's destroyAll).
    expect(ordered(await calls())).toEqual([
      '1:render', '1:init', '1:bind_actions', '1:destroy', '2:render', '2:init', '2:bind_actions',
    ]);
    const state = await browser.page.evaluate((code) => ({
      instances: window.__kommoHost!.instances,
      blocks: document.querySelectorAll(`.card-widgets__widget-${code}`).length,
      instanceInDom: document.querySelector('.probe-root')?.getAttribute('data-instance'),
      card: (window as unknown as { APP: { data: { current_card: { id: number } } } }).APP.data.current_card.id,
      area: (window as unknown as { APP: { getWidgetsArea(): string } }).APP.getWidgetsArea(),
      clickHandlers: (window as unknown as { jQuery: { _data(el: unknown, key: string): Record<string, unknown[]> | undefined } }).jQuery._data(document, 'events')?.click?.length ?? 0,
    }), CODE);
    // One click handler again: the old instance's was removed by $(document).off(ns).
    expect(state).toEqual({ instances: 1, blocks: 1, instanceInDom: '2', card: 5310, area: 'ccard', clickHandlers: 1 });
  });

  it('opens the settings modal with the manifest fields and saves through callbacks.onSave', async () => {
    await browser.page.evaluate(() => window.__kommoHost!.switchArea('settings'));
    const modal = browser.page.locator('#widget_settings_modal');
    await expect.poll(() => modal.isVisible()).toBe(true);
    expect(await modal.locator('input[name="api_key"]').getAttribute('type')).toBe('password');
    expect(await modal.locator('input[name="base_url"]').getAttribute('type')).toBe('text');
    expect(await modal.locator(`input#${CODE}_custom`).getAttribute('type')).toBe('hidden');
    expect(await modal.locator(`#${CODE}_custom_content`).textContent()).toBe('probe custom UI');
    expect((await calls()).find((c) => c.name === 'settings')?.extra).toEqual({ custom: 1, content: 1 });

    const save = modal.locator('.js-widget-save');
    expect(await save.isDisabled()).toBe(true);
    // A custom field enables Save by triggering `change` on its hidden input (Kommo's rule).
    await browser.page.evaluate((code) => {
      const $ = (window as unknown as { jQuery: (sel: string) => { val(v: string): { trigger(e: string): void } } }).jQuery;
      $(`#${code}_custom`).val('{"quotaProbe":true}').trigger('change');
    }, CODE);
    expect(await save.isDisabled()).toBe(false);
    await modal.locator('input[name="api_key"]').fill('sk-probe-not-a-real-key');
    await save.click();
    await expect.poll(() => modal.locator('.widget-settings__saved').textContent()).toBe('Saved');
    expect((await calls()).find((c) => c.name === 'onSave')?.extra).toEqual({
      fields: ['api_key', 'base_url', 'options'],
      active: 'Y',
      options: '{"quotaProbe":true}',
    });

    // The next instance gets the stored settings.
    await browser.page.evaluate(() => window.__kommoHost!.switchArea('lcard'));
    const lastInit = (await calls()).filter((c) => c.name === 'init').at(-1);
    expect(lastInit?.extra).toMatchObject({ hasKey: true, active: 'Y', card: 1042 });
  });

  it('calls advancedSettings on the advanced-settings page with #work-area-<code>', async () => {
    await browser.page.evaluate(() => window.__kommoHost!.switchArea('advanced_settings'));
    const list = await calls();
    const last = Math.max(...list.map((c) => c.id));
    expect(names(list, last)).toEqual(['render', 'init', 'bind_actions', 'advancedSettings']);
    expect(await browser.page.locator(`#work-area-${CODE}`).textContent()).toBe('probe advanced page');
  });

  it('shows APP.notifications as toasts and records writes to APP', async () => {
    await browser.page.evaluate(() => {
      const app = (window as unknown as { APP: { notifications: { show_message_error(m: object): void }; probeWrite?: number } }).APP;
      app.notifications.show_message_error({ header: 'Probe', text: 'Something failed' });
      app.probeWrite = 1;
    });
    const toast = browser.page.locator('.kommo-notification_error').last();
    expect(await toast.textContent()).toBe('ProbeSomething failed');
    expect(await browser.page.evaluate(() => window.__kommoHost!.appWrites)).toEqual(['APP.probeWrite']);
  });

  it('lets the demo toolbar switch the area the Kommo way and the scheme live', async () => {
    const made = async () => Math.max(...(await calls()).map((c) => c.id));
    const before = await made();
    await browser.page.selectOption('[data-demo-control="area"]', 'comcard');
    await expect.poll(() => browser.page.evaluate(() => window.__kommoHost!.query.area)).toBe('comcard');
    await expect.poll(made).toBe(before + 1);
    expect((await calls()).filter((c) => c.id === before).map((c) => c.name).at(-1)).toBe('destroy');
    await browser.page.selectOption('[data-demo-control="scheme"]', 'dark');
    expect(await browser.page.getAttribute('html', 'data-color-scheme')).toBe('dark');
    await browser.page.selectOption('[data-demo-control="scheme"]', 'light');
  });

  it('reports a member as is_admin N, switches the scheme live and keeps AMOCRM as an alias', async () => {
    await reloadVia(browser.page, 'setRole', 'member');
    const seen = await browser.page.evaluate(() => {
      const app = (window as unknown as { APP: { constant(k: string): Record<string, unknown> } }).APP;
      const user = app.constant('user') as { id: number };
      const managers = app.constant('managers') as Record<string, { is_admin: string }>;
      window.__kommoHost!.setScheme('dark');
      return {
        isAdmin: managers[String(user.id)]?.is_admin,
        alias: (window as unknown as { AMOCRM: unknown }).AMOCRM === app,
        scheme: document.documentElement.getAttribute('data-color-scheme'),
        url: window.location.search,
      };
    });
    expect(seen).toEqual({ isAdmin: 'N', alias: true, scheme: 'dark', url: expect.stringContaining('role=member') });
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('how the host treats a misbehaving widget (kommo-platform.md §3.1–§3.2)', () => {
  interface ModeRun {
    calls: string[];
    loader: unknown;
    instances: number;
    blocks: number;
    errors: string[];
    pageErrors: string[];
  }

  /** Loads the host in a fresh page where the probe runs in `mode`, and reads what happened. */
  async function runInMode(mode: string): Promise<ModeRun> {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    try {
      await page.addInitScript((m) => {
        (window as unknown as { __probeMode: string }).__probeMode = m;
      }, mode);
      await openHost(page, server.url, { area: 'lcard' });
      return {
        calls: ordered(await callsOn(page)),
        ...(await page.evaluate((code) => ({
          loader: window.__kommoHost!.loader,
          instances: window.__kommoHost!.instances,
          blocks: document.querySelectorAll(`.card-widgets__widget-${code}`).length,
          errors: window.__kommoHost!.errors,
        }), CODE)),
        pageErrors,
      };
    } finally {
      await page.close();
    }
  }

  it('render returning false: bind_actions still runs, init never does', async () => {
    const run = await runInMode('falsy-render');
    expect(run.calls).toEqual(['1:render', '1:bind_actions']);
    expect(run).toMatchObject({ instances: 1, blocks: 1, errors: [], pageErrors: [] });
  });

  it('render returning a thenable: bind_actions right away, init once it settles truthy', async () => {
    const run = await runInMode('thenable-render');
    expect(run.calls).toEqual(['1:render', '1:bind_actions', '1:render:settled', '1:init']);
    expect(run).toMatchObject({ instances: 1, errors: [], pageErrors: [] });
  });

  it('a thenable settling falsy: no init', async () => {
    const run = await runInMode('thenable-falsy-render');
    expect(run.calls).toEqual(['1:render', '1:bind_actions', '1:render:settled']);
    expect(run).toMatchObject({ instances: 1, errors: [], pageErrors: [] });
  });

  it('a module value that is not a function is dropped: no callback runs', async () => {
    const run = await runInMode('not-a-function');
    expect(run.calls).toEqual([]);
    expect(run).toMatchObject({
      loader: { moduleType: 'object', dropped: true, reason: 'module value is not a function' },
      instances: 0,
      blocks: 0,
      pageErrors: [],
    });
  });

  it('a widget without callbacks.init is dropped before render', async () => {
    const run = await runInMode('missing-init');
    expect(run.calls).toEqual([]);
    expect(run).toMatchObject({
      loader: { moduleType: 'function', dropped: true, reason: 'callbacks.render/init/bind_actions must be functions' },
      instances: 0,
      blocks: 0,
      pageErrors: [],
    });
  });
});
