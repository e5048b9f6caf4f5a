import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, MAX_RUNS, nextStep, nextStepAfter, reduceProgress, type Progress, type ProgressAction } from '../../../src/checklist/progress.ts';
import { STEP_IDS, type StepId } from '../../../src/checklist/steps.ts';
import { finding, report } from './fixtures.ts';

const T0 = '2026-11-27T10:00:00.000Z';
const T1 = '2026-11-27T11:00:00.000Z';
const T2 = '2026-11-27T12:00:00.000Z';
const T3 = '2026-11-27T13:00:00.000Z';
const T4 = '2026-11-27T14:00:00.000Z';

const run = (start: Progress, ...actions: ProgressAction[]) => actions.reduce(reduceProgress, start);
const mark = (step: StepId, at = T0): ProgressAction => ({ type: 'mark', step, at });
const MANUAL = STEP_IDS.filter((id) => id !== 'verify');
const allButVerify = () => run(EMPTY_PROGRESS, ...MANUAL.map((id) => mark(id)));
/** Every step done: verified by a healthy check at T1, finished at T1. */
const finished = () => run(allButVerify(), { type: 'verified', report: report(T1), at: T1 });

describe('mark done / undo', () => {
  it('marks and undoes a step, keeping the walkthrough order', () => {
    const p = run(EMPTY_PROGRESS, mark('billing'), mark('login'), mark('support'));
    expect(p.done).toEqual(['login', 'billing', 'support']);
    expect(run(p, { type: 'undo', step: 'billing' }).done).toEqual(['login', 'support']);
  });

  it('returns the same object when nothing changes', () => {
    const p = run(EMPTY_PROGRESS, mark('login'));
    expect(reduceProgress(p, mark('login'))).toBe(p);
    expect(reduceProgress(p, { type: 'undo', step: 'billing' })).toBe(p);
  });

  it('never marks verify by hand: only a passing check does', () => {
    expect(reduceProgress(EMPTY_PROGRESS, mark('verify'))).toBe(EMPTY_PROGRESS);
  });

  it('the next step is the first one not done, verify once all are done', () => {
    expect(nextStep(EMPTY_PROGRESS)).toBe('login');
    expect(nextStep(run(EMPTY_PROGRESS, mark('login'), mark('dashboard')))).toBe('billing');
    expect(nextStep(allButVerify())).toBe('verify');
    expect(nextStep(finished())).toBe('verify');
    const some = run(EMPTY_PROGRESS, mark('login'), mark('billing'));
    expect(nextStepAfter(some, 'billing')).toBe('payment_methods');
    expect(nextStepAfter(some, 'login')).toBe('dashboard');
    expect(nextStepAfter(run(EMPTY_PROGRESS, ...MANUAL.slice(0, -1).map((id) => mark(id))), 'secure_env')).toBe('verify');
    expect(nextStepAfter(finished(), 'support')).toBe('verify');
  });
});

describe('verify', () => {
  it('is done when the check passes, and records the result', () => {
    const p = run(EMPTY_PROGRESS, { type: 'verified', report: report(T1, finding('card_expiring')), at: T2 });
    expect(p.done).toEqual(['verify']);
    expect(p.verify).toEqual({ at: T1, passed: true, blockers: [] });
  });

  it('is not done when the check fails, and undone by a later failing check', () => {
    const failed = run(EMPTY_PROGRESS, { type: 'verified', report: report(T1, finding('credits_exhausted', 'probe')), at: T1 });
    expect(failed.done).toEqual([]);
    expect(failed.verify).toEqual({ at: T1, passed: false, blockers: ['credits_exhausted'] });
    const passed = run(failed, { type: 'verified', report: report(T2), at: T2 });
    expect(passed.done).toEqual(['verify']);
    const again = run(passed, { type: 'verified', report: report(T3, finding('quota_unverified', 'probe')), at: T3 });
    expect(again.done).toEqual([]);
    expect(again.verify?.blockers).toEqual(['quota_unverified']);
  });
});

describe('a finished run', () => {
  it('records when the last step was done', () => {
    const p = finished();
    expect(p.done).toEqual([...STEP_IDS]);
    expect(p.finishedAt).toBe(T1);
    expect(p.runs).toEqual([T1]);
  });

  it('finishes on the last manual step too, at that moment', () => {
    const p = run(EMPTY_PROGRESS, { type: 'verified', report: report(T1), at: T1 }, ...MANUAL.map((id) => mark(id, T2)));
    expect(p.finishedAt).toBe(T2);
  });

  it('reopens when a step is undone, keeps the record, and records the next finish as another run', () => {
    const reopened = run(finished(), { type: 'undo', step: 'support' });
    expect(reopened.finishedAt).toBeNull();
    expect(reopened.runs).toEqual([T1]);
    expect(run(reopened, mark('support', T2)).runs).toEqual([T1, T2]);
  });

  it(`keeps the last ${MAX_RUNS} runs`, () => {
    let p = finished();
    for (let i = 0; i < MAX_RUNS + 5; i += 1) p = run(p, { type: 'undo', step: 'login' }, mark('login', new Date(Date.parse(T2) + i * 1000).toISOString()));
    expect(p.runs).toHaveLength(MAX_RUNS);
  });
});

describe('starting over', () => {
  const credits = (at: string) => report(at, finding('credits_exhausted', 'probe'));

  it('starts over when a new critical billing finding appears after a finished run', () => {
    const p = run(finished(), { type: 'observe', report: report(T2) }, { type: 'observe', report: credits(T3) });
    expect(p.done).toEqual([]);
    expect(p.finishedAt).toBeNull();
    expect(p.verify).toBeNull();
    expect(p.runs).toEqual([T1]);
    expect(p.seen).toEqual({ at: T3, critical: ['credits_exhausted'] });
    expect(nextStep(p)).toBe('login');
  });

  it.each(['spend_limit_reached', 'card_expired', 'account_inactive'] as const)('%s starts it over too', (code) => {
    expect(run(finished(), { type: 'observe', report: report(T3, finding(code)) }).done).toEqual([]);
  });

  it('does not start over for warnings, non-billing criticals, or a relay balance', () => {
    for (const f of [finding('card_expiring'), finding('key_invalid'), finding('budget_exceeded'), finding('credits_exhausted', 'balance')]) {
      expect(run(finished(), { type: 'observe', report: report(T3, f) }).done).toHaveLength(STEP_IDS.length);
    }
  });

  it('does not start over for a run that is not finished', () => {
    const p = run(allButVerify(), { type: 'observe', report: credits(T3) });
    expect(p.done).toEqual(MANUAL);
  });

  it('ignores reports from before the finish and reports older than the last one seen', () => {
    expect(run(finished(), { type: 'observe', report: credits(T0) }).done).toHaveLength(STEP_IDS.length);
    const seen = run(finished(), { type: 'observe', report: report(T3) });
    expect(run(seen, { type: 'observe', report: credits(T2) }).done).toHaveLength(STEP_IDS.length);
  });

  it('a critical finding that was already there is not new; one that went away and came back is', () => {
    // The typed expiry is old: card_expired stays after verify passed, and stays.
    const withExpired = (at: string) => report(at, finding('card_expired'));
    let p = run(allButVerify(), { type: 'verified', report: withExpired(T1), at: T1 });
    expect(p.finishedAt).toBe(T1);
    p = run(p, { type: 'observe', report: withExpired(T2) });
    expect(p.done).toHaveLength(STEP_IDS.length);
    p = run(p, { type: 'observe', report: report(T3) }, { type: 'observe', report: withExpired(T4) });
    expect(p.done).toEqual([]);
  });
});
