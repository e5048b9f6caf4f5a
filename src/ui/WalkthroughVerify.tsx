// The verify step's own block: a real check (the health source's recheck, through a
// callback), "checking…" while it runs, the verdict, and the balance page to look at.
import type { TextProps, WalkthroughState } from './types.ts';
import { StatusIcon } from './icons.tsx';

interface WalkthroughVerifyProps extends TextProps {
  state: WalkthroughState;
}

function verifyState(state: WalkthroughState): 'running' | 'passed' | 'failed' | 'error' | 'none' {
  if (state.verifying) return 'running';
  if (state.verifyFailed) return 'error';
  const result = state.progress.verify;
  if (!result) return 'none';
  return result.passed ? 'passed' : 'failed';
}

export function WalkthroughVerify({ state, t, fmt }: WalkthroughVerifyProps) {
  const shown = verifyState(state);
  const result = state.progress.verify;
  return (
    <div class="bytegpt-health__verify" data-verify={shown}>
      <button
        type="button"
        class="bytegpt-health__verify-button"
        data-action="verify"
        disabled={state.verifying}
        aria-busy={state.verifying ? 'true' : 'false'}
        onClick={() => state.onVerify()}
      >
        {state.verifying ? t('walkthrough.verify.running') : t('walkthrough.verify.run')}
      </button>
      <div class="bytegpt-health__verify-result" role="status" aria-live="polite">
        {shown === 'error' ? <p class="bytegpt-health__error">{t('panel.error_generic')}</p> : null}
        {shown === 'passed' && result ? (
          <p class="bytegpt-health__verify-verdict bytegpt-health__verify-verdict--passed">
            <StatusIcon kind="ok" />
            <span>{t('walkthrough.verify.passed', { time: fmt.dateTime(result.at) })}</span>
          </p>
        ) : null}
        {shown === 'failed' && result ? (
          <div class="bytegpt-health__verify-verdict bytegpt-health__verify-verdict--failed">
            <StatusIcon kind="critical" />
            <div>
              <p>{t('walkthrough.verify.failed', { time: fmt.dateTime(result.at) })}</p>
              <ul class="bytegpt-health__verify-blockers">
                {result.blockers.map((code) => (
                  <li key={code} data-blocker={code}>
                    {t(`findings.${code}.title`)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
