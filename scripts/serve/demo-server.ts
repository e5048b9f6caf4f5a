// The static server behind `npm start` and the browser tests: a fake Kommo page plus
// everything Kommo would serve around a widget. Loopback only; nothing is fetched from
// the internet. Routes:
//   /                                  the host page (scripts/host/index.html + config)
//   /host/host.css, /host/main.js      the page's style and script (main.js built in memory)
//   /host/mocks.js                     the page-side mock OpenAI service (built in memory)
//   /vendor/jquery.js, /vendor/require.js   real jQuery and RequireJS from node_modules
//   /mockServiceWorker.js              msw's worker (must sit at the root for its scope)
//   /upl/<code>/<version>/widget/...   the widget files, where Kommo serves them
//   /api/v4/tasks                      Kommo's tasks API, emulated (kommo-api.ts)
//   /host/kommo-state                  that emulation's tasks and requests, for tests
//   /settings/widgets/<code>/          Kommo's URL of the widget's dashboard → its host page
//   /host/one-time-token               Kommo's one-time token for $authorizedAjax (kommo-token.ts)
//
// With `relay: true` (npm start) the server also runs the check relay on another loopback
// port (demo-relay.ts), set up for the page's account and the host's test integration;
// `?relay=on` on the page sets the widget up with its URL and no key.
//
// Strict CSP: with `csp: true` (or `?csp=strict` on the page URL, for one load: the
// host's own reloads drop it) the page is served with STRICT_CSP, which has no
// 'unsafe-eval' and no 'unsafe-inline' for scripts. Off by default, because the tests
// inject axe-core as an inline script, and the hostile-input tests must prove the widget
// itself runs nothing, not that a CSP blocked it.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostConfig } from '../host/types.ts';
import { bundleForBrowser } from './bundle.ts';
import { createKommoApi } from './kommo-api.ts';
import { startDemoRelay, type DemoRelay, type DemoRelayOptions } from './demo-relay.ts';
import { createTokenIssuer } from './kommo-token.ts';

export const WIDGET_CODE = 'bytegpt_billing_health';
export const DEFAULT_PORT = 5178;

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST_DIR = join(REPO_ROOT, 'scripts', 'host');

export interface DemoServerOptions {
  /** 0 = any free port. When the port is busy, a free one is picked instead. */
  port?: number;
  /** Folder with script.js, manifest.json, i18n/, images/. Default: dist/widget. */
  widgetDir?: string;
  /** Build and serve the page-side mock service. Default true. */
  mocks?: boolean;
  /** Serve the host page with STRICT_CSP. Default false (see the header comment). */
  csp?: boolean;
  /** Run the check relay beside the page (its upstream: the mock). Default false. */
  relay?: boolean | Omit<DemoRelayOptions, 'origins'>;
}

/**
 * A policy as strict as a careful Kommo page could be: scripts only from the page's own
 * origin (the widget's script.js, RequireJS, jQuery, the host bundle and msw's worker all
 * are). Styles allow inline because the widget injects one <style> (Kommo documents no
 * nonce for widgets). `connect-src https:` lets the widget reach whatever base URL an
 * admin configures (the mock answers api.openai.com and the relay inside the page).
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface DemoServer {
  url: string;
  port: number;
  config: HostConfig;
  /** The loopback relay, when `relay` was asked for. */
  relay: DemoRelay | null;
  close(): Promise<void>;
}

/** STRICT_CSP, plus the relay's origin for the widget's requests to it. */
function strictCsp(relayUrl: string | null): string {
  return relayUrl ? STRICT_CSP.replace("connect-src 'self' https:", `connect-src 'self' https: ${new URL(relayUrl).origin}`) : STRICT_CSP;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** `rel` inside `dir`, or null when it would escape it. */
function inside(dir: string, rel: string): string | null {
  const full = normalize(join(dir, rel));
  return full.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? full : null;
}

/** The version Kommo would serve the widget under, from the widget's own manifest. */
async function readVersion(widgetDir: string): Promise<string> {
  const path = join(widgetDir, 'manifest.json');
  let version: unknown;
  try {
    version = (JSON.parse(await readFile(path, 'utf8')) as { widget?: { version?: unknown } }).widget?.version;
  } catch (err) {
    throw new Error(`cannot read ${path} (run \`npm run build\` first): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof version !== 'string') throw new Error(`${path} has no widget.version`);
  return version;
}

/** A widget file from the widget folder (the build copies manifest, i18n and images there). */
async function widgetFile(widgetDir: string, rel: string): Promise<string | null> {
  const file = inside(widgetDir, rel);
  return file && (await isFile(file)) ? file : null;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function sendFile(res: ServerResponse, path: string): void {
  const headers: Record<string, string> = {
    'content-type': MIME[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  };
  res.writeHead(200, headers);
  createReadStream(path).pipe(res);
}

async function hostPage(config: HostConfig): Promise<string> {
  const template = await readFile(join(HOST_DIR, 'index.html'), 'utf8');
  // `<` is escaped so no value can close the <script> element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return template.replace('__HOST_CONFIG__', json);
}

async function buildBundles(useMocks: boolean): Promise<{ main: string; mocks: string | null; mocksError: string | null }> {
  const mainJob = bundleForBrowser(REPO_ROOT, join(HOST_DIR, 'main.ts'));
  const mocksJob = useMocks
    ? bundleForBrowser(REPO_ROOT, join(HOST_DIR, 'mocks-entry.ts')).then(
        (b) => ({ code: b.code as string | null, error: null as string | null }),
        (err: unknown) => ({ code: null, error: err instanceof Error ? err.message : String(err) }),
      )
    : Promise.resolve({ code: null, error: null });
  const [main, mocks] = await Promise.all([mainJob, mocksJob]);
  return { main: main.code, mocks: mocks.code, mocksError: mocks.error };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const defaultDir = join(REPO_ROOT, 'dist', 'widget');
  const widgetDir = normalize(options.widgetDir ?? defaultDir);
  const version = await readVersion(widgetDir);
  const widgetPath = `/upl/${WIDGET_CODE}/${version}/widget`;
  const bundles = await buildBundles(options.mocks !== false);
  const config: HostConfig = {
    widgetCode: WIDGET_CODE,
    version,
    widgetPath,
    mocksUrl: bundles.mocks ? '/host/mocks.js' : null,
    mocksError: bundles.mocksError,
    relayUrl: null,
  };
  // Built once the port (and so the relay's allowed origin) is known; see below.
  let page = '';
  let relay: DemoRelay | null = null;

  const vendor: Record<string, string> = {
    '/vendor/jquery.js': join(REPO_ROOT, 'node_modules', 'jquery', 'dist', 'jquery.js'),
    '/vendor/require.js': join(REPO_ROOT, 'node_modules', 'requirejs', 'require.js'),
    '/mockServiceWorker.js': join(REPO_ROOT, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'),
    '/host/host.css': join(HOST_DIR, 'host.css'),
  };

  const kommoApi = createKommoApi();
  const tokens = createTokenIssuer();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (await kommoApi.handle(req, res, url)) return;
    if (tokens.handle(req, res, url)) return;
    const pathname = decodeURIComponent(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');
    // Links in notifications point where Kommo keeps the dashboard; the host shows it by area.
    if (pathname === `/settings/widgets/${WIDGET_CODE}/`) {
      res.writeHead(302, { location: '/?area=advanced_settings', 'cache-control': 'no-store' });
      return void res.end();
    }
    if (pathname === '/' || pathname === '/index.html') {
      const strict = options.csp === true || url.searchParams.get('csp') === 'strict';
      return send(res, 200, MIME['.html']!, page, strict ? { 'content-security-policy': strictCsp(config.relayUrl) } : {});
    }
    if (pathname === '/host/main.js') return send(res, 200, MIME['.js']!, bundles.main);
    if (pathname === '/host/mocks.js' && bundles.mocks) return send(res, 200, MIME['.js']!, bundles.mocks);
    const vendorFile = vendor[pathname];
    if (vendorFile) return sendFile(res, vendorFile);
    if (pathname.startsWith(widgetPath + '/')) {
      const file = await widgetFile(widgetDir, pathname.slice(widgetPath.length + 1));
      if (file) return sendFile(res, file);
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      return void res.end();
    }
    send(res, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(err));
      else res.destroy();
    });
  });

  const wanted = options.port ?? DEFAULT_PORT;
  let port: number;
  try {
    port = await listen(server, wanted);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    port = await listen(server, 0);
  }
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  try {
    if (options.relay) {
      const relayOptions = options.relay === true ? {} : options.relay;
      relay = await startDemoRelay({ ...relayOptions, origins: [`http://127.0.0.1:${port}`] });
      config.relayUrl = relay.url;
    }
    page = await hostPage(config);
  } catch (err) {
    await closeServer();
    throw err;
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    config,
    relay,
    close: async () => {
      await Promise.all([closeServer(), relay?.close()]);
    },
  };
}
