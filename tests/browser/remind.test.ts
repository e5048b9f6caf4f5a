// Roles and alerts in the real host page (issue 8, items 3 and 6): the fake Kommo answers
// /api/v4/tasks like Kommo (204, _embedded, ids, problem+json 401/403/429), a member's
// "remind the admin" creates one task and never a second, each Kommo error is shown,
// and the critical alert reaches each user once a day.
//
// The button tests need the button in the sidebar (StatusPanel renders RemindAdmin for
// members); until that wiring lands they are skipped, and they run by themselves after.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer, WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import type { HostApiMode, HostArea, HostKommoState } from '../../scripts/host/types.ts';
import { REPO_ROOT, ensureWidgetBuilt, launchBrowser, openHost, reloadVia, type LaunchedBrowser } from './helpers/browser.ts';

const ROOT = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const BUTTON = `${ROOT} [data-action="remind-admin"]`;
const EN = JSON.parse(readFileSync(join(REPO_ROOT, 'locales', 'en.json'), 'utf8')) as {
  remind: Record<string, string> & { error: Record<string, string> };
  alerts: Record<string, string>;
  findings: Record<string, { title: string }>;
};
const WIRED = readFileSync(join(REPO_ROOT, 'src', 'ui', 'StatusPanel.tsx'), 'utf8').includes('RemindAdmin');
const ADMIN_ID = 7001;
const MEMBER_ID = 7002;
const DASHBOARD = `/settings/widgets/${WIDGET_CODE}/`;

let server: DemoServer;
let browser: LaunchedBrowser;

const page = () => browser.page;
const kommo = () => page().evaluate(() => window.__kommoHost!.kommoState()) as Promise<HostKommoState>;
const resetKommo = () => page().evaluate(() => window.__kommoHost!.resetKommo());
const setApi = (mode: HostApiMode) => page().evaluate((m) => window.__kommoHost!.setApiMode(m), mode);
const switchArea = (area: HostArea) => page().evaluate((a) => window.__kommoHost!.switchArea(a), area);
const notifications = () => page().evaluate(() => window.__kommoHost!.notifications);

/** What the page's own fetch gets from the fake Kommo, as the widget would ask it. */
const ask = (path: string, init: { method?: string; body?: unknown } = {}) =>
  page().evaluate(async ([p, method, body]) => {
    const response = await fetch(p, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  }, [path, init.method ?? 'GET', init.body] as const);

async function settled(): Promise<string> {
  const handle = await page().waitForFunction((sel) => {
    const status = document.querySelector(sel)?.getAttribute('data-bytegpt-health');
    return status && status !== 'checking' ? status : null;
  }, ROOT, { timeout: 20_000 });
  return (await handle.jsonValue()) as string;
}

beforeAll(async () => {
  ensureWidgetBuilt();
  server = await startDemoServer({ port: 0 });
  if (server.config.mocksError) throw new Error(`mock service bundle failed: ${server.config.mocksError}`);
  browser = await launchBrowser();
  await openHost(page(), server.url, { area: 'lcard', scenario: 'credits_exhausted', lang: 'en', role: 'member' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the host's Kommo tasks API", () => {
  beforeEach(async () => {
    await setApi('ok');
    await resetKommo();
  });

  it('answers like Kommo: 204 when empty, created ids, then the open task in _embedded', async () => {
    const filter = `/api/v4/tasks?filter[is_completed]=0&filter[responsible_user_id]=${ADMIN_ID}&limit=250`;
    expect(await ask(filter)).toEqual({ status: 204, type: null, body: null });
    const created = await ask('/api/v4/tasks', {
      method: 'POST',
      body: [{ task_type_id: 1, text: 'Fix billing #bytegpt_billing_health', complete_till: 1_900_000_000, responsible_user_id: ADMIN_ID, entity_id: 1042, entity_type: 'leads', request_id: 'r1' }],
    });
    expect(created.status).toBe(200);
    expect(created.type).toBe('application/hal+json');
    const [made] = (created.body!._embedded as { tasks: Array<{ id: number; request_id: string }> }).tasks;
    expect(made).toMatchObject({ id: expect.any(Number), request_id: 'r1' });

    const listed = await ask(filter);
    expect(listed.status).toBe(200);
    const tasks = (listed.body!._embedded as { tasks: Array<Record<string, unknown>> }).tasks;
    expect(tasks).toEqual([expect.objectContaining({
      id: made!.id, text: 'Fix billing #bytegpt_billing_health', responsible_user_id: ADMIN_ID, is_completed: false,
      complete_till: 1_900_000_000, entity_type: 'leads', entity_id: 1042, created_by: MEMBER_ID,
    })]);
    // Another user's open tasks, and completed ones, are filtered out.
    expect((await ask(`/api/v4/tasks?filter[is_completed]=0&filter[responsible_user_id]=${MEMBER_ID}`)).status).toBe(204);
    await page().evaluate((id) => window.__kommoHost!.completeTask(id), made!.id);
    expect((await ask(filter)).status).toBe(204);
  });

  it('refuses a task without text or due date with a 400 and its validation errors', async () => {
    const bad = await ask('/api/v4/tasks', { method: 'POST', body: [{ text: '', entity_type: 'planets', entity_id: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ title: 'Bad Request', status: 400, 'validation-errors': [expect.objectContaining({ request_id: '0' })] });
    expect((await kommo()).tasks).toEqual([]);
  });

  it.each([
    ['401', 'Unauthorized'],
    ['403', 'Forbidden'],
    ['429', 'Too Many Requests'],
  ] as const)('switched to %s, answers every call with Kommo problem+json', async (mode, title) => {
    await setApi(mode);
    expect(await page().evaluate(() => window.location.search)).toContain(`api=${mode}`);
    for (const call of [ask('/api/v4/tasks'), ask('/api/v4/tasks', { method: 'POST', body: [] })]) {
      const answer = await call;
      expect(answer.status).toBe(Number(mode));
      expect(answer.type).toBe('application/problem+json');
      expect(answer.body).toEqual({ title, type: `https://httpstatus.es/${mode}`, status: Number(mode), detail: expect.any(String) });
    }
    expect((await kommo()).calls.map((c) => [c.status, c.user])).toEqual([[Number(mode), MEMBER_ID], [Number(mode), MEMBER_ID]]);
  });

  it('gives APP the people the widget needs: an admin (the owner) and a member, and the user per role', async () => {
    const seen = await page().evaluate(() => {
      const app = (window as unknown as { APP: { constant(k: string): unknown } }).APP;
      return { user: app.constant('user'), managers: app.constant('managers'), account: app.constant('account') };
    });
    expect(seen.user).toMatchObject({ id: MEMBER_ID });
    expect(seen.managers).toMatchObject({ [ADMIN_ID]: { is_admin: 'Y', active: true }, [MEMBER_ID]: { is_admin: 'N', active: true } });
    expect(seen.account).toMatchObject({ created_by: ADMIN_ID });
  });
});

describe.runIf(WIRED)('a member reminds the admin', () => {
  const press = () => page().locator(BUTTON).click();
  const remindState = () => page().locator(`${ROOT} [data-remind]`).evaluate((el) => ({
    phase: el.getAttribute('data-remind'),
    error: el.getAttribute('data-remind-error'),
    message: el.querySelector('.bytegpt-health__remind-message')?.textContent ?? '',
    label: el.querySelector('[data-action="remind-admin"]')?.textContent ?? '',
  }));
  const done = () => page().waitForFunction((sel) => {
    const phase = document.querySelector(sel)?.getAttribute('data-remind');
    return phase && phase !== 'idle' && phase !== 'sending';
  }, `${ROOT} [data-remind]`, { timeout: 10_000 });
  /** A new widget instance on the lead card: the button starts again from idle. */
  const freshCard = async () => {
    await switchArea('ccard');
    await switchArea('lcard');
    await settled();
  };

  beforeEach(async () => {
    await setApi('ok');
    await resetKommo();
    await freshCard();
  });

  it('creates one task for the admin on this lead, due today; a second press creates nothing', async () => {
    expect(await settled()).toBe('critical');
    await press();
    await done();
    expect(await remindState()).toMatchObject({ phase: 'sent', label: EN.remind.sent });
    expect(await page().locator(BUTTON).isDisabled()).toBe(true);
    const { tasks, calls } = await kommo();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ responsible_user_id: ADMIN_ID, created_by: MEMBER_ID, entity_type: 'leads', entity_id: 1042, is_completed: false });
    expect(tasks[0]!.text).toContain(EN.findings.credits_exhausted!.title);
    expect(tasks[0]!.text).toContain(DASHBOARD);
    expect(new Date(tasks[0]!.complete_till * 1000).toDateString()).toBe(new Date().toDateString());
    expect(calls.map((c) => c.method)).toEqual(['GET', 'POST']);

    await freshCard();
    await press();
    await done();
    expect(await remindState()).toMatchObject({ phase: 'already', label: EN.remind.already });
    expect((await kommo()).tasks).toHaveLength(1);
    expect((await kommo()).calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it.each([
    ['401', 'session_expired'],
    ['403', 'forbidden'],
    ['429', 'rate_limited'],
  ] as const)('Kommo answering %s: the button says %s in words, and nothing is created', async (mode, code) => {
    await setApi(mode);
    await press();
    await done();
    expect(await remindState()).toEqual({ phase: 'error', error: code, message: EN.remind.error[code], label: EN.remind.retry });
    expect((await kommo()).tasks).toEqual([]);
  });
});

describe('the critical alert', () => {
  const KEY_OF = (id: number) => `bytegpt-health:alerted:${id}`;
  const alerts = async () => (await notifications()).filter((n) => n.header === EN.alerts.header);
  const waitForAlerts = (count: number) =>
    page().waitForFunction(([header, n]) => window.__kommoHost!.notifications.filter((x) => x.header === header).length >= n, [EN.alerts.header, count] as const, { timeout: 20_000 });

  it('reaches an admin once a day from any page, with a link to the dashboard', async () => {
    await openHost(page(), server.url, { area: 'everywhere', scenario: 'credits_exhausted', lang: 'en', role: 'admin' });
    await waitForAlerts(1);
    // The everywhere location draws nothing.
    expect(await page().locator('.bytegpt-health-root').count()).toBe(0);
    const [alert] = await alerts();
    expect(alert).toMatchObject({
      method: 'add_error', kind: 'error', link: DASHBOARD,
      text: EN.alerts.text_admin!.replace('{problem}', EN.findings.credits_exhausted!.title),
    });
    expect(await page().evaluate((k) => localStorage.getItem(k), KEY_OF(ADMIN_ID))).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The card shows the same critical status; still one alert on this page.
    await switchArea('lcard');
    expect(await settled()).toBe('critical');
    await switchArea('everywhere');
    expect(await alerts()).toHaveLength(1);

    // A new page load the same day: quiet.
    await openHost(page(), server.url, { area: 'lcard', scenario: 'credits_exhausted', lang: 'en', role: 'admin' });
    expect(await settled()).toBe('critical');
    expect(await alerts()).toHaveLength(0);

    // The next day (the stored day is yesterday's): one more.
    await page().evaluate((k) => localStorage.setItem(k, '2000-01-01'), KEY_OF(ADMIN_ID));
    await switchArea('everywhere');
    await waitForAlerts(1);
    expect(await alerts()).toHaveLength(1);
  });

  it("reaches a member too, once, telling them to ask the admin, with no link to settings", async () => {
    // The member already had today's alert when this file opened its first page.
    expect(await page().evaluate((k) => localStorage.getItem(k), KEY_OF(MEMBER_ID))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page().evaluate((k) => localStorage.removeItem(k), KEY_OF(MEMBER_ID));
    await reloadVia(page(), 'setRole', 'member');
    expect(await page().evaluate(() => window.__kommoHost!.query.area)).toBe('everywhere');
    await waitForAlerts(1);
    const [alert] = await alerts();
    expect(alert!.text).toBe(EN.alerts.text_member!.replace('{problem}', EN.findings.credits_exhausted!.title));
    expect(alert!.link).toBeUndefined();
    await switchArea('lcard');
    await settled();
    expect(await alerts()).toHaveLength(1);
  });

  it('the link takes an admin to the dashboard page', async () => {
    await page().goto(new URL(DASHBOARD, server.url).href);
    await page().waitForFunction(() => !!window.__kommoHost);
    await page().evaluate(() => window.__kommoHost!.ready);
    expect(await page().evaluate(() => window.__kommoHost!.query.area)).toBe('advanced_settings');
  });

  it('the widget never wrote to APP and nothing broke', async () => {
    expect(await page().evaluate(() => window.__kommoHost!.appWrites)).toEqual([]);
    expect(await page().evaluate(() => window.__kommoHost!.errors)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
