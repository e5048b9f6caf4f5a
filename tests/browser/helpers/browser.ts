// Shared set-up for the browser tests: Debian's chromium through playwright-core (never a
// downloaded browser), a fresh profile per file, the built widget, and small readers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, ensureChromium } from '../../../scripts/chromium.ts';
import type { HostQuery } from '../../../scripts/host/types.ts';
import { startDemoServer, type DemoServer } from '../../../scripts/serve/demo-server.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SCREENSHOT_DIR = join(REPO_ROOT, 'artifacts', 'screenshots');

/**
 * The browser tests load dist/widget. `npm test` builds it first; run alone on a fresh
 * checkout, the suite builds it the same way (`npm run build`).
 */
export function ensureWidgetBuilt(): void {
  // All three files: an older single-file dist/ would otherwise pass for a build.
  if (['script.js', 'admin.js', 'engine.js'].every((file) => existsSync(join(REPO_ROOT, 'dist', 'widget', file)))) return;
  const result = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('dist/widget is incomplete and building it failed: fix `npm run build`, then rerun');
}

export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors seen so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  const chromiumState = ensureChromium();
  if (!chromiumState.ok) throw new Error(chromiumState.message);
  const profile = mkdtempSync(join(tmpdir(), 'bytegpt-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Nothing may reach the internet: every name but loopback fails to resolve.
      // (The mock service answers api.openai.com inside the page, before DNS.)
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the host page with the given query and waits until Kommo finished loading the widget. */
export async function openHost(page: Page, baseUrl: string, query: Partial<HostQuery> = {}): Promise<void> {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => typeof v === 'string') as Array<[string, string]>);
  await page.goto(`${baseUrl}?${params.toString()}`);
  await waitForHost(page);
}

/** After a navigation the page builds a new __kommoHost; wait for it and its ready promise. */
export async function waitForHost(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.__kommoHost);
  await page.evaluate(() => window.__kommoHost!.ready);
}

type ReloadingSetter = 'setLang' | 'setRole' | 'setScenario';

/** Calls a host setter that reloads the page (language, role, scenario) and waits for the new page. */
export async function reloadVia(page: Page, setter: ReloadingSetter, value: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('load'),
    // The navigation may tear the old context down before evaluate returns.
    page.evaluate(([name, arg]) => (window.__kommoHost![name] as (v: string) => void)(arg), [setter, value] as const).catch(() => undefined),
  ]);
  await waitForHost(page);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Native listeners on document and window by event type, read through CDP. */
export async function nativeListeners(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const counts: Record<string, number> = {};
  try {
    for (const target of ['document', 'window']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: target });
      if (!result.objectId) throw new Error(`no object id for ${target}`);
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      for (const l of listeners) counts[`${target}:${l.type}`] = (counts[`${target}:${l.type}`] ?? 0) + 1;
    }
  } finally {
    await cdp.detach();
  }
  return counts;
}

/** The demo server (with the mock service) and a Chromium, as one test file needs them. */
export async function startDemoBrowser(options: { csp?: boolean } = {}): Promise<{ server: DemoServer; browser: LaunchedBrowser }> {
  ensureWidgetBuilt();
  const server = await startDemoServer({ port: 0, ...options });
  if (server.config.mocksError) throw new Error(`mock service bundle failed: ${server.config.mocksError}`);
  return { server, browser: await launchBrowser() };
}

/**
 * Waits until the panel under `selector` shows a settled verdict (a cached report paints
 * first; this is the one after the running check) and returns its status.
 */
export async function settledStatus(page: Page, selector: string): Promise<string> {
  await page.waitForFunction((sel) => {
    const root = document.querySelector(sel);
    const status = root?.getAttribute('data-bytegpt-health');
    return status && status !== 'checking' && root?.getAttribute('aria-busy') === 'false';
  }, selector, { timeout: 20_000 });
  return (await page.locator(selector).first().getAttribute('data-bytegpt-health')) ?? '';
}

export async function closeDemoBrowser(running: { server?: DemoServer; browser?: LaunchedBrowser }): Promise<void> {
  await running.browser?.close();
  await running.server?.close();
}
