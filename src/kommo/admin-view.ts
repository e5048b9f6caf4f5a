// One widget instance's view of the page's admin.js load, for the UI's AdminUiContext
// (src/ui/admin-ui.tsx): its phase and parts, load now, or load when the browser is
// idle. Every change redraws the instance's roots, after the file's CSS has joined
// the page's sheet. Everything it sets up goes to the instance's disposer.
import type { Translate } from '../i18n/index.ts';
import type { AdminUiView } from '../ui/admin-ui.tsx';
import type { AdminFile } from './admin-file.ts';
import type { Disposer } from './disposer.ts';
import { reportCaught } from './notify.ts';
import { extendStyle } from './style.ts';

/** An idle browser loads admin.js at once; a busy one still gets to it within this. */
const PRELOAD_WITHIN_MS = 3_000;
/** Without requestIdleCallback (Safari): once the first paint has settled. */
const PRELOAD_FALLBACK_MS = 500;

interface AdminViewDeps {
  document: Document;
  disposer: Disposer;
  /** Kommo's params.path: the widget's folder, where admin.js sits. */
  widgetPath(): unknown;
  t(): Translate;
  redraw(): void;
}

export interface AdminViewSource {
  view(): AdminUiView;
}

export function createAdminView(file: AdminFile, deps: AdminViewDeps): AdminViewSource {
  let preloaded = false;
  const addCss = () => {
    const parts = file.parts();
    if (parts) extendStyle(deps.document, parts.css);
  };
  deps.disposer.add(
    file.subscribe(() => {
      addCss();
      deps.redraw();
    }),
  );

  const load = () => {
    try {
      file.load(deps.widgetPath());
    } catch (error) {
      reportCaught(error);
    }
  };

  const preload = () => {
    if (preloaded || file.phase() !== 'idle') return;
    preloaded = true;
    const win = deps.document.defaultView;
    if (typeof win?.requestIdleCallback === 'function') {
      const id = win.requestIdleCallback(load, { timeout: PRELOAD_WITHIN_MS });
      deps.disposer.add(() => win.cancelIdleCallback(id));
    } else deps.disposer.timeout(load, PRELOAD_FALLBACK_MS);
  };

  return {
    view() {
      // Loaded by another instance earlier on this page: its CSS may still need adding here.
      addCss();
      return { phase: file.phase(), parts: file.parts(), load, preload, t: deps.t() };
    },
  };
}
