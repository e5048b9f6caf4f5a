// One walkthrough step: what to do in one or two sentences, the OpenAI page it opens
// (a new tab, no opener), and mark done / undo. The same element serves the full list
// and the sidebar's "Fix it" entry; it always carries data-step and data-done.
import type { Step, StepId } from '../checklist/steps.ts';
import { isStepDone } from '../checklist/progress.ts';
import { CardExpiryForm } from './CardExpiryForm.tsx';
import type { TextProps, WalkthroughState } from './types.ts';
import { WalkthroughVerify } from './WalkthroughVerify.tsx';

interface WalkthroughStepProps extends TextProps {
  step: Step;
  state: WalkthroughState;
  /** `li` in the full list, `div` in the sidebar's "Fix it". */
  tag: 'li' | 'div';
  /** The step title's heading level under its surroundings. */
  heading: 'h4' | 'h5';
  idPrefix: string;
  settingsHref?: string;
  /** After "mark as done" (the sidebar moves on to the next step). */
  onMarked?: (step: StepId) => void;
}

const LINK_TEXT: Partial<Record<StepId, string>> = {
  verify: 'walkthrough.links.balance',
  support: 'walkthrough.links.help',
};

function CheckMark() {
  return (
    <svg class="bytegpt-health__step-check" viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M7.8 13.6L4.2 10l-1.4 1.4l5 5l9.4-9.4l-1.4-1.4z" fill="currentColor" />
    </svg>
  );
}

export function WalkthroughStep(props: WalkthroughStepProps) {
  const { step, state, t, fmt, tag: Tag, heading: Heading, idPrefix, settingsHref, onMarked } = props;
  const done = isStepDone(state.progress, step.id);
  const id = `${idPrefix}-${step.id}`;
  const titleId = `${id}-title`;
  const text = (part: string) => t(`walkthrough.steps.${step.id}.${part}`);
  const mark = () => {
    state.onMark(step.id, true);
    onMarked?.(step.id);
  };

  return (
    <Tag
      id={id}
      class={`bytegpt-health__step bytegpt-health__step--${step.kind}${done ? ' bytegpt-health__step--done' : ''}`}
      data-step={step.id}
      data-done={done ? 'true' : 'false'}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div class="bytegpt-health__step-head">
        <span class="bytegpt-health__step-number" aria-hidden="true">
          {done ? <CheckMark /> : step.number}
        </span>
        <Heading id={titleId} class="bytegpt-health__step-title">
          {text('title')}
          {done ? <span class="bytegpt-health__sr-only"> ({t('walkthrough.done')})</span> : null}
        </Heading>
      </div>
      <p class="bytegpt-health__step-body">{text('body')}</p>
      {step.id === 'edit_details' ? (
        <p class="bytegpt-health__step-note" data-note="no-card-data">
          {t('walkthrough.edit_note')}
        </p>
      ) : null}
      {step.id === 'verify' ? <WalkthroughVerify state={state} t={t} fmt={fmt} /> : null}
      <div class="bytegpt-health__step-actions">
        <a
          class="bytegpt-health__link bytegpt-health__step-link"
          href={step.href}
          target="_blank"
          rel="noopener noreferrer"
          data-action="open-step"
        >
          {t(LINK_TEXT[step.id] ?? 'walkthrough.links.openai')}
          <span class="bytegpt-health__sr-only"> {t('walkthrough.links.new_tab')}</span>
        </a>
        {done ? (
          <button type="button" class="bytegpt-health__step-undo" data-action="undo" aria-describedby={titleId} onClick={() => state.onMark(step.id, false)}>
            {t('walkthrough.undo')}
          </button>
        ) : step.id !== 'verify' ? (
          // Verify has no manual "done": only a check that passes marks it.
          <button type="button" class="bytegpt-health__step-button" data-action="mark-done" aria-describedby={titleId} onClick={mark}>
            {t('walkthrough.mark_done')}
          </button>
        ) : null}
      </div>
      {step.id === 'expiry_alerts' && done ? (
        <CardExpiryForm t={t} cardExpiry={state.cardExpiry} onSave={state.onSaveCardExpiry} idPrefix={id} settingsHref={settingsHref} />
      ) : null}
    </Tag>
  );
}
