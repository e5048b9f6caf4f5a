// The check relay end to end (issue 10, design.md "Relay"): the built widget in the host
// page with only `relay_url` set (no key), the host's $authorizedAjax signing one-time
// tokens with a test secret, and the relay's own app on a loopback port with a plain
// api.openai.com-shaped mock upstream and an Admin key. The sidebar and the dashboard show
// spend and the chart; no key and no secret reaches the page; a refusing relay is a finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_ADMIN_KEY, MOCK_ADMIN_SPEND_USD } from '../../scripts/relay-mock.ts';
import { DEFAULT_LIMIT } from '../../scripts/serve/demo-relay.ts';
import { startDemoServer, WIDGET_CODE, type DemoServer } from '../../scripts/serve/demo-server.ts';
import { TEST_INTEGRATION } from '../../scripts/serve/kommo-token.ts';
import { SCENARIOS } from '../../src/mocks/scenarios.ts';
import { ensureWidgetBuilt, launchBrowser, openHost, settledStatus, type LaunchedBrowser } from './helpers/browser.ts';
import { findLeaks, recordRequests, type RecordedRequest } from './helpers/leak-search.ts';

const CARD = `#widgets_block .card-widgets__widget-${WIDGET_CODE} .bytegpt-health-root`;
const ROOT = '.bytegpt-health-root';
const DASH = '[data-bytegpt-dashboard]';
const SECRETS = [MOCK_ADMIN_KEY, SCENARIOS.healthy.apiKey, TEST_INTEGRATION.clientSecret];

let server: DemoServer;
let browser: LaunchedBrowser;
let requests: RecordedRequest[];
const consoleLines: string[] = [];

beforeAll(async () => {
  ensureWidgetBuilt();
  // No page-side mock: with a relay the page asks nothing of OpenAI, and anything that
  // tried would fail (the browser resolves only 127.0.0.1).
  server = await startDemoServer({ port: 0, mocks: false, relay: true });
  browser = await launchBrowser();
  requests = recordRequests(browser.context);
  browser.page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const relayReports = () => requests.filter((r) => r.url.startsWith(`${server.config.relayUrl}/v1/report`) && r.headers['x-auth-token'] !== undefined);

async function freshPage(query: Record<string, string>): Promise<void> {
  // Every case starts without the widget's cross-tab cache of the last answer.
  await browser.page.goto(`${server.url}host/host.css`);
  await browser.page.evaluate(() => localStorage.clear());
  await openHost(browser.page, server.url, { lang: 'en', role: 'admin', relay: 'on', ...query });
}

describe('the widget with relay_url and no key', () => {
  it('is set up with the relay URL and an empty key', async () => {
    expect(server.config.relayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await freshPage({ area: 'settings' });
    const fields = await browser.page.evaluate(() => ({
      key: document.querySelector<HTMLInputElement>('#widget_settings_modal input[name="api_key"]')?.value,
      relay: document.querySelector<HTMLInputElement>('#widget_settings_modal input[name="relay_url"]')?.value,
    }));
    expect(fields).toEqual({ key: '', relay: server.config.relayUrl });
    // The demo toolbar offers the relay and the token switch when the server runs a relay.
    expect(await browser.page.locator('[data-demo-control="relay"]').inputValue()).toBe('on');
    expect(await browser.page.locator('[data-demo-control="token"]').inputValue()).toBe('valid');
  });

  it('the sidebar shows the relay\'s status, asked with a one-time token, once', async () => {
    const before = relayReports().length;
    await freshPage({ area: 'lcard' });
    expect(await settledStatus(browser.page, CARD)).toBe('ok');
    const asked = relayReports().slice(before);
    expect(asked).toHaveLength(1);
    const url = new URL(asked[0]!.url);
    expect(url.pathname).toBe('/v1/report');
    expect(JSON.parse(url.searchParams.get('options') ?? '{}')).toMatchObject({ quotaProbe: true, checkEveryMinutes: 15 });
    // A JWT: three base64url parts.
    expect(asked[0]!.headers['x-auth-token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The page asked OpenAI nothing: the relay did.
    expect(requests.filter((r) => r.url.includes('openai.com'))).toEqual([]);
    expect(server.relay?.upstreamRequests()['/v1/models']).toBeGreaterThanOrEqual(1);
  });

  it('the dashboard shows spend, the chart and the spend limit for a plain OpenAI account', async () => {
    await freshPage({ area: 'advanced_settings' });
    expect(await settledStatus(browser.page, ROOT)).toBe('ok');
    // The sidebar's figures and the dashboard's chart, table and limit.
    expect(await browser.page.locator(`${ROOT} [data-figure="spend"]`).first().textContent()).toContain(`$${MOCK_ADMIN_SPEND_USD.toFixed(2)}`);
    const spend = browser.page.locator(`${DASH} [data-dashboard="spend"]`).first();
    await expect.poll(() => spend.count(), { timeout: 10_000 }).toBe(1);
    expect(await spend.textContent()).toContain(`$${MOCK_ADMIN_SPEND_USD.toFixed(2)}`);
    const chart = browser.page.locator(`${DASH} [data-chart="spend"]`).first();
    expect(await chart.count()).toBe(1);
    const bars = await chart.locator('[data-usd]').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-usd'))));
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.reduce((sum, usd) => sum + usd, 0)).toBeCloseTo(MOCK_ADMIN_SPEND_USD, 2);
    const limit = browser.page.locator(`${DASH} [data-spend-limit]`).first();
    expect(await limit.getAttribute('data-spend-limit')).toBe('enforcing');
    expect(await limit.textContent()).toContain(`$${(DEFAULT_LIMIT.cents / 100).toFixed(2)}`);
    expect(await browser.page.locator(`${DASH} [data-spend="unavailable"]`).count()).toBe(0);
  });

  it('Test connection asks the relay when one is set (and no key)', async () => {
    await freshPage({ area: 'settings' });
    const before = relayReports().length;
    const result = browser.page.locator('#widget_settings_modal [data-bytegpt-test]');
    await browser.page.locator('#widget_settings_modal [data-action="test-connection"]').click();
    await expect.poll(() => result.getAttribute('data-bytegpt-test'), { timeout: 20_000 }).toBe('ok');
    expect(relayReports().length).toBe(before + 1);
  });

  it('no key and no secret appears in the page, its storage, its console or any request', async () => {
    await freshPage({ area: 'advanced_settings' });
    await settledStatus(browser.page, ROOT);
    const before = relayReports().length;
    await browser.page.locator(`${ROOT} [data-action="recheck"]`).first().click();
    // The forced check is a new relay request: wait for it, not for a status that was already settled.
    await expect.poll(() => relayReports().length).toBeGreaterThan(before);
    await settledStatus(browser.page, ROOT);
    expect(await findLeaks(browser.page, SECRETS, { requests, console: consoleLines })).toEqual([]);
    // The search finds what is there: the relay requests and the widget's own markup.
    const seen = await findLeaks(browser.page, ['/v1/report?options=', 'data-bytegpt-health'], { requests, console: consoleLines });
    expect(seen.some((line) => line.startsWith('request '))).toBe(true);
    expect(seen.some((line) => line.startsWith('html: '))).toBe(true);
  });
});

describe('a relay that refuses the widget', () => {
  it.each([
    ['wrong_secret', '401'],
    ['other_account', '403'],
  ])('token %s: the relay answers %s and the sidebar shows relay_refused with a settings link', async (token, status) => {
    await freshPage({ area: 'lcard', token });
    expect(await settledStatus(browser.page, CARD)).toBe('unknown');
    const finding = browser.page.locator(`${CARD} [data-finding="relay_refused"]`);
    expect(await finding.count()).toBe(1);
    expect(await finding.textContent()).toContain(status);
    expect(await finding.locator('[data-fix="settings"]').count()).toBe(1);
  });
});
