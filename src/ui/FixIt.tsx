// The sidebar's compact entry for an admin with a billing problem: "Fix it: step n of
// 11" opens the next step in place (a disclosure button); marking it done moves on to
// the one after. A finding's step link opens its step here too (StatusPanel's state),
// and the label then names the step shown.
import { useEffect, useRef } from 'preact/hooks';
import { nextStep, nextStepAfter } from '../checklist/progress.ts';
import { STEP_COUNT, stepById, type StepId } from '../checklist/steps.ts';
import type { TextProps, WalkthroughState } from './types.ts';
import { WalkthroughStep } from './WalkthroughStep.tsx';

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
  // The toggle keeps focus (a disclosure). A step opened any other way (mark as done
  // moved on, a finding's link) gets it, so keyboard users land on what opened.
  const toggled = useRef(false);
  useEffect(() => {
    const fromToggle = toggled.current;
    toggled.current = false;
    if (openStep !== null && !fromToggle) region.current?.querySelector<HTMLElement>('[data-step]')?.focus();
  }, [openStep]);

  const toggle = () => {
    toggled.current = true;
    onOpenStep(openStep === null ? next : null);
  };

  const markedDone = (step: StepId) => {
    const progress = { ...state.progress, done: [...state.progress.done, step] };
    onOpenStep(nextStepAfter(progress, step));
  };

  return (
    <div class="bytegpt-health__fixit" data-fixit={openStep === null ? 'closed' : 'open'}>
      <button
        type="button"
        class="bytegpt-health__fixit-toggle"
        data-action="fix-it"
        aria-expanded={openStep === null ? 'false' : 'true'}
        aria-controls={openStep === null ? undefined : regionId}
        onClick={toggle}
      >
        <span class="bytegpt-health__fixit-chevron" aria-hidden="true" />
        {t('walkthrough.fix_it', { n: stepById(openStep ?? next).number, total: STEP_COUNT })}
      </button>
      {openStep !== null ? (
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
