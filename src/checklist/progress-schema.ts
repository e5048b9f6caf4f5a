// Progress read back from storage is untrusted (another version, another tab, a user
// with devtools): it passes a schema, then the rules that tie its fields together.
import * as z from 'zod/mini';
import { FINDING_SEVERITY, type FindingCode } from '../health/types.ts';
import { MAX_RUNS, type Progress } from './progress.ts';
import { isStepId, STEP_COUNT, STEP_IDS, type StepId } from './steps.ts';

/** Bumped when the stored shape changes; an older shape is dropped, not migrated. */
const PROGRESS_VERSION = 1;

const iso = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))));
const stepId = z.custom<StepId>(isStepId);
const findingCode = z.custom<FindingCode>((value) => typeof value === 'string' && Object.hasOwn(FINDING_SEVERITY, value));

const StoredProgress = z.object({
  v: z.custom<typeof PROGRESS_VERSION>((value) => value === PROGRESS_VERSION),
  done: z.array(stepId),
  finishedAt: z.nullable(iso),
  runs: z.array(iso),
  verify: z.nullable(z.object({ at: iso, passed: z.boolean(), blockers: z.array(findingCode) })),
  seen: z.nullable(z.object({ at: iso, critical: z.array(findingCode) })),
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
  const parsed = StoredProgress.safeParse(raw);
  if (!parsed.success) return null;
  const { v: _version, ...stored } = parsed.data;
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
