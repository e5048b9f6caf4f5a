// The widget's CSS for every widget root, counted per document: each mount takes a
// reference, and the CSS leaves the page when the last one is released. Kommo destroys
// and re-creates the widget on every area change, so the CSS is parsed once per page
// into a constructable stylesheet and only adopted and dropped afterwards; where the
// browser has none, a <style> element does the same job.
import { WIDGET_CSS } from '../ui/styles.ts';

const STYLE_ATTRIBUTE = 'data-bytegpt-health-style';

interface SharedStyle {
  attach(): void;
  detach(): void;
  attached(): boolean;
  users: number;
  /** Bumped when the CSS was found taken off the page: older releases no longer count. */
  generation: number;
}

const shared = new WeakMap<Document, SharedStyle>();

function adoptedSheet(doc: Document, css: string): SharedStyle | null {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (!Sheet || !('adoptedStyleSheets' in doc) || typeof Sheet.prototype.replaceSync !== 'function') return null;
  const sheet = new Sheet();
  sheet.replaceSync(css);
  return {
    users: 0,
    generation: 0,
    attach: () => {
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    },
    attached: () => doc.adoptedStyleSheets.includes(sheet),
    detach: () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

function styleElement(doc: Document, css: string): SharedStyle {
  const element = doc.createElement('style');
  element.setAttribute(STYLE_ATTRIBUTE, '');
  element.textContent = css;
  return {
    users: 0,
    generation: 0,
    attach: () => {
      (doc.head ?? doc.documentElement).appendChild(element);
    },
    attached: () => element.isConnected,
    detach: () => element.remove(),
  };
}

/** Adds the widget's CSS if needed; returns its release (safe to call twice). */
export function acquireStyle(doc: Document, css: string = WIDGET_CSS): () => void {
  let entry = shared.get(doc);
  if (!entry) {
    entry = adoptedSheet(doc, css) ?? styleElement(doc, css);
    shared.set(doc, entry);
  }
  // Taken off the page by someone else (a new page, a reset): earlier holders went with it.
  if (!entry.attached()) {
    entry.users = 0;
    entry.generation += 1;
    entry.attach();
  }
  entry.users += 1;
  const held = entry;
  const generation = entry.generation;
  let released = false;
  return () => {
    if (released || generation !== held.generation) return;
    released = true;
    held.users -= 1;
    if (held.users <= 0) {
      held.users = 0;
      held.detach();
    }
  };
}
