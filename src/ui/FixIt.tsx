// The sidebar's compact entry for an admin with a billing problem: "Fix it: step n of
// 11" opens the next step in place (a disclosure button); marking it done moves on to
// the one after. A finding's step link opens its step here too (StatusPanel's state),
// and the label then names the step shown. In the shipped widget the step's code is in
// admin.js (./admin-ui.tsx): the entry itself paints at once, asks for that file when
// the browser is idle, and a step asked for before it arrives opens once it has (the
// toggle shows it is busy meanwhile, so nothing jumps).
import { useContext, useEffect, useRef } from 'preact/hooks';
import { nextStep, nextStepAfter } from '../checklist/progress.ts';
import { STEP_COUNT, stepById, type StepId } from '../checklist/steps.ts';
import { AdminUiContext, WalkthroughStep } from './admin-ui.tsx';
import type { TextProps, WalkthroughState } from './types.ts';

interface FixItProps extends TextProps {
  state: WalkthroughState;
  /** The step shown in place, or null when folded. */
  openStep: StepId | null;
  onOpenStep(step: StepId | null): void;
  settingsHref?: string;
  idPrefix?: string;
}

export function FixIt({ state, openStep, onOpenStep, t, fmt, settingsHref, idPrefix = 'bytegpt-health-fixit' }: FixItProps) {
  const next = nextStep(state.progress);
  const regionId = `${idPrefix}-region`;
  const region = useRef<HTMLDivElement>(null);
  const admin = useContext(AdminUiContext);
  // No admin context: the step is bundled (built from source). A failed load shows its
  // notice and retry in the region.
  const shown = openStep !== null && (!admin || admin.parts !== null || admin.phase === 'failed');
  const pending = openStep !== null && !shown;
  useEffect(() => admin?.preload(), [admin === null]);
  // The toggle keeps focus (a disclosure). A step opened any other way (mark as done
  // moved on, a finding's link) gets it once shown, so keyboard users land on what opened.
  const toggledStep = useRef<StepId | null>(null);
  useEffect(() => {
    if (shown && openStep !== toggledStep.current) region.current?.querySelector<HTMLElement>('[data-step]')?.focus();
  }, [openStep, shown]);

  const toggle = () => {
    const opening = openStep === null;
    toggledStep.current = opening ? next : null;
    if (opening) admin?.load();
    onOpenStep(opening ? next : null);
  };

  const markedDone = (step: StepId) => {
    const progress = { ...state.progress, done: [...state.progress.done, step] };
    onOpenStep(nextStepAfter(progress, step));
  };

  return (
    <div class="bytegpt-health__fixit" data-fixit={pending ? 'loading' : openStep === null ? 'closed' : 'open'}>
      <button
        type="button"
        class="bytegpt-health__fixit-toggle"
        data-action="fix-it"
        aria-expanded={openStep === null ? 'false' : 'true'}
        aria-controls={shown ? regionId : undefined}
        aria-busy={pending ? 'true' : undefined}
        onClick={toggle}
      >
        <span class="bytegpt-health__fixit-chevron" aria-hidden="true" />
        {t('walkthrough.fix_it', { n: stepById(openStep ?? next).number, total: STEP_COUNT })}
      </button>
      {shown && openStep !== null ? (
        <div id={regionId} class="bytegpt-health__fixit-region" ref={region}>
          <WalkthroughStep
            tag="div"
            heading="h4"
            step={stepById(openStep)}
            state={state}
            t={t}
            fmt={fmt}
            idPrefix={idPrefix}
            settingsHref={settingsHref}
            onMarked={markedDone}
          />
        </div>
      ) : null}
    </div>
  );
}
