// `npm run size`: gzip sizes of the shipped files (script.js, which Kommo loads on every
// page, admin.js and engine.js, loaded on demand; not minified, for moderation), of minified twins
// built only to measure, and of a bare Preact + hooks baseline, with each file's budget
// (scripts/size/budget.ts) and the total. Fails when a file passes a budget.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { WIDGET_PARTS, widgetConfig } from '../vite.config.ts';
import { sections } from './archive/script.ts';
import type { SharedUse } from './bundle/split.ts';
import { kb, LAZY_BUDGETS, MAIN_BUDGET, overBudget, sizeTable, type FileSize } from './size/budget.ts';

const repo = new URL('..', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, repo));

const shippedDir = 'dist/widget';
const twinDir = 'artifacts/size/twin';
const baselineDir = 'artifacts/size/baseline';
const BUDGETS = [MAIN_BUDGET, ...LAZY_BUDGETS];

/** Every part into `outDir`, admin.js before script.js (which lends it what it reads). */
async function buildWidget(outDir: string, minify: boolean): Promise<void> {
  rmSync(at(outDir), { recursive: true, force: true });
  const sharedUse: SharedUse = new Map();
  for (const part of WIDGET_PARTS) await build(widgetConfig({ part, outDir: at(outDir), minify, sharedUse }));
}

const measure = (file: string) => {
  const source = readFileSync(file);
  return { bytes: source.length, gzip: gzipSync(source, { level: 9 }).length };
};

/** The biggest source modules in a shipped (unminified) file, grouped by package or src folder. */
function printBreakdown(file: string, top = 10): void {
  const groups = new Map<string, number>();
  for (const part of sections(readFileSync(at(`${shippedDir}/${file}`), 'utf8'))) {
    const group = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(part.module)?.[1] ?? /(src\/[^/]+)/.exec(part.module)?.[1] ?? '(runtime/wrapper)';
    groups.set(group, (groups.get(group) ?? 0) + part.lines.join('\n').length);
  }
  console.log(`\nshipped ${file} by origin (raw bytes, top ${top}):`);
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${group.padEnd(32)}${String(bytes).padStart(9)}`);
  }
}

async function main(): Promise<void> {
  if (!BUDGETS.every((b) => existsSync(at(`${shippedDir}/${b.file}`)))) {
    console.log(`${shippedDir} is incomplete: building it`);
    await buildWidget(shippedDir, false);
  }
  await buildWidget(twinDir, true);
  rmSync(at(baselineDir), { recursive: true, force: true });
  await build(widgetConfig({ part: 'main', entry: 'scripts/size/baseline.tsx', minify: true, outDir: at(baselineDir) }));

  const sizes: FileSize[] = BUDGETS.map(({ file }) => ({
    file,
    shipped: measure(at(`${shippedDir}/${file}`)),
    twin: measure(at(`${twinDir}/${file}`)),
  }));
  const baseline = measure(at(`${baselineDir}/script.js`));
  const main = sizes[0];
  const ratio = main ? main.twin.gzip / baseline.gzip : 0;

  console.log('');
  for (const line of sizeTable(sizes, BUDGETS)) console.log(line);
  console.log(`baseline (Preact + hooks, minified): ${kb(baseline.gzip)} gzip`);
  for (const { file } of BUDGETS) printBreakdown(file);
  console.log(`\nratio script.js twin / baseline (gzip): ${ratio.toFixed(2)}×`);

  mkdirSync(at('artifacts/size'), { recursive: true });
  writeFileSync(at('artifacts/size/report.json'), `${JSON.stringify({ files: sizes, baseline, ratio, budgets: BUDGETS }, null, 2)}\n`);

  const over = overBudget(sizes, BUDGETS);
  for (const line of over) console.error(`size: ${line}`);
  process.exit(over.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
