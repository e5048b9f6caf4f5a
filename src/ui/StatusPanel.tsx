// The sidebar panel: overall status, findings, figures, last check and "check again".
// For an admin with a billing problem, "Fix it" opens the walkthrough's next step in
// place, and each finding links to what fixes it. Pure props in, callbacks out; every
// string comes through t().
import { useState } from 'preact/hooks';
import type { StepId } from '../checklist/steps.ts';
import { needsBillingFix } from '../checklist/verdicts.ts';
import { headlineKey } from '../health/text-params.ts';
import { intlLocale } from '../i18n/locale.ts';
import { FindingList } from './FindingList.tsx';
import { FixIt } from './FixIt.tsx';
import { RemindAdmin, type RemindState } from './RemindAdmin.tsx';
import { StatusIcon } from './icons.tsx';
import { SpendLines } from './SpendLines.tsx';
import { displayStatus, type PanelState, type Role, type TextProps, type WalkthroughState } from './types.ts';

export interface StatusPanelProps extends TextProps {
  state: PanelState;
  role: Role;
  onRecheck: () => void;
  /** Where an admin configures the widget; no link when absent. */
  configureHref?: string;
  /** The walkthrough, for admins: the sidebar's "Fix it" and the findings' step links. */
  walkthrough?: WalkthroughState;
  /**
   * Where the findings' step links go when the whole walkthrough is on the page (the
   * advanced page); the panel then shows no "Fix it" of its own.
   */
  onOpenStep?: (step: StepId) => void;
  /** Members: "remind the admin" (one Kommo task for an admin). */
  remind?: { state: RemindState; onRemind: () => void };
  /** Admins: option keys that fell back to defaults ('*' = the whole value was unusable). */
  optionProblems?: readonly string[];
}

/** Why the saved options are not what the admin typed; the keys are shown as plain text. */
function OptionsProblem({ keys, t }: { keys: readonly string[]; t: StatusPanelProps['t'] }) {
  const whole = keys.includes('*');
  return (
    <p class="bytegpt-health__notice" data-bytegpt-notice="options_problem" data-option-keys={keys.join(' ')}>
      {whole ? t('panel.options_problem_all') : t('panel.options_problem', { keys: keys.join(', ') })}
    </p>
  );
}

function NotConfigured({ role, t, configureHref }: Pick<StatusPanelProps, 'role' | 't' | 'configureHref'>) {
  return (
    <div class="bytegpt-health__notice" data-bytegpt-notice="not_configured">
      <p>{t('panel.not_configured')}</p>
      {role === 'admin' && configureHref ? (
        <a class="bytegpt-health__link" href={configureHref} data-action="configure">
          {t('panel.configure')}
        </a>
      ) : null}
      {role === 'member' ? <p class="bytegpt-health__ask">{t('panel.ask_admin')}</p> : null}
    </div>
  );
}

/** "25 min ago", "3 hr ago", "2 days ago" in the user's language (clock skew reads as now). */
function ageText(iso: string, language: Parameters<typeof intlLocale>[0], now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  const rtf = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto', style: 'short' });
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  if (minutes < 2_880) return rtf.format(-Math.floor(minutes / 60), 'hour');
  return rtf.format(-Math.floor(minutes / 1_440), 'day');
}

export function StatusPanel({ state, role, t, fmt, onRecheck, configureHref, walkthrough, onOpenStep, remind, optionProblems }: StatusPanelProps) {
  const [openStep, setOpenStep] = useState<StepId | null>(null);
  const status = displayStatus(state);
  const report = state.report;
  const admin = role === 'admin';
  // Not hidden while a check runs: the panel must not jump when a refresh lands.
  const needsAdmin = role === 'member' && state.configured && report && report.status !== 'ok';
  // Members get no walkthrough at all: no step, no step link, no settings link.
  const inPlace = admin && !onOpenStep ? walkthrough : undefined;
  const openStepLink = admin ? (onOpenStep ?? (inPlace ? setOpenStep : undefined)) : undefined;
  const showFixIt = inPlace && report && state.configured && (needsBillingFix(report) || openStep !== null);
  return (
    <section
      class={`bytegpt-health-root bytegpt-health--${status}`}
      data-bytegpt-health={status}
      data-bytegpt-role={role}
      data-bytegpt-configured={state.configured ? 'true' : 'false'}
      aria-busy={state.checking ? 'true' : 'false'}
    >
      <h3 class="bytegpt-health__title">{t('panel.title')}</h3>
      <div class="bytegpt-health__status" role="status" aria-live="polite">
        <StatusIcon kind={status} />
        <span class="bytegpt-health__status-text">{t(report && status !== 'checking' ? headlineKey(report) : `status.${status}`)}</span>
      </div>

      {!state.configured ? <NotConfigured role={role} t={t} configureHref={configureHref} /> : null}
      {admin && optionProblems && optionProblems.length > 0 ? <OptionsProblem keys={optionProblems} t={t} /> : null}
      {state.failed ? <p class="bytegpt-health__error">{t('panel.error_generic')}</p> : null}
      {report ? (
        <FindingList
          findings={report.findings}
          role={role}
          t={t}
          fmt={fmt}
          onOpenStep={openStepLink}
          settingsHref={admin ? configureHref : undefined}
        />
      ) : null}
      {showFixIt ? <FixIt state={inPlace} openStep={openStep} onOpenStep={setOpenStep} t={t} fmt={fmt} settingsHref={configureHref} /> : null}
      {needsAdmin ? <p class="bytegpt-health__ask">{t('panel.ask_admin')}</p> : null}
      {needsAdmin && remind ? <RemindAdmin state={remind.state} t={t} onRemind={remind.onRemind} /> : null}
      {report ? <SpendLines report={report} t={t} fmt={fmt} /> : null}

      {state.configured ? (
        <div class="bytegpt-health__footer">
          {report ? (
            <span class="bytegpt-health__checked" data-checked-at={report.checkedAt}>
              {t('panel.last_checked', { time: fmt.dateTime(report.checkedAt) })}
            </span>
          ) : null}
          {/* The latest check could not confirm the key: say how old the last good one is. */}
          {report?.lastSuccessAt ? (
            <span class="bytegpt-health__checked" data-last-success-at={report.lastSuccessAt}>
              {t('panel.last_success', { age: ageText(report.lastSuccessAt, fmt.language, Date.now()) })}
            </span>
          ) : null}
          <button
            type="button"
            class="bytegpt-health__button"
            data-action="recheck"
            disabled={state.checking}
            onClick={onRecheck}
          >
            {state.checking ? t(report ? 'panel.rechecking' : 'panel.checking') : t('panel.recheck')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
