// What the UI is given. Components receive data and callbacks as props and never
// fetch: src/kommo owns the engine and hands its snapshots down.
import type { Formatters, Translate } from '../i18n/index.ts';
import type { Progress } from '../checklist/progress.ts';
import type { StepId } from '../checklist/steps.ts';
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

/** The card expiry the walkthrough offers to store, and where the one in use comes from. */
export interface CardExpiryView {
  value: string | null;
  /** `settings`: saved with the widget settings (it wins); `walkthrough`: stored from the step. */
  source: 'settings' | 'walkthrough' | null;
}

/** What the walkthrough shows and can do. src/kommo fills it for admins only. */
export interface WalkthroughState {
  progress: Progress;
  /** The verify step's check is running. */
  verifying: boolean;
  /** The verify step's check ended without a report (the widget's own failure). */
  verifyFailed: boolean;
  cardExpiry: CardExpiryView;
  onMark(step: StepId, done: boolean): void;
  /** Runs a real check; the result arrives as progress.verify. */
  onVerify(): void;
  /** Stores a valid "MM/YY"; false when it could not be stored. */
  onSaveCardExpiry(expiry: string): boolean;
}
