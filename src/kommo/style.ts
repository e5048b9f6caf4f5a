// One <style> per document for every widget root, counted: each mount takes a
// reference, and the tag leaves the page when the last one is released.
import { WIDGET_CSS } from '../ui/styles.ts';

const STYLE_ATTRIBUTE = 'data-bytegpt-health-style';

interface SharedStyle {
  element: HTMLStyleElement;
  users: number;
}

const shared = new WeakMap<Document, SharedStyle>();

/** Inserts the widget's CSS if needed; returns its release (safe to call twice). */
export function acquireStyle(doc: Document, css: string = WIDGET_CSS): () => void {
  let entry = shared.get(doc);
  if (!entry || !entry.element.isConnected) {
    const element = doc.createElement('style');
    element.setAttribute(STYLE_ATTRIBUTE, '');
    element.textContent = css;
    (doc.head ?? doc.documentElement).appendChild(element);
    entry = { element, users: 0 };
    shared.set(doc, entry);
  }
  entry.users += 1;
  const held = entry;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.users -= 1;
    if (held.users <= 0) {
      held.element.remove();
      if (shared.get(doc) === held) shared.delete(doc);
    }
  };
}
