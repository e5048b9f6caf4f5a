// admin.js, the admin screens' file (src/lazy/admin.ts), as one page-wide load: it
// starts on demand, runs at most once at a time, and once it succeeded every widget
// instance on the page reads the same parts. A failure (404, a CSP refusal, a
// timeout, a file that is not ours) is remembered only until the next load(), so a
// retry asks again. Listeners hear every change of phase.
import type { AdminParts } from '../ui/admin-ui.tsx';
import { reportCaught } from './notify.ts';
import { ADMIN_FILE } from './shared-ids.ts';

type AdminPhase = 'idle' | 'loading' | 'ready' | 'failed';

export interface AdminFile {
  phase(): AdminPhase;
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

/** `<path>/admin.js?v=<build>`, the way Kommo's own files are asked for; null without a usable path. */
function adminFileUrl(widgetPath: unknown, build: string): string | null {
  if (typeof widgetPath !== 'string' || !/^(https?:\/\/|\/)[^\s"'<>\\]*$/.test(widgetPath)) return null;
  return `${widgetPath.replace(/\/+$/, '')}/${ADMIN_FILE}?v=${encodeURIComponent(build)}`;
}

/** `requireModule` loads one module by URL (RequireJS in the page); `build` versions the URL. */
export function createAdminFile(requireModule: (url: string) => Promise<unknown>, build: string): AdminFile {
  let phase: AdminPhase = 'idle';
  let parts: AdminParts | null = null;
  const listeners = new Set<() => void>();

  const set = (next: AdminPhase) => {
    phase = next;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        reportCaught(error);
      }
    }
  };

  return {
    phase: () => phase,
    parts: () => parts,
    load(widgetPath) {
      if (phase === 'loading' || phase === 'ready') return;
      const url = adminFileUrl(widgetPath, build);
      if (!url) return set('failed');
      set('loading');
      let pending: Promise<unknown>;
      try {
        pending = requireModule(url);
      } catch (error) {
        reportCaught(error);
        return set('failed');
      }
      pending
        .then((value) => {
          const loaded = readParts(value);
          if (!loaded) throw new Error(`${url} is not the widget's admin file`);
          parts = loaded;
          set('ready');
        })
        .catch((error: unknown) => {
          reportCaught(error);
          set('failed');
        });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
