// `npm run logos`: renders Kommo's five logo PNGs and the marketplace SVG icons from
// the one mark in widget/logo-source.svg. The layouts (where the mark and the
// wordmark sit in each size) live here; the drawing lives in the source SVG.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { contrastRatio, DARK_BACKGROUND, LIGHT_BACKGROUND, MIN_ICON_CONTRAST } from './archive/contrast.ts';
import { LOGO_SPECS, MAX_IMAGE_BYTES } from './archive/rules.ts';

const repo = new URL('..', import.meta.url);
const sourceSvg = readFileSync(new URL('widget/logo-source.svg', repo), 'utf8');
const outDir = new URL('widget/images/', repo);

// PT Sans is Kommo's face; DejaVu Sans is what a bare Debian box has. resvg draws no
// text at all without a font, so renderWordmark() checks that glyphs came out.
const FONT_STACK = "'PT Sans', 'DejaVu Sans', Arial, sans-serif";
const INK = '#153043';
const BRAND_DARK = '#0B7368';
// Solid tile colours for the SVG icons (no gradient, so the contrast is exact).
const ICON_TILE = { light: '#0B7368', dark: '#14A89A' } as const;

/** The source mark placed at (x, y), size × size, as a nested <svg>. */
function mark(x: number, y: number, size: number): string {
  const body = sourceSvg.replace(/<!--[\s\S]*?-->/g, '').trim();
  return body.replace(/^<svg\b/, `<svg x="${x}" y="${y}" width="${size}" height="${size}"`);
}

function canvas(width: number, height: number, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${content}</svg>`;
}

function text(x: number, y: number, size: number, weight: number, fill: string, value: string, anchor = 'start'): string {
  return `<text x="${x}" y="${y}" font-family="${FONT_STACK}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${value}</text>`;
}

interface Layout {
  file: string;
  /** The whole drawing, and the text alone (to prove the font rendered). */
  svg: string;
  wordmark?: string;
}

function layouts(): Layout[] {
  const size = (file: string) => {
    const spec = LOGO_SPECS.find((s) => s.file === file);
    if (!spec) throw new Error(`no spec for ${file}`);
    return spec;
  };
  const medium = size('logo_medium.png');
  const mediumWords =
    text(84, 39, 25, 700, INK, 'ByteGPT') + text(85, 62, 15.5, 400, BRAND_DARK, 'Billing Health');
  const main = size('logo_main.png');
  // 10 px transparent margin on every side, as the checklist asks for 400×272.
  const mainWords =
    text(200, 196, 40, 700, INK, 'ByteGPT', 'middle') + text(200, 230, 25, 400, BRAND_DARK, 'Billing Health', 'middle');
  const legacy = size('logo.png');
  return [
    { file: 'logo_min.png', svg: canvas(84, 84, mark(0, 0, 84)) },
    { file: 'logo_small.png', svg: canvas(108, 108, mark(0, 0, 108)) },
    { file: 'logo.png', svg: canvas(legacy.width, legacy.height, mark(17, 2, 96)) },
    {
      file: 'logo_medium.png',
      svg: canvas(medium.width, medium.height,
        `<rect width="240" height="84" rx="10" fill="#FFFFFF"/>${mark(8, 10, 64)}${mediumWords}`),
      wordmark: canvas(medium.width, medium.height, mediumWords),
    },
    {
      file: 'logo_main.png',
      svg: canvas(main.width, main.height,
        `<rect x="10" y="10" width="380" height="252" rx="18" fill="#FFFFFF" stroke="#D5E9E6" stroke-width="2"/>${mark(146, 34, 108)}${mainWords}`),
      wordmark: canvas(main.width, main.height, mainWords),
    },
  ];
}

function render(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

function assertWordmarkRenders(layout: Layout): void {
  if (!layout.wordmark) return;
  const box = new Resvg(layout.wordmark, { font: { loadSystemFonts: true } }).getBBox();
  if (!box || box.width < 60) {
    throw new Error(`${layout.file}: the wordmark did not render (no usable system font?). Install fonts-dejavu or PT Sans.`);
  }
}

function icon(theme: keyof typeof ICON_TILE): string {
  const tile = ICON_TILE[theme];
  const background = theme === 'light' ? LIGHT_BACKGROUND : DARK_BACKGROUND;
  const ratio = contrastRatio(tile, background);
  if (ratio < MIN_ICON_CONTRAST) throw new Error(`icon-${theme}: contrast ${ratio.toFixed(2)} < ${MIN_ICON_CONTRAST}`);
  console.log(`icon-${theme}.svg  tile ${tile} on ${background}: contrast ${ratio.toFixed(2)}`);
  return sourceSvg
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/\s*<defs>[\s\S]*?<\/defs>/, '')
    .replace('fill="url(#tileGradient)"', `fill="${tile}"`)
    .replace(/^<svg\b/, '<svg width="100" height="100"')
    .trim() + '\n';
}

function main(): void {
  mkdirSync(outDir, { recursive: true });
  for (const layout of layouts()) {
    assertWordmarkRenders(layout);
    const png = render(layout.svg);
    if (png.length > MAX_IMAGE_BYTES) throw new Error(`${layout.file}: ${png.length} bytes > ${MAX_IMAGE_BYTES}`);
    writeFileSync(new URL(layout.file, outDir), png);
    console.log(`${layout.file.padEnd(16)} ${String(png.length).padStart(7)} bytes`);
  }
  for (const theme of ['light', 'dark'] as const) writeFileSync(new URL(`icon-${theme}.svg`, outDir), icon(theme));
}

main();
