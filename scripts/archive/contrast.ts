// WCAG 2 contrast ratio between two colours. Kommo's checklist asks the marketplace
// SVG icon for >= 3.0 against #FFFFFF (light) and #153043 (dark); the browser tests
// use the same maths on the computed colours of the widget (as RGB triples).

export const LIGHT_BACKGROUND = '#FFFFFF';
export const DARK_BACKGROUND = '#153043';
export const MIN_ICON_CONTRAST = 3;

/** Red, green, blue, each 0–255. */
export type Rgb = readonly [number, number, number];

function linear(channel: number): number {
  const value = channel / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

export function rgbLuminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function rgbContrastRatio(a: Rgb, b: Rgb): number {
  const la = rgbLuminance(a);
  const lb = rgbLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function hexToRgb(hex: string): Rgb {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const at = (index: number) => parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16);
  return [at(0), at(1), at(2)];
}

export function relativeLuminance(hex: string): number {
  return rgbLuminance(hexToRgb(hex));
}

export function contrastRatio(a: string, b: string): number {
  return rgbContrastRatio(hexToRgb(a), hexToRgb(b));
}
