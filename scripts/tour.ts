// `npm run tour [-- --no-build]`: renders the Marketplace tour slides from the real built
// widget in the Kommo-like host page (scripts/host) and writes them where the build
// picks them up: widget/images/tour_<n>_<lang>.jpg → images/ in widget.zip. The slides
// are 1188×616 JPG, ≤ 300 KB (kommo-platform.md §1.2, §7), one set per widget.locale
// language. The clock, time zone, scenario and viewport are fixed, so a re-run on the
// same UI gives the same pictures; `npm run validate` checks them in the archive.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { jpegSize } from './archive/tour.ts';
import { MAX_IMAGE_BYTES, TOUR_SLIDE } from './archive/rules.ts';
import { CHROMIUM_PATH, ensureChromium } from './chromium.ts';
import { HOST_LANGS, type HostLang, type HostQuery } from './host/types.ts';
import { queryString } from './host/state.ts';
import { startDemoServer, type DemoServer } from './serve/demo-server.ts';

const repo = new URL('..', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, repo));
const IMAGES_DIR = at('widget/images/');
/** Flat in images/: the build copies widget/images/ without subfolders, and Kommo's own examples are flat. */
const SLIDE_NAME = /^tour_\d+_[a-z]+\.jpg$/;
const slidePath = (n: number, lang: string) => `/images/tour_${n}_${lang}.jpg`;

type Scene = Pick<HostQuery, 'area' | 'scenario' | 'scheme'> & { what: string };

/** One slide each, in order. Scenarios come from src/mocks; admin, so every control shows. */
const SCENES: readonly Scene[] = [
  { what: 'a critical finding in the lead card', area: 'lcard', scenario: 'credits_exhausted', scheme: 'light' },
  { what: 'the healthy state, in the dark theme', area: 'lcard', scenario: 'healthy_with_spend', scheme: 'dark' },
  { what: 'the dashboard (advanced settings)', area: 'advanced_settings', scenario: 'spend_near_budget', scheme: 'light' },
];
/** Mid-month, so spend, forecast and "checked at" read naturally and never change. */
const FIXED_NOW = new Date('2026-11-17T13:40:00Z');
const TIME_ZONE = 'America/Sao_Paulo';
const BROWSER_LOCALE: Record<HostLang, string> = { en: 'en-US', es: 'es-ES', pt: 'pt-BR', tr: 'tr-TR', id: 'id-ID' };
/** JPEG quality tried in turn until a slide fits the 300 KB rule. */
const QUALITIES = [85, 78, 70];
/** Raw i18n keys seen on any slide: the slides are written, but the run fails. */
const untranslated = new Set<string>();
/**
 * Hidden: the demo's own toolbar (not Kommo) and Kommo's transient notification toasts
 * (they would cover the card); stilled: anything moving (caret, transitions).
 */
const SLIDE_CSS = [
  '#demo-toolbar,#kommo-notifications{display:none!important}',
  '*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}',
].join('\n');

function manifestLocales(): HostLang[] {
  const manifest = JSON.parse(readFileSync(at('manifest.json'), 'utf8')) as { widget?: { locale?: unknown } };
  const locale = Array.isArray(manifest.widget?.locale) ? manifest.widget.locale : [];
  const unknown = locale.filter((l) => !(HOST_LANGS as readonly unknown[]).includes(l));
  if (unknown.length) throw new Error(`the host page cannot show ${unknown.join(', ')}`);
  return locale as HostLang[];
}

/** Waits until the widget settled: no root still "checking", then no DOM change for a moment. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const roots = [...document.querySelectorAll('[data-bytegpt-health]')];
    return roots.length > 0 && roots.every((root) => root.getAttribute('data-bytegpt-health') !== 'checking');
  }, null, { timeout: 30_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => (img.complete ? null : img.decode().catch(() => null))));
  });
  // Late paints (history, chart, progress from storage) land before the picture: wait for
  // 400 ms without a DOM change, at most 5 s. (No named functions in page code: tsx's
  // __name helper does not exist in the page.)
  await page.evaluate(() => {
    const w = window as unknown as { __tourChanged: number };
    w.__tourChanged = performance.now();
    new MutationObserver(() => void (w.__tourChanged = performance.now())).observe(document.body, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
  });
  await page
    .waitForFunction(() => performance.now() - (window as unknown as { __tourChanged: number }).__tourChanged > 400, null, { timeout: 5_000, polling: 100 })
    .catch(() => undefined);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Words on the slide that look like i18n keys the UI failed to resolve ("findings_links.settings"):
 * dotted, and either starting with a top-level locale namespace or holding an underscore.
 * Host names (platform.openai.com) are not keys.
 */
function rawKeys(text: string, namespaces: readonly string[]): string[] {
  const words = text.match(/\b[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\b/g) ?? [];
  return words.filter((w) => !/\.(com|net|org|br|io)$/.test(w) && (w.includes('_') || namespaces.includes(w.split('.')[0] ?? '')));
}

/** A fresh context per slide: no cached report or progress leaks from one scenario to the next. */
async function render(browser: Browser, server: DemoServer, scene: Scene, lang: HostLang): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: { width: TOUR_SLIDE.width, height: TOUR_SLIDE.height },
    deviceScaleFactor: 1,
    locale: BROWSER_LOCALE[lang],
    timezoneId: TIME_ZONE,
    colorScheme: scene.scheme,
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.clock.setFixedTime(FIXED_NOW);
    await page.goto(`${server.url}${queryString({ ...scene, lang, role: 'admin' })}`);
    await page.waitForFunction(() => !!window.__kommoHost);
    await page.evaluate(() => window.__kommoHost!.ready);
    await page.addStyleTag({ content: SLIDE_CSS });
    await settle(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const namespaces = Object.keys(JSON.parse(readFileSync(at(`locales/${lang}.json`), 'utf8')) as object);
    const keys = rawKeys(await page.evaluate(() => document.body.innerText), namespaces);
    if (keys.length) untranslated.add(`${lang}: ${keys.join(', ')}`);
    let shot: Buffer | undefined;
    for (const quality of QUALITIES) {
      shot = await page.screenshot({ type: 'jpeg', quality, animations: 'disabled', caret: 'hide' });
      if (shot.length <= MAX_IMAGE_BYTES) break;
    }
    if (!shot) throw new Error('no screenshot');
    return shot;
  } finally {
    await context.close();
  }
}

/** The manifest must list exactly the slides written; print the block when it does not. */
function checkManifest(expected: Record<string, string[]>): boolean {
  const manifest = JSON.parse(readFileSync(at('manifest.json'), 'utf8')) as { tour?: { tour_images?: unknown } };
  if (JSON.stringify(manifest.tour?.tour_images) === JSON.stringify(expected)) return true;
  console.error('tour: manifest.json tour.tour_images does not list these slides; it should read:');
  console.error(JSON.stringify({ tour_images: expected }, null, 2));
  return false;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    // The slides show the widget as it is now, not a stale dist/.
    const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: at('.'), stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const chromiumState = ensureChromium();
  if (!chromiumState.ok) throw new Error(chromiumState.message);
  const langs = manifestLocales();
  // Served from a private copy: a teammate's `npm run build` empties dist/widget mid-run.
  const widgetDir = mkdtempSync(join(tmpdir(), 'bytegpt-tour-'));
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const written = new Set<string>();
  const expected: Record<string, string[]> = {};
  let total = 0;
  try {
    cpSync(at('dist/widget'), widgetDir, { recursive: true });
    if (!existsSync(join(widgetDir, 'script.js'))) throw new Error('dist/widget has no script.js: run `npm run build`');
    server = await startDemoServer({ port: 0, widgetDir });
    if (server.config.mocksError) throw new Error(`mock service bundle failed: ${server.config.mocksError}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--hide-scrollbars',
        // Nothing may reach the internet; the mock service answers inside the page.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    for (const lang of langs) {
      expected[lang] = [];
      for (const [index, scene] of SCENES.entries()) {
        const path = slidePath(index + 1, lang);
        const name = path.slice('/images/'.length);
        const jpg = await render(browser, server, scene, lang);
        const size = jpegSize(jpg);
        if (size?.width !== TOUR_SLIDE.width || size.height !== TOUR_SLIDE.height || jpg.length > MAX_IMAGE_BYTES) {
          throw new Error(`${name}: ${size ? `${size.width}×${size.height}` : 'not a JPEG'}, ${jpg.length} bytes`);
        }
        writeFileSync(IMAGES_DIR + name, jpg);
        written.add(name);
        expected[lang].push(path);
        total += jpg.length;
        console.log(`  widget/images/${name.padEnd(16)} ${String(jpg.length).padStart(7)} B  ${scene.what}`);
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(widgetDir, { recursive: true, force: true });
  }
  // Slides no scene produced any more (fewer scenes, a dropped language) must not ship.
  for (const name of readdirSync(IMAGES_DIR).filter((n) => SLIDE_NAME.test(n) && !written.has(n))) {
    rmSync(IMAGES_DIR + name);
    console.log(`  removed widget/images/${name}`);
  }
  console.log(`tour: ${written.size} slides, ${total} bytes; run \`npm run build\` to pack them`);
  const manifestOk = checkManifest(expected);
  if (untranslated.size) console.error(`tour: the slides show untranslated keys (fix the UI or locales, then re-run):\n  ${[...untranslated].join('\n  ')}`);
  if (!manifestOk || untranslated.size) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
