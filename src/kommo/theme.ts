// Kommo's light/dark switch is <html data-color-scheme="dark">, and it can change while
// the page is open (kommo-look.md §1). We follow it live and mirror it onto our own
// hosts as data-bytegpt-theme, so our CSS never needs a selector outside our scope.
import type { Disposer } from './disposer.ts';

export type ColorScheme = 'light' | 'dark';

const THEME_ATTRIBUTE = 'data-bytegpt-theme';

export function readColorScheme(doc: Document): ColorScheme {
  return doc.documentElement?.getAttribute('data-color-scheme') === 'dark' ? 'dark' : 'light';
}

export function applyColorScheme(host: Element, scheme: ColorScheme): void {
  host.setAttribute(THEME_ATTRIBUTE, scheme);
}

/** Calls onChange with each new scheme; the observer is disconnected by the disposer. */
export function watchColorScheme(doc: Document, disposer: Disposer, onChange: (scheme: ColorScheme) => void): void {
  const View = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  if (typeof View !== 'function' || !doc.documentElement) return;
  let last = readColorScheme(doc);
  const observer = new View(() => {
    const next = readColorScheme(doc);
    if (next === last) return;
    last = next;
    onChange(next);
  });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-color-scheme'] });
  disposer.add(() => observer.disconnect());
}
