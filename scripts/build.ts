// `npm run build`: the three Vite builds (dist/widget/script.js, admin.js and engine.js,
// see vite.config.ts), then the archive contents beside them (manifest.json with the
// package version stamped in, i18n/, images/), then dist/widget.zip with those files at
// its root in a fixed order.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { build } from 'vite';
import { WIDGET_PARTS, widgetConfig } from '../vite.config.ts';
import type { SharedUse } from './bundle/split.ts';
import { ADMIN_FILE, ENGINE_FILE } from '../src/kommo/shared-ids.ts';

const repo = new URL('..', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, repo));
const outDir = at('dist/widget/');
const zipFile = at('dist/widget.zip');
// Fixed entry times make the zip byte-identical for identical inputs.
const ZIP_MTIME = new Date(2024, 0, 1, 0, 0, 0);
// Marketplace form uploads, not used at run time ("delete unused files").
const NOT_SHIPPED_IMAGES = /^icon-(light|dark)\.svg$/;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function stampManifest(): void {
  const manifest = readJson(at('manifest.json'));
  const { version } = readJson(at('package.json'));
  const widget = manifest.widget as Record<string, unknown>;
  widget.version = version;
  writeFileSync(`${outDir}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}

function copyFolder(from: string, to: string, skip?: RegExp): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    if (skip?.test(name) || statSync(from + name).isDirectory()) continue;
    copyFileSync(from + name, to + name);
  }
}

/** Every file under dir as archive-relative paths, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir + prefix)
    .sort()
    .flatMap((name) => (statSync(dir + prefix + name).isDirectory() ? listFiles(dir, `${prefix}${name}/`) : [prefix + name]));
}

/** manifest.json and the three .js files first (what a reader looks for), then the rest sorted. */
function archiveOrder(paths: string[]): string[] {
  const first = ['manifest.json', 'script.js', ADMIN_FILE, ENGINE_FILE];
  const rank = (p: string) => (first.includes(p) ? first.indexOf(p) : first.length);
  return [...paths].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function zipContents(): { paths: string[]; bytes: number } {
  const paths = archiveOrder(listFiles(outDir));
  const entries: Zippable = {};
  for (const path of paths) entries[path] = [readFileSync(outDir + path), { mtime: ZIP_MTIME }];
  const zip = zipSync(entries, { level: 9 });
  writeFileSync(zipFile, zip);
  return { paths, bytes: zip.length };
}

async function main(): Promise<void> {
  const started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(zipFile, { force: true });
  // admin.js before script.js: script.js lends it exactly what it reads.
  const sharedUse: SharedUse = new Map();
  for (const part of WIDGET_PARTS) await build(widgetConfig({ part, outDir, sharedUse }));
  const bundled = performance.now();
  stampManifest();
  copyFolder(at('locales/'), `${outDir}i18n/`);
  copyFolder(at('widget/images/'), `${outDir}images/`, NOT_SHIPPED_IMAGES);
  const { paths, bytes } = zipContents();
  const finished = performance.now();

  for (const path of paths) console.log(`  ${path.padEnd(24)} ${String(statSync(outDir + path).size).padStart(9)} B`);
  console.log(`  ${'dist/widget.zip'.padEnd(24)} ${String(bytes).padStart(9)} B  (${paths.length} files)`);
  console.log(`build: vite ${(bundled - started).toFixed(0)} ms, archive ${(finished - bundled).toFixed(0)} ms, total ${(finished - started).toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
