// The walkthrough's progress and its pure reducer. Times come in with the actions
// (no clock here), so every rule can be tested with fixed dates.
import type { FindingCode, Report } from '../health/types.ts';
import { STEP_COUNT, STEP_IDS, type StepId } from './steps.ts';
import { criticalBillingCodes, verifyBlockers } from './verdicts.ts';

/** The last verify check: when the report was made, and what kept it from passing. */
interface VerifyResult {
  /** The judged report's checkedAt (ISO). */
  at: string;
  passed: boolean;
  /** Codes that failed it (verifyBlockers); empty when passed. */
  blockers: FindingCode[];
}

export interface Progress {
  /** Done steps, in the walkthrough's order. */
  done: StepId[];
  /** When the current run was finished (every step done); null while a step is open. */
  finishedAt: string | null;
  /** Every finished run (ISO), oldest first, at most MAX_RUNS. */
  runs: string[];
  verify: VerifyResult | null;
  /** The newest report seen and its critical billing codes, to tell a NEW one apart. */
  seen: { at: string; critical: FindingCode[] } | null;
}

export type ProgressAction =
  | { type: 'mark'; step: StepId; at: string }
  | { type: 'undo'; step: StepId }
  /** The report of the check the verify step ran. */
  | { type: 'verified'; report: Report; at: string }
  /** Any report the widget shows (the restart rule). */
  | { type: 'observe'; report: Report };

export const MAX_RUNS = 20;

export const EMPTY_PROGRESS: Progress = Object.freeze({ done: [], finishedAt: null, runs: [], verify: null, seen: null }) as Progress;

export function isStepDone(progress: Progress, step: StepId): boolean {
  return progress.done.includes(step);
}

/** The first step not done yet; `verify` once all are done (checking again is what is left). */
export function nextStep(progress: Progress): StepId {
  return STEP_IDS.find((id) => !progress.done.includes(id)) ?? 'verify';
}

/** The first step after `step` that is not done, else nextStep(). */
export function nextStepAfter(progress: Progress, step: StepId): StepId {
  const after = STEP_IDS.slice(STEP_IDS.indexOf(step) + 1);
  return after.find((id) => !progress.done.includes(id)) ?? nextStep(progress);
}

function withDone(progress: Progress, step: StepId, done: boolean): Progress {
  const set = new Set(progress.done);
  if (done) set.add(step);
  else set.delete(step);
  return { ...progress, done: STEP_IDS.filter((id) => set.has(id)) };
}

/** Records the finish the moment the last step is done (`at`); undoing a step reopens the run. */
function settle(progress: Progress, at: string | null): Progress {
  const complete = progress.done.length === STEP_COUNT;
  if (complete && progress.finishedAt === null && at !== null) {
    return { ...progress, finishedAt: at, runs: [...progress.runs, at].slice(-MAX_RUNS) };
  }
  if (!complete && progress.finishedAt !== null) return { ...progress, finishedAt: null };
  return progress;
}

const isLater = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/**
 * Restart rule: after a finished run, a report newer than the finish with a critical
 * billing code that the previous report did not have starts the progress over (the
 * finished runs are kept). A code that stays is not new; one that went away and
 * comes back is. Reports older than the last one seen are ignored (a cache, a slow tab).
 */
function observe(progress: Progress, report: Report): Progress {
  if (progress.seen && !isLater(report.checkedAt, progress.seen.at)) return progress;
  const critical = criticalBillingCodes(report);
  const before = progress.seen?.critical ?? [];
  const seen = { at: report.checkedAt, critical };
  const finished = progress.finishedAt;
  if (finished !== null && isLater(report.checkedAt, finished) && critical.some((code) => !before.includes(code))) {
    return { ...EMPTY_PROGRESS, runs: progress.runs, seen };
  }
  return { ...progress, seen };
}

export function reduceProgress(progress: Progress, action: ProgressAction): Progress {
  switch (action.type) {
    case 'mark':
      // Verify is done only by a check that passes ('verified').
      if (action.step === 'verify' || isStepDone(progress, action.step)) return progress;
      return settle(withDone(progress, action.step, true), action.at);
    case 'undo':
      if (!isStepDone(progress, action.step)) return progress;
      return settle(withDone(progress, action.step, false), null);
    case 'verified': {
      const observed = observe(progress, action.report);
      const blockers = verifyBlockers(action.report);
      const verify: VerifyResult = { at: action.report.checkedAt, passed: blockers.length === 0, blockers };
      return settle(withDone({ ...observed, verify }, 'verify', verify.passed), action.at);
    }
    case 'observe':
      return observe(progress, action.report);
  }
}
