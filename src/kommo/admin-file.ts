// admin.js, the admin screens' file (src/lazy/admin.ts), as one page-wide load
// (src/kommo/lazy-file.ts): it starts on demand, runs at most once at a time, and once
// it succeeded every widget instance on the page reads the same parts. A failure is
// remembered only until the next load(), so a retry asks again.
import type { AdminParts } from '../ui/admin-ui.tsx';
import { createLazyFile, type LazyPhase } from './lazy-file.ts';
import { ADMIN_FILE } from './shared-ids.ts';

export interface AdminFile {
  phase(): LazyPhase;
  parts(): AdminParts | null;
  /** Starts the load from the widget's folder (Kommo's params.path) unless one runs or succeeded. */
  load(widgetPath: unknown): void;
  /** Called after every change of phase; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const PART_NAMES = ['Dashboard', 'SettingsFields', 'Walkthrough', 'WalkthroughStep'] as const;

/** The module's value as parts, or null when it is not what admin.js exports. */
function readParts(value: unknown): AdminParts | null {
  if (!value || typeof value !== 'object') return null;
  const parts = value as Record<string, unknown>;
  if (typeof parts.css !== 'string' || !PART_NAMES.every((name) => typeof parts[name] === 'function')) return null;
  return value as AdminParts;
}

/** `requireModule` loads one module by URL (RequireJS in the page); `build` versions the URL. */
export function createAdminFile(requireModule: (url: string) => Promise<unknown>, build: string): AdminFile {
  const file = createLazyFile(ADMIN_FILE, build, requireModule, readParts);
  return {
    phase: file.phase,
    parts: file.value,
    load(widgetPath) {
      // The phase says how it went (the slots redraw on it); the failure is already traced.
      file.load(widgetPath).catch(() => {});
    },
    subscribe: file.subscribe,
  };
}
