// What the UI is given. Components receive data and callbacks as props and never
// fetch: src/kommo owns the engine and hands its snapshots down.
import type { Formatters, Translate } from '../i18n/index.ts';
import type { Report, Status } from '../health/types.ts';

export type Role = 'admin' | 'member';

/** One moment of the health check as the panel shows it. */
export interface PanelState {
  report: Report | null;
  /** A check is running right now. */
  checking: boolean;
  /** An API key is set; without one no check runs. */
  configured: boolean;
  /** The last check failed inside the widget itself (not an OpenAI error). */
  failed?: boolean;
}

/** The value of the root's data-bytegpt-health attribute. */
export type DisplayStatus = Status | 'checking';

export interface TextProps {
  t: Translate;
  fmt: Formatters;
}

/**
 * A report already known (the cache, another tab) stays on screen while a check runs:
 * no "checking" flash on first paint and no jump when the refresh lands. Only a panel
 * with nothing to show yet says "checking"; the busy state shows on the button.
 */
export function displayStatus(state: PanelState): DisplayStatus {
  if (state.report) return state.report.status;
  return state.checking ? 'checking' : 'unknown';
}
