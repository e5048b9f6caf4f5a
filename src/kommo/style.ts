// The widget's CSS for every widget root, counted per document: each mount takes a
// reference, and the CSS leaves the page when the last one is released. Kommo destroys
// and re-creates the widget on every area change, so the CSS is parsed once per page
// into a constructable stylesheet and only adopted and dropped afterwards; where the
// browser has none, a <style> element does the same job. CSS that arrives later (the
// admin screens' file) joins that one sheet, once per page.
import { WIDGET_CSS } from '../ui/styles.ts';

const STYLE_ATTRIBUTE = 'data-bytegpt-health-style';

interface SharedStyle {
  /** The CSS texts in the sheet, in order. */
  parts: string[];
  /** Replaces the sheet's text (kept adopted or attached as it was). */
  write(css: string): void;
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
    parts: [css],
    write: (text) => sheet.replaceSync(text),
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
    parts: [css],
    write: (text) => {
      element.textContent = text;
    },
    users: 0,
    generation: 0,
    attach: () => {
      (doc.head ?? doc.documentElement).appendChild(element);
    },
    attached: () => element.isConnected,
    detach: () => element.remove(),
  };
}

function sharedStyle(doc: Document, css: string): SharedStyle {
  let entry = shared.get(doc);
  if (!entry) {
    entry = adoptedSheet(doc, css) ?? styleElement(doc, css);
    shared.set(doc, entry);
  }
  return entry;
}

/**
 * Appends `css` to the page's widget sheet unless it is there already. It stays for the
 * page's life and comes and goes with the sheet; acquireStyle still decides when.
 */
export function extendStyle(doc: Document, css: string): void {
  const entry = sharedStyle(doc, WIDGET_CSS);
  if (entry.parts.includes(css)) return;
  entry.parts.push(css);
  entry.write(entry.parts.join(''));
}

/** Adds the widget's CSS if needed; returns its release (safe to call twice). */
export function acquireStyle(doc: Document, css: string = WIDGET_CSS): () => void {
  const entry = sharedStyle(doc, css);
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
