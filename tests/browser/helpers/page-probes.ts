// Small things the browser tests run inside the page. The colour maths is the archive
// validator's (scripts/archive/contrast.ts).
import type { Rgb } from '../../../scripts/archive/contrast.ts';

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

export interface Colours {
  color: Rgb;
  /** The first non-transparent background up the tree (through shadow hosts), white if none. */
  background: Rgb;
}

/** Runs in the page (passed to locator.evaluate): no closures over test code. */
export function effectiveColours(el: Element): Colours {
  const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  let node: Element | null = el;
  let background: Rgb = [255, 255, 255];
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
