// Small things the browser tests run inside the page, and the colour maths they use.

/**
 * Init script: keeps the set of live setInterval ids in window.__activeIntervals, so a
 * widget that keeps polling after destroy() shows up as a leak.
 */
export const INSTRUMENT_TIMERS = `(() => {
  const active = new Set();
  const set = window.setInterval.bind(window);
  const clear = window.clearInterval.bind(window);
  window.setInterval = (...args) => { const id = set(...args); active.add(id); return id; };
  window.clearInterval = (id) => { active.delete(id); return clear(id); };
  Object.defineProperty(window, '__activeIntervals', { value: active });
})();`;

export type Rgb = [number, number, number];
export interface Colours {
  color: Rgb;
  /** The first non-transparent background up the tree (through shadow hosts), white if none. */
  background: Rgb;
}

/** Runs in the page (passed to locator.evaluate): no closures over test code. */
export function effectiveColours(el: Element): Colours {
  const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  let node: Element | null = el;
  let background: [number, number, number] = [255, 255, 255];
  while (node) {
    const [r = 0, g = 0, b = 0, a = 1] = parse(getComputedStyle(node).backgroundColor);
    if (a > 0) {
      background = [r, g, b];
      break;
    }
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  const [r = 0, g = 0, b = 0] = parse(getComputedStyle(el).color);
  return { color: [r, g, b], background };
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
