// What the panels read: the latest report, whether a check is running, and a way to
// ask for another. The UI never sees where reports come from (the engine, a fake in
// tests, or nothing when the widget is not configured).
import type { Report } from '../health/types.ts';
import type { HistoryEntry } from './history.ts';

/** One moment of the health check; src/ui's PanelState has the same shape. */
interface MonitorState {
  report: Report | null;
  /** A check is running right now. */
  checking: boolean;
  /** An API key is set; without one no check runs. */
  configured: boolean;
  /** The last check failed inside the widget itself (not an OpenAI error). */
  failed?: boolean;
}

/** A caught error goes to console.trace, the only console Kommo's rules allow. */
function reportCaught(error: unknown): void {
  try {
    console.trace(error);
  } catch {
    // Nothing left to try: a widget error must never reach Kommo's page.
  }
}

export interface HealthSource {
  snapshot(): MonitorState;
  /** Called after every change of snapshot(); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Check now, past any cache (the "check again" button). */
  recheck(): void;
  /** Check unless a recent result is cached (first mount, the interval timer). */
  refresh(): void;
  /** The last checks, newest first (the dashboard's list); never the key. */
  history(): HistoryEntry[];
  dispose(): void;
}

/**
 * No key: nothing to check, nothing sent anywhere. `report` is what the rules say of an
 * empty api_key (key_invalid, design.md), so automation reads the same status as the CLI.
 */
export function createUnconfiguredSource(report: Report | null): HealthSource {
  const state: MonitorState = { report, checking: false, configured: false };
  return {
    snapshot: () => state,
    subscribe: () => () => {},
    recheck: () => {},
    refresh: () => {},
    history: () => [],
    dispose: () => {},
  };
}

export interface ReportEngine {
  /** One check; `force` skips caches. May reject: the source turns that into `failed`. */
  run(force: boolean): Promise<Report>;
  /** A report already known (another tab, a cache), shown before the first check ends. */
  peek?(): Report | null;
  /** Reports that arrive from elsewhere (another tab's check). Returns the unsubscribe. */
  watch?(onReport: (report: Report) => void): () => void;
  /** The last checks, newest first. */
  history?(): HistoryEntry[];
  dispose?(): void;
}

/** Turns an engine into a HealthSource: one check at a time, late results ignored after dispose. */
export function createReportSource(engine: ReportEngine): HealthSource {
  const listeners = new Set<() => void>();
  let state: MonitorState = { report: safePeek(engine), checking: false, configured: true };
  let disposed = false;
  let running: Promise<void> | null = null;
  let forceAgain = false;

  const set = (patch: Partial<MonitorState>) => {
    if (disposed) return;
    state = { ...state, ...patch };
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        reportCaught(error);
      }
    }
  };

  const start = (force: boolean) => {
    if (disposed) return;
    if (running) {
      // A forced re-check asked for during a cached refresh runs right after it.
      if (force) forceAgain = true;
      return;
    }
    set({ checking: true });
    let attempt: Promise<Report>;
    try {
      attempt = engine.run(force);
    } catch (error) {
      attempt = Promise.reject(error);
    }
    running = attempt.then(
      (report) => set({ report, checking: false, failed: false }),
      (error: unknown) => {
        // After dispose the check was aborted on purpose: nothing to report.
        if (disposed) return;
        reportCaught(error);
        set({ checking: false, failed: true });
      },
    ).finally(() => {
      running = null;
      if (forceAgain) {
        forceAgain = false;
        start(true);
      }
    });
  };

  let unwatch: () => void = () => {};
  try {
    unwatch = engine.watch?.((report) => set({ report, failed: false })) ?? unwatch;
  } catch (error) {
    reportCaught(error);
  }

  return {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recheck: () => start(true),
    refresh: () => start(false),
    history() {
      try {
        return engine.history?.() ?? [];
      } catch (error) {
        reportCaught(error);
        return [];
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      try {
        unwatch();
        engine.dispose?.();
      } catch (error) {
        reportCaught(error);
      }
    },
  };
}

function safePeek(engine: ReportEngine): Report | null {
  try {
    return engine.peek?.() ?? null;
  } catch (error) {
    reportCaught(error);
    return null;
  }
}
