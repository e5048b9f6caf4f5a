// The whole update walkthrough (the advanced settings page, admins only): the article's
// steps, its three considerations, then verify and support, with the progress so far.
import { STEP_COUNT, STEPS, type StepKind } from '../checklist/steps.ts';
import type { TextProps, WalkthroughState } from './types.ts';
import { WalkthroughStep } from './WalkthroughStep.tsx';

interface WalkthroughProps extends TextProps {
  state: WalkthroughState;
  settingsHref?: string;
  idPrefix?: string;
}

/** The article's own grouping: the steps, "important considerations", "after update". */
const GROUPS: ReadonlyArray<readonly [string, readonly StepKind[]]> = [
  ['article', ['article']],
  ['consideration', ['consideration']],
  ['after', ['verify', 'support']],
];

export function Walkthrough({ state, t, fmt, settingsHref, idPrefix = 'bytegpt-health-step' }: WalkthroughProps) {
  const { progress } = state;
  const titleId = `${idPrefix}-walkthrough-title`;
  return (
    <section
      class="bytegpt-health__walkthrough"
      aria-labelledby={titleId}
      data-walkthrough-finished={progress.finishedAt ?? undefined}
      data-walkthrough-runs={progress.runs.length}
    >
      <h3 id={titleId} class="bytegpt-health__walkthrough-title">
        {t('walkthrough.title')}
      </h3>
      <p class="bytegpt-health__walkthrough-intro">{t('walkthrough.intro')}</p>
      <p class="bytegpt-health__walkthrough-progress" data-done-count={progress.done.length}>
        {t('walkthrough.progress', { done: fmt.number(progress.done.length), total: fmt.number(STEP_COUNT) })}
      </p>
      {progress.finishedAt ? (
        <p class="bytegpt-health__walkthrough-finished">{t('walkthrough.finished', { time: fmt.dateTime(progress.finishedAt) })}</p>
      ) : null}
      {GROUPS.map(([group, kinds]) => {
        const steps = STEPS.filter((step) => kinds.includes(step.kind));
        return (
          <div key={group} class="bytegpt-health__step-group">
            <h4 class="bytegpt-health__step-group-title">{t(`walkthrough.groups.${group}`)}</h4>
            <ol class="bytegpt-health__steps" start={steps[0]?.number}>
              {steps.map((step) => (
                <WalkthroughStep
                  key={step.id}
                  tag="li"
                  heading="h5"
                  step={step}
                  state={state}
                  t={t}
                  fmt={fmt}
                  idPrefix={idPrefix}
                  settingsHref={settingsHref}
                />
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
