// Progress read back from storage is untrusted (another version, another tab, a user
// with devtools): it passes a reader (no zod in script.js), then the rules that tie its
// fields together.
import { bool, is, isoTime, listOf, nullable, object } from '../health/shape.ts';
import { FINDING_SEVERITY, type FindingCode } from '../health/types.ts';
import { MAX_RUNS, type Progress } from './progress.ts';
import { isStepId, STEP_COUNT, STEP_IDS, type StepId } from './steps.ts';

/** Bumped when the stored shape changes; an older shape is dropped, not migrated. */
const PROGRESS_VERSION = 1;

// Every list the reducer writes is far shorter (11 steps, MAX_RUNS runs, a report's
// findings); the cap only keeps a stuffed value from costing more than a real one.
const MAX_ITEMS = 64;
const stepIds = listOf(is<StepId>(isStepId), MAX_ITEMS);
const findingCodes = listOf(
  is<FindingCode>((value) => typeof value === 'string' && Object.hasOwn(FINDING_SEVERITY, value)),
  MAX_ITEMS,
);

const readStored = object({
  v: is<typeof PROGRESS_VERSION>((value) => value === PROGRESS_VERSION),
  done: stepIds,
  finishedAt: nullable(isoTime),
  runs: listOf(isoTime, MAX_ITEMS),
  verify: nullable(object({ at: isoTime, passed: bool, blockers: findingCodes })),
  seen: nullable(object({ at: isoTime, critical: findingCodes })),
});

/** What goes into storage: the progress with its version. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ v: PROGRESS_VERSION, ...progress });
}

/**
 * The stored text as Progress, or null when it is not one. Duplicates are dropped and
 * the order restored; verify counts as done only with a passing result, and a run
 * counts as finished only with every step done.
 */
export function parseProgress(text: string): Progress | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = readStored(raw);
  if (!parsed) return null;
  const { v: _version, ...stored } = parsed;
  const verify = stored.verify ? { ...stored.verify, passed: stored.verify.passed && stored.verify.blockers.length === 0 } : null;
  const done = STEP_IDS.filter((id) => stored.done.includes(id) && (id !== 'verify' || verify?.passed === true));
  return {
    done,
    finishedAt: done.length === STEP_COUNT ? stored.finishedAt : null,
    runs: stored.runs.slice(-MAX_RUNS),
    verify,
    seen: stored.seen ? { at: stored.seen.at, critical: [...new Set(stored.seen.critical)] } : null,
  };
}
