// The members' "remind the admin" button: one press creates one Kommo task for an admin
// (src/kommo/remind-admin.ts does the work). Props in, one callback out; the outcome and
// every error are worded from the locales, next to the button, in a live region.
import type { Translate } from '../i18n/index.ts';

type RemindPhase = 'idle' | 'sending' | 'sent' | 'already' | 'error';

/** Why a reminder could not be sent; each has its own sentence (`remind.error.<code>`). */
type RemindError = 'session_expired' | 'forbidden' | 'rate_limited' | 'network' | 'no_entity' | 'no_admin' | 'widget_files' | 'failed';

export interface RemindState {
  phase: RemindPhase;
  error?: RemindError;
  /** The admin who gets (or already has) the task, as Kommo names them. */
  adminName?: string;
}

export interface RemindAdminProps {
  state: RemindState;
  t: Translate;
  onRemind: () => void;
}

/** Errors a second press cannot fix on this page: the button stays off. */
const FINAL_ERRORS: ReadonlySet<RemindError> = new Set(['no_entity', 'no_admin']);

function buttonLabel({ phase }: RemindState, t: Translate): string {
  if (phase === 'sending') return t('remind.sending');
  if (phase === 'sent') return t('remind.sent');
  if (phase === 'already') return t('remind.already');
  if (phase === 'error') return t('remind.retry');
  return t('remind.button');
}

function message(state: RemindState, t: Translate): string {
  const admin = state.adminName || t('remind.admin_fallback');
  if (state.phase === 'sent') return t('remind.sent_detail', { admin });
  if (state.phase === 'already') return t('remind.already_detail', { admin });
  if (state.phase === 'error') return t(`remind.error.${state.error ?? 'failed'}`);
  return '';
}

export function RemindAdmin({ state, t, onRemind }: RemindAdminProps) {
  const { phase, error } = state;
  const done = phase === 'sent' || phase === 'already';
  const blocked = phase === 'error' && error !== undefined && FINAL_ERRORS.has(error);
  const text = message(state, t);
  return (
    <div class="bytegpt-health__remind" data-remind={phase} data-remind-error={phase === 'error' ? (error ?? 'failed') : undefined}>
      <button
        type="button"
        class={`bytegpt-health__remind-button${done ? ' bytegpt-health__remind-button--done' : ''}`}
        data-action="remind-admin"
        disabled={phase === 'sending' || done || blocked}
        aria-busy={phase === 'sending' ? 'true' : 'false'}
        onClick={() => {
          // Disabled buttons get no click, but a double click can land before the redraw.
          if (phase === 'idle' || (phase === 'error' && !blocked)) onRemind();
        }}
      >
        {done ? (
          <svg class="bytegpt-health__remind-check" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        ) : null}
        {buttonLabel(state, t)}
      </button>
      <p
        class={`bytegpt-health__remind-message${phase === 'error' ? ' bytegpt-health__remind-message--error' : ''}`}
        // A live region without role="status": the panel's headline owns that role.
        aria-live="polite"
      >
        {text}
      </p>
    </div>
  );
}
